// SET key value [NX|XX] [GET] [EX|PX|EXAT|PXAT n|KEEPTTL] (Redis 7.0 `setGenericCommand`).
import RESP

enum SetOptions {
    /// The entry is `set key value [NX|XX] [GET] [KEEPTTL] [PXAT ms]`: every relative expiry
    /// already absolute, so apply needs no clock.
    static let normalize: NormalizeHandler = { argv, context in
        let options: ExtendedStringOptions
        switch ExtendedStringOptions.parse(argv, from: 3, for: .set) {
        case .failure(let error): return .reply(error.reply)
        case .success(let parsed): options = parsed
        }
        switch options.absoluteExpiry(now: context.nowMilliseconds, commandName: "set") {
        case .failure(let error): return .reply(error.reply)
        case .success(let expireAt):
            return .entry(entryArguments(key: argv[1], value: argv[2], options: options, expireAt: expireAt))
        }
    }

    static func entryArguments(key: [UInt8], value: [UInt8], options: ExtendedStringOptions, expireAt: Int64?) -> [[UInt8]] {
        var arguments: [[UInt8]] = [Array("set".utf8), key, value]
        if options.ifAbsent { arguments.append(Array("NX".utf8)) }
        if options.ifPresent { arguments.append(Array("XX".utf8)) }
        if options.returnOld { arguments.append(Array("GET".utf8)) }
        if options.keepTTL { arguments.append(Array("KEEPTTL".utf8)) }
        if let expireAt { arguments += [Array("PXAT".utf8), Array(String(expireAt).utf8)] }
        return arguments
    }

    static let apply: ApplyHandler = { context in try applySet(context.arguments, &context) }

    /// Applies `set key value [options]` given as `arguments`, which commands rewritten as SET
    /// (SETEX, PSETEX, GETSET) pass after normalizing their own entry.
    static func applySet(_ arguments: [[UInt8]], _ context: inout ApplyContext) throws -> RESPValue {
        guard arguments.count >= 3, case .success(let options) = ExtendedStringOptions.parse(arguments, from: 3, for: .set),
              case .success(let expireAt) = options.absoluteExpiry(now: context.nowMilliseconds, commandName: "set")
        else { return ExtendedStringOptions.syntaxError }
        return try set(key: arguments[1], value: arguments[2], options: options, expireAt: expireAt, in: &context)
    }

    /// Shared with SETNX, SETEX, PSETEX and GETSET, which reply differently: `reply` is what a
    /// completed set answers without GET; `aborted` what NX/XX refusal answers.
    static func set(key: [UInt8], value: [UInt8], options: ExtendedStringOptions, expireAt: Int64?,
                    in context: inout ApplyContext, reply: RESPValue = .simpleString("OK"),
                    aborted: RESPValue = .nullBulk) throws -> RESPValue {
        let existing = try context.record(key)
        var old = RESPValue.nullBulk
        if options.returnOld {
            if let existing {
                guard existing.type == .string else { return StringCommands.wrongType }
                old = .bulk(existing.value)
            }
        }
        if (options.ifAbsent && existing != nil) || (options.ifPresent && existing == nil) {
            return options.returnOld ? old : aborted
        }
        let keptExpiry = options.keepTTL ? existing?.expireAtMilliseconds : nil
        try context.put(key, .string(value, expireAt: expireAt ?? keptExpiry))
        return options.returnOld ? old : reply
    }
}
