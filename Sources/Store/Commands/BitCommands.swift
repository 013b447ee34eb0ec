// SETBIT, GETBIT and BITOP (Redis 7.0 `setbitCommand`, `getbitCommand`, `bitopCommand`).
import RESP

/// A string is an array of bits, bit 0 the most significant bit of the first byte.
enum BitCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: StringCommands.keySpec("setbit", arity: 4, flags: [.write, .denyOOM],
                                                  summary: "Sets or clears the bit at offset in the string value stored at key"),
                     data: .write(normalize: normalizeSetBit, apply: applySetBit)),
        CommandEntry(spec: StringCommands.keySpec("getbit", arity: 3, flags: [.readonly, .fast],
                                                  summary: "Returns the bit value at offset in the string value stored at key"),
                     data: .read(bitAt)),
        // The destination and every source must share a slot (DESIGN §5).
        CommandEntry(spec: CommandSpec("bitop", arity: -4, flags: [.write, .denyOOM], firstKey: 2, lastKey: -1, keyStep: 1,
                                       summary: "Perform bitwise operations between strings"),
                     data: .write(normalize: normalizeBitOperation, apply: applyBitOperation)),
    ]

    static let offsetError = RESPValue.error("ERR bit offset is not an integer or out of range")
    static let bitError = RESPValue.error("ERR bit is not an integer or out of range")

    /// A bit offset as Redis's `getBitOffsetFromArgument` reads it: an integer, not negative,
    /// whose byte lies within the longest string allowed.
    static func bitOffset(_ argument: [UInt8]) -> Int64? {
        guard let offset = StrictInteger.parse(argument), offset >= 0, offset >> 3 < StringCommands.maximumLength else { return nil }
        return offset
    }

    /// 0 or 1; Redis reads any integer and refuses all but those with the same error.
    static func bitValue(_ argument: [UInt8]) -> Bool? {
        switch StrictInteger.parse(argument) {
        case 0: false
        case 1: true
        default: nil
        }
    }

    /// The mask of bit `offset` within its byte: bit 0 is the byte's most significant bit.
    static func mask(ofBit offset: Int64) -> UInt8 {
        0x80 >> UInt8(offset & 7)
    }

    /// Both arguments are checked before the key is looked up, as in Redis.
    static let normalizeSetBit: NormalizeHandler = { argv, _ in
        guard bitOffset(argv[2]) != nil else { return .reply(offsetError) }
        guard bitValue(argv[3]) != nil else { return .reply(bitError) }
        return .entry(argv)
    }

    /// Sets the bit, growing the string with zero bytes as needed (a missing key becomes one);
    /// answers the bit's previous value. The TTL stays.
    static let applySetBit: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 4 else { return .error(CommandErrors.wrongArity("setbit")) }
        guard let offset = bitOffset(arguments[2]) else { return offsetError }
        guard let newValue = bitValue(arguments[3]) else { return bitError }
        let key = arguments[1]
        let existing = try context.record(key)
        if let existing, existing.type != .string { return StringCommands.wrongType }
        var record = existing ?? .string([])
        let byte = Int(offset >> 3)
        let grows = record.value.count <= byte
        if grows { record.value += repeatElement(0, count: byte + 1 - record.value.count) }
        let mask = mask(ofBit: offset)
        let oldValue = record.value[byte] & mask != 0
        if newValue {
            record.value[byte] |= mask
        } else {
            record.value[byte] &= ~mask
        }
        if existing == nil || grows || oldValue != newValue { try context.put(key, record) }
        return .integer(oldValue ? 1 : 0)
    }

    /// A bit past the end, or of a missing key, is 0.
    static let bitAt: ReadHandler = { argv, data in
        guard let offset = bitOffset(argv[2]) else { return offsetError }
        guard let record = try data.record(argv[1]) else { return .integer(0) }
        guard record.type == .string else { return StringCommands.wrongType }
        let byte = Int(offset >> 3)
        guard byte < record.value.count else { return .integer(0) }
        return .integer(record.value[byte] & mask(ofBit: offset) != 0 ? 1 : 0)
    }

    enum Operation {
        case and, or, xor, not

        init?(_ argument: [UInt8]) {
            if StringCommands.isOption(argument, "and") {
                self = .and
            } else if StringCommands.isOption(argument, "or") {
                self = .or
            } else if StringCommands.isOption(argument, "xor") {
                self = .xor
            } else if StringCommands.isOption(argument, "not") {
                self = .not
            } else {
                return nil
            }
        }
    }

    static let normalizeBitOperation: NormalizeHandler = { argv, _ in
        guard let operation = Operation(argv[1]) else { return .reply(StringCommands.syntaxError) }
        guard operation != .not || argv.count == 4 else { return .reply(.error("ERR BITOP NOT must be called with a single source key.")) }
        return .entry(argv)
    }

    /// `bitop op destination source…`: missing sources are empty strings, shorter ones are
    /// padded with zero bytes; the result is as long as the longest source. An empty result
    /// deletes the destination (whatever its type); otherwise it replaces it without a TTL.
    static let applyBitOperation: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count >= 4 else { return .error(CommandErrors.wrongArity("bitop")) }
        guard let operation = Operation(arguments[1]) else { return StringCommands.syntaxError }
        let destination = arguments[2]
        var sources: [[UInt8]] = []
        for key in arguments[3...] {
            guard let record = try context.record(key) else {
                sources.append([])
                continue
            }
            guard record.type == .string else { return StringCommands.wrongType }
            sources.append(record.value)
        }
        let result = combine(sources, operation)
        if result.isEmpty {
            try context.delete(destination)
        } else {
            try context.put(destination, .string(result))
        }
        return .integer(Int64(result.count))
    }

    static func combine(_ sources: [[UInt8]], _ operation: Operation) -> [UInt8] {
        let length = sources.map(\.count).max() ?? 0
        var result = [UInt8](repeating: 0, count: length)
        for index in 0..<length {
            let bytes = sources.lazy.map { index < $0.count ? $0[index] : 0 }
            switch operation {
            case .and: result[index] = bytes.reduce(0xFF, &)
            case .or: result[index] = bytes.reduce(0, |)
            case .xor: result[index] = bytes.reduce(0, ^)
            case .not: result[index] = ~(bytes.first ?? 0)
            }
        }
        return result
    }
}
