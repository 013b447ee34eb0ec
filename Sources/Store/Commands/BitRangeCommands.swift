// BITCOUNT and BITPOS over a byte or bit range (Redis 7.0 `bitcountCommand`, `bitposCommand`).
import RESP

enum BitRangeCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: StringCommands.keySpec("bitcount", arity: -2, flags: [.readonly], summary: "Count set bits in a string"),
                     data: .read(count)),
        CommandEntry(spec: StringCommands.keySpec("bitpos", arity: -3, flags: [.readonly], summary: "Find first bit set or clear in a string"),
                     data: .read(position)),
    ]

    /// What `start` and `end` count: bytes (the default) or bits.
    static func countsBits(_ argument: [UInt8]) -> Bool? {
        if StringCommands.isOption(argument, "bit") { return true }
        if StringCommands.isOption(argument, "byte") { return false }
        return nil
    }

    /// `bitcount key [start end [BYTE|BIT]]`. Redis 7.0 looks the key up first, so a missing key
    /// answers 0 whatever the other arguments; and both indexes counted from the end with the
    /// start after the end answer 0 before the unit is even read.
    static let count: ReadHandler = { argv, data in
        guard let record = try data.record(argv[1]) else { return .integer(0) }
        guard record.type == .string else { return StringCommands.wrongType }
        let value = record.value
        let bits: ClosedRange<Int64>?
        switch argv.count {
        case 2:
            bits = value.isEmpty ? nil : 0...(Int64(value.count) * 8 - 1)
        case 4, 5:
            guard let start = StrictInteger.parse(argv[2]), let end = StrictInteger.parse(argv[3]) else { return StringCommands.notAnInteger }
            if start < 0 && end < 0 && start > end { return .integer(0) }
            var inBits = false
            if argv.count == 5 {
                guard let unit = countsBits(argv[4]) else { return StringCommands.syntaxError }
                inBits = unit
            }
            bits = bitRange(start: start, end: end, inBits: inBits, byteCount: value.count)
        default:
            return StringCommands.syntaxError
        }
        guard let bits else { return .integer(0) }
        var total: Int64 = 0
        forEachByte(of: value, in: bits) { byte, mask in
            total += Int64((byte & mask).nonzeroBitCount)
            return true
        }
        return .integer(total)
    }

    /// `bitpos key bit [start [end [BYTE|BIT]]]`: the first bit equal to `bit` in the range. A
    /// missing key is all zeros (0 for a clear bit, -1 for a set one). Without an explicit end a
    /// string is taken as followed by zeros, so a clear bit not found answers the bit just past
    /// the string; with an explicit end, and for set bits, not found is -1.
    static let position: ReadHandler = { argv, data in
        guard let bit = StrictInteger.parse(argv[2]) else { return StringCommands.notAnInteger }
        guard bit == 0 || bit == 1 else { return .error("ERR The bit argument must be 1 or 0.") }
        let wantsSet = bit == 1
        guard let record = try data.record(argv[1]) else { return .integer(wantsSet ? -1 : 0) }
        guard record.type == .string else { return StringCommands.wrongType }
        let value = record.value
        let byteCount = Int64(value.count)
        var endGiven = false
        let bits: ClosedRange<Int64>?
        switch argv.count {
        case 3:
            bits = value.isEmpty ? nil : 0...(byteCount * 8 - 1)
        case 4, 5, 6:
            // Redis reads the start, then the unit, then the end.
            guard let start = StrictInteger.parse(argv[3]) else { return StringCommands.notAnInteger }
            var inBits = false
            if argv.count == 6 {
                guard let unit = countsBits(argv[5]) else { return StringCommands.syntaxError }
                inBits = unit
            }
            var end = inBits ? byteCount * 8 - 1 : byteCount - 1
            if argv.count >= 5 {
                guard let given = StrictInteger.parse(argv[4]) else { return StringCommands.notAnInteger }
                end = given
                endGiven = true
            }
            bits = bitRange(start: start, end: end, inBits: inBits, byteCount: value.count)
        default:
            return StringCommands.syntaxError
        }
        guard let bits else { return .integer(-1) }
        var found: Int64?
        var byteStart = bits.lowerBound & ~7
        forEachByte(of: value, in: bits) { byte, mask in
            let matches = (wantsSet ? byte : ~byte) & mask
            if matches != 0 {
                found = byteStart + Int64(matches.leadingZeroBitCount)
                return false
            }
            byteStart += 8
            return true
        }
        if let found { return .integer(found) }
        if wantsSet || endGiven { return .integer(-1) }
        return .integer((bits.upperBound / 8 + 1) * 8)
    }

    /// The bits a `start`/`end` pair selects: indexes of bytes or of bits by `inBits`, clamped by
    /// Redis's rules to the string. Nil when empty.
    static func bitRange(start: Int64, end: Int64, inBits: Bool, byteCount: Int) -> ClosedRange<Int64>? {
        let length = Int64(byteCount) * (inBits ? 8 : 1)
        guard let range = RangeCommands.clampedRange(start: start, end: end, length: length) else { return nil }
        return inBits ? range : (range.lowerBound * 8)...(range.upperBound * 8 + 7)
    }

    /// Calls `body` for each byte the bit range touches, in order, with the mask of its bits
    /// inside the range, until `body` returns false.
    static func forEachByte(of value: [UInt8], in bits: ClosedRange<Int64>, _ body: (_ byte: UInt8, _ mask: UInt8) -> Bool) {
        let first = Int(bits.lowerBound >> 3)
        let last = Int(bits.upperBound >> 3)
        for index in first...last {
            var mask: UInt8 = 0xFF
            if index == first { mask &= 0xFF >> UInt8(bits.lowerBound & 7) }
            if index == last { mask &= 0xFF << UInt8(7 - (bits.upperBound & 7)) }
            guard body(value[index], mask) else { return }
        }
    }
}
