// GETDEL and GETEX: GET that also deletes the key or changes its expiry (Redis 7.0).
import RESP

enum GetVariantCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: StringCommands.keySpec("getdel", arity: 2, flags: [.write, .fast],
                                                  summary: "Get the value of a key and delete the key"),
                     data: .write(normalize: nil, apply: applyGetDelete)),
        // Even without options a write entry: one kind of entry for every form keeps apply simple,
        // and the region orders it with the writes around it anyway.
        CommandEntry(spec: StringCommands.keySpec("getex", arity: -2, flags: [.write, .fast],
                                                  summary: "Get the value of a key and optionally set its expiration"),
                     data: .write(normalize: normalizeGetExpire, apply: applyGetExpire)),
    ]

    static let applyGetDelete: ApplyHandler = { context in
        guard context.arguments.count == 2 else { return .error(CommandErrors.wrongArity("getdel")) }
        let key = context.arguments[1]
        guard let record = try context.record(key) else { return .nullBulk }
        guard record.type == .string else { return StringCommands.wrongType }
        try context.delete(key)
        return .bulk(record.value)
    }

    /// The entry's expiry changes: `getex key`, `getex key PERSIST`, `getex key PXAT <ms>`, or
    /// `getex key REFUSE <error>` for an expiry that is not valid.
    private enum ExpiryChange {
        static let persist = "PERSIST"
        static let expireAt = "PXAT"
        /// Redis checks the expiry's value only after finding a string under the key (a missing
        /// key answers nil even with `EX abc`), so normalize cannot answer the error itself:
        /// it hands the error text to apply, which answers it when its turn comes.
        static let refuse = "REFUSE"
    }

    /// Syntax errors are answered at once (Redis parses the options first); relative expiries
    /// become absolute (DESIGN §6a).
    static let normalizeGetExpire: NormalizeHandler = { argv, context in
        let options: ExtendedStringOptions
        switch ExtendedStringOptions.parse(argv, from: 2, for: .getex) {
        case .failure(let error): return .reply(error.reply)
        case .success(let parsed): options = parsed
        }
        var arguments: [[UInt8]] = [Array("getex".utf8), argv[1]]
        if options.persist {
            arguments.append(Array(ExpiryChange.persist.utf8))
        } else {
            switch options.absoluteExpiry(now: context.nowMilliseconds, commandName: "getex") {
            case .success(let expireAt?):
                arguments += [Array(ExpiryChange.expireAt.utf8), Array(String(expireAt).utf8)]
            case .success(nil):
                break
            case .failure(let error):
                guard case .error(let text) = error.reply else { return .reply(error.reply) }
                arguments += [Array(ExpiryChange.refuse.utf8), Array(text.utf8)]
            }
        }
        return .entry(arguments)
    }

    static let applyGetExpire: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count >= 2 else { return .error(CommandErrors.wrongArity("getex")) }
        let key = arguments[1]
        guard let record = try context.record(key) else { return .nullBulk }
        guard record.type == .string else { return StringCommands.wrongType }
        let change = arguments.dropFirst(2)
        guard let option = change.first else { return .bulk(record.value) }
        switch (String(decoding: option, as: UTF8.self), change.count) {
        case (ExpiryChange.persist, 1):
            if record.expireAtMilliseconds != nil {
                var persisted = record
                persisted.expireAtMilliseconds = nil
                try context.put(key, persisted)
            }
        case (ExpiryChange.expireAt, 2):
            guard let expireAt = StrictInteger.parse(change[change.startIndex + 1]) else { return StringCommands.syntaxError }
            if expireAt <= context.nowMilliseconds {
                // An EXAT/PXAT already past deletes the key, as Redis does (EX/PX never get
                // here: normalize added them to the entry's own time).
                try context.delete(key)
            } else {
                var expiring = record
                expiring.expireAtMilliseconds = expireAt
                try context.put(key, expiring)
            }
        case (ExpiryChange.refuse, 2):
            return .error(String(decoding: change[change.startIndex + 1], as: UTF8.self))
        default:
            return StringCommands.syntaxError
        }
        return .bulk(record.value)
    }
}
