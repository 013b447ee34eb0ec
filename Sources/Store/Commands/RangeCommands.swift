// APPEND, STRLEN, GETRANGE and SETRANGE: a string's length and byte ranges (Redis 7.0).
import RESP

enum RangeCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: StringCommands.keySpec("append", arity: 3, flags: [.write, .denyOOM, .fast], summary: "Append a value to a key"),
                     data: .write(normalize: nil, apply: applyAppend)),
        CommandEntry(spec: StringCommands.keySpec("strlen", arity: 2, flags: [.readonly, .fast],
                                                  summary: "Get the length of the value stored in a key"),
                     data: .read(length)),
        CommandEntry(spec: StringCommands.keySpec("getrange", arity: 4, flags: [.readonly],
                                                  summary: "Get a substring of the string stored at a key"),
                     data: .read(range)),
        CommandEntry(spec: StringCommands.keySpec("setrange", arity: 4, flags: [.write, .denyOOM],
                                                  summary: "Overwrite part of a string at key starting at the specified offset"),
                     data: .write(normalize: normalizeSetRange, apply: applySetRange)),
    ]

    /// A missing key becomes the value (even an empty one); an existing one keeps its TTL.
    static let applyAppend: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 3 else { return .error(CommandErrors.wrongArity("append")) }
        let (key, suffix) = (arguments[1], arguments[2])
        guard let existing = try context.record(key) else {
            try context.put(key, .string(suffix))
            return .integer(Int64(suffix.count))
        }
        guard existing.type == .string else { return StringCommands.wrongType }
        guard StringCommands.fitsMaximumLength(Int64(existing.value.count), adding: suffix.count) else { return StringCommands.tooLong }
        var appended = existing
        appended.value += suffix
        try context.put(key, appended)
        return .integer(Int64(appended.value.count))
    }

    static let length: ReadHandler = { argv, data in
        guard let record = try data.record(argv[1]) else { return .integer(0) }
        guard record.type == .string else { return StringCommands.wrongType }
        return .integer(Int64(record.value.count))
    }

    /// Inclusive `start`/`end`, negative ones counted from the end, clamped to the string;
    /// empty when nothing is left. Both are read before the key is looked up, as in Redis.
    static let range: ReadHandler = { argv, data in
        guard let start = StrictInteger.parse(argv[2]), let end = StrictInteger.parse(argv[3]) else { return StringCommands.notAnInteger }
        guard let record = try data.record(argv[1]) else { return .bulk([]) }
        guard record.type == .string else { return StringCommands.wrongType }
        // Both counted from the end with the start after the end: empty even when clamping
        // would make them overlap (`-1 -5` on "abc").
        if start < 0 && end < 0 && start > end { return .bulk([]) }
        let value = record.value
        guard let bounds = clampedRange(start: start, end: end, length: Int64(value.count)) else { return .bulk([]) }
        return .bulk(Array(value[Int(bounds.lowerBound)...Int(bounds.upperBound)]))
    }

    /// Redis's index rules for GETRANGE, BITCOUNT and BITPOS: a negative index counts from the
    /// end, then both are clamped to `0...length-1`. Nil when the range is empty. Never
    /// overflows: a negative index plus a non-negative length stays in range.
    static func clampedRange(start: Int64, end: Int64, length: Int64) -> ClosedRange<Int64>? {
        let from = max(start < 0 ? length + start : start, 0)
        let through = min(max(end < 0 ? length + end : end, 0), length - 1)
        return from <= through ? from...through : nil
    }

    /// The offset is read and checked before the key is looked up, as in Redis.
    static let normalizeSetRange: NormalizeHandler = { argv, _ in
        guard let offset = StrictInteger.parse(argv[2]) else { return .reply(StringCommands.notAnInteger) }
        guard offset >= 0 else { return .reply(.error("ERR offset is out of range")) }
        return .entry(argv)
    }

    /// Writes the value at `offset`, padding with zero bytes; an empty value changes nothing and
    /// answers the current length (0 for a missing key, which it does not create).
    static let applySetRange: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 4 else { return .error(CommandErrors.wrongArity("setrange")) }
        guard let offset = StrictInteger.parse(arguments[2]), offset >= 0 else { return .error("ERR offset is out of range") }
        let (key, patch) = (arguments[1], arguments[3])
        let existing = try context.record(key)
        if let existing, existing.type != .string { return StringCommands.wrongType }
        if patch.isEmpty { return .integer(Int64(existing?.value.count ?? 0)) }
        guard StringCommands.fitsMaximumLength(offset, adding: patch.count) else { return StringCommands.tooLong }
        var record = existing ?? .string([])
        let start = Int(offset)
        let end = start + patch.count
        if record.value.count < end { record.value += repeatElement(0, count: end - record.value.count) }
        record.value.replaceSubrange(start..<end, with: patch)
        try context.put(key, record)
        return .integer(Int64(record.value.count))
    }
}
