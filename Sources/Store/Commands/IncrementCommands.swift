// INCR, DECR, INCRBY, DECRBY and INCRBYFLOAT (Redis 7.0 `incrDecrCommand`, `incrbyfloatCommand`).
import RESP

/// A string holding a number is changed in place: its TTL stays.
enum IncrementCommands {
    static let entries: [CommandEntry] = [
        RewrittenCommand.entry(spec: StringCommands.keySpec("incr", arity: 2, flags: [.write, .denyOOM, .fast],
                                                            summary: "Increment the integer value of a key by one"),
                               normalize: { argv, _ in .entry(incrementEntry(argv[1], by: 1)) }, applyRewritten: applyIncrement),
        RewrittenCommand.entry(spec: StringCommands.keySpec("decr", arity: 2, flags: [.write, .denyOOM, .fast],
                                                            summary: "Decrement the integer value of a key by one"),
                               normalize: { argv, _ in .entry(incrementEntry(argv[1], by: -1)) }, applyRewritten: applyIncrement),
        CommandEntry(spec: StringCommands.keySpec("incrby", arity: 3, flags: [.write, .denyOOM, .fast],
                                                  summary: "Increment the integer value of a key by the given amount"),
                     data: .write(normalize: normalizeIncrementBy, apply: { context in try applyIncrement(context.arguments, &context) })),
        RewrittenCommand.entry(spec: StringCommands.keySpec("decrby", arity: 3, flags: [.write, .denyOOM, .fast],
                                                            summary: "Decrement the integer value of a key by the given number"),
                               normalize: normalizeDecrementBy, applyRewritten: applyIncrement),
        CommandEntry(spec: StringCommands.keySpec("incrbyfloat", arity: 3, flags: [.write, .denyOOM, .fast],
                                                  summary: "Increment the float value of a key by the given amount"),
                     data: .write(normalize: nil, apply: applyIncrementByFloat)),
    ]

    static let overflow = RESPValue.error("ERR increment or decrement would overflow")
    static let notAFloat = RESPValue.error("ERR value is not a valid float")
    static let notFinite = RESPValue.error("ERR increment would produce NaN or Infinity")

    /// `incrby key <delta>`: the one entry every integer command becomes.
    static func incrementEntry(_ key: [UInt8], by delta: Int64) -> [[UInt8]] {
        [Array("incrby".utf8), key, Array(String(delta).utf8)]
    }

    /// Redis reads the increment before looking at the key, so its error comes first.
    static let normalizeIncrementBy: NormalizeHandler = { argv, _ in
        guard let delta = StrictInteger.parse(argv[2]) else { return .reply(StringCommands.notAnInteger) }
        return .entry(incrementEntry(argv[1], by: delta))
    }

    static let normalizeDecrementBy: NormalizeHandler = { argv, _ in
        guard let delta = StrictInteger.parse(argv[2]) else { return .reply(StringCommands.notAnInteger) }
        // -Int64.min does not exist.
        guard delta != .min else { return .reply(.error("ERR decrement would overflow")) }
        return .entry(incrementEntry(argv[1], by: -delta))
    }

    /// `incrby key delta`: a missing key counts as 0; the stored text must be exactly a signed
    /// 64-bit integer (Redis's `string2ll`), and so must the result.
    static func applyIncrement(_ arguments: [[UInt8]], _ context: inout ApplyContext) throws -> RESPValue {
        guard arguments.count == 3 else { return .error(CommandErrors.wrongArity("incrby")) }
        guard let delta = StrictInteger.parse(arguments[2]) else { return StringCommands.notAnInteger }
        let key = arguments[1]
        let existing = try context.record(key)
        var current: Int64 = 0
        if let existing {
            guard existing.type == .string else { return StringCommands.wrongType }
            guard let stored = StrictInteger.parse(existing.value) else { return StringCommands.notAnInteger }
            current = stored
        }
        let (sum, overflowed) = current.addingReportingOverflow(delta)
        guard !overflowed else { return overflow }
        try context.put(key, .string(Array(String(sum).utf8), expireAt: existing?.expireAtMilliseconds))
        return .integer(sum)
    }

    /// `incrbyfloat key increment`, computed in C's x87 `long double` as Redis computes it (see
    /// `ExtendedDouble`), so the sum and its text match Redis's and every replica's.
    static let applyIncrementByFloat: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 3 else { return .error(CommandErrors.wrongArity("incrbyfloat")) }
        let key = arguments[1]
        let existing = try context.record(key)
        var current = ExtendedDouble.zero
        if let existing {
            // Redis checks the type, then the stored value, and only then the increment.
            guard existing.type == .string else { return StringCommands.wrongType }
            guard let stored = ExtendedDouble.parse(existing.value) else { return notAFloat }
            current = stored
        }
        guard let increment = ExtendedDouble.parse(arguments[2]) else { return notAFloat }
        let sum = current + increment
        guard sum.isFinite else { return notFinite }
        let text = sum.humanText()
        try context.put(key, .string(text, expireAt: existing?.expireAtMilliseconds))
        return .bulk(text)
    }
}
