// EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT [NX|XX|GT|LT] and PERSIST (Redis 7.0 `expireGenericCommand`).
import RESP

enum ExpireCommands {
    static let entries: [CommandEntry] = [
        expireEntry("expire", unit: .seconds, relative: true, since: "1.0.0", summary: "Set a key's time to live in seconds"),
        expireEntry("pexpire", unit: .milliseconds, relative: true, since: "2.6.0", summary: "Set a key's time to live in milliseconds"),
        expireEntry("expireat", unit: .seconds, relative: false, since: "1.2.0", summary: "Set the expiration for a key as a UNIX timestamp"),
        expireEntry("pexpireat", unit: .milliseconds, relative: false, since: "2.6.0",
                    summary: "Set the expiration for a key as a UNIX timestamp specified in milliseconds"),
        CommandEntry(spec: CommandSpec("persist", arity: 2, flags: [.write, .fast], firstKey: 1, lastKey: 1, keyStep: 1,
                                       summary: "Remove the expiration from a key", categories: [.keyspace],
                                       keySpecs: [.single([.readWrite, .update])],
                                       docs: CommandDocs(since: "2.2.0", group: .generic, complexity: "O(1)")),
                     data: .write(normalize: nil, apply: persist)),
    ]

    enum Unit { case seconds, milliseconds }

    /// Every form proposes the same entry, `pexpireat key <absolute ms> [NX] [XX] [GT] [LT]`
    /// (DESIGN §6a: relative times made absolute), applied by PEXPIREAT's apply.
    static let entryName = "pexpireat"

    private static func expireEntry(_ name: String, unit: Unit, relative: Bool, since: String, summary: String) -> CommandEntry {
        CommandEntry(spec: CommandSpec(name, arity: -3, flags: [.write, .fast], firstKey: 1, lastKey: 1, keyStep: 1, summary: summary,
                                       categories: [.keyspace], keySpecs: [.single([.readWrite, .update])],
                                       docs: CommandDocs(since: since, group: .generic, complexity: "O(1)")),
                     data: .write(normalize: normalize(name, unit: unit, relative: relative), apply: applyExpireAt))
    }

    /// Redis's order: options first, then the number, then the overflow checks.
    static func normalize(_ name: String, unit: Unit, relative: Bool) -> NormalizeHandler {
        { argv, context in
            let conditions: ExpireConditions
            switch ExpireConditions.parse(argv, from: 3) {
            case .failure(let error): return .reply(error.reply)
            case .success(let parsed): conditions = parsed
            }
            guard let value = StrictInteger.parse(argv[2]) else { return .reply(ExtendedStringOptions.notAnInteger) }
            guard let when = absoluteTime(value, unit: unit, base: relative ? context.nowMilliseconds : 0) else {
                return .reply(.error("ERR invalid expire time in '\(name)' command"))
            }
            return .entry([Array(entryName.utf8), argv[1], Array(String(when).utf8)] + conditions.arguments)
        }
    }

    /// `value` in `unit` after `base` as Unix milliseconds, or nil when that overflows. Negative
    /// values are allowed: they name a time in the past, which deletes the key.
    static func absoluteTime(_ value: Int64, unit: Unit, base: Int64) -> Int64? {
        var milliseconds = value
        if unit == .seconds {
            let (product, overflow) = value.multipliedReportingOverflow(by: 1000)
            guard !overflow else { return nil }
            milliseconds = product
        }
        // Redis refuses only a sum past the largest time; a negative one is simply in the past.
        let (sum, overflow) = milliseconds.addingReportingOverflow(base)
        return overflow ? nil : sum
    }

    /// `pexpireat key ms [conditions]`: 0 when the key is missing or a condition refuses;
    /// otherwise sets the expiry, or deletes the key when the time is not after the entry's
    /// time, and answers 1.
    static let applyExpireAt: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count >= 3, let when = StrictInteger.parse(arguments[2]),
              case .success(let conditions) = ExpireConditions.parse(arguments, from: 3)
        else { return ExtendedStringOptions.syntaxError }
        let key = arguments[1]
        guard var record = try context.record(key) else { return .integer(0) }
        guard conditions.permit(current: record.expireAtMilliseconds, new: when) else { return .integer(0) }
        if when <= context.nowMilliseconds {
            try context.delete(key)
        } else {
            record.expireAtMilliseconds = when
            try context.put(key, record)
        }
        return .integer(1)
    }

    /// `persist key`: 1 when an expiry was removed.
    static let persist: ApplyHandler = { context in
        guard context.arguments.count == 2 else { return ExtendedStringOptions.syntaxError }
        let key = context.arguments[1]
        guard var record = try context.record(key), record.expireAtMilliseconds != nil else { return .integer(0) }
        record.expireAtMilliseconds = nil
        try context.put(key, record)
        return .integer(1)
    }
}
