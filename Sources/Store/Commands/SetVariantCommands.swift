// SETNX, SETEX, PSETEX and GETSET: SET with fixed options and their own replies (Redis 7.0).
import RESP

enum SetVariantCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: StringCommands.keySpec("setnx", arity: 3, flags: [.write, .denyOOM, .fast],
                                                  summary: "Set the value of a key, only if the key does not exist"),
                     data: .write(normalize: nil, apply: applySetIfAbsent)),
        RewrittenCommand.entry(spec: StringCommands.keySpec("setex", arity: 4, flags: [.write, .denyOOM],
                                                            summary: "Set the value and expiration of a key"),
                               normalize: normalizeSetWithExpiry(.seconds, commandName: "setex"), applyRewritten: SetOptions.applySet),
        RewrittenCommand.entry(spec: StringCommands.keySpec("psetex", arity: 4, flags: [.write, .denyOOM],
                                                            summary: "Set the value and expiration in milliseconds of a key"),
                               normalize: normalizeSetWithExpiry(.milliseconds, commandName: "psetex"), applyRewritten: SetOptions.applySet),
        RewrittenCommand.entry(spec: StringCommands.keySpec("getset", arity: 3, flags: [.write, .denyOOM, .fast],
                                                            summary: "Set the string value of a key and return its old value"),
                               normalize: normalizeGetSet, applyRewritten: SetOptions.applySet),
    ]

    /// `setnx key value`: 1 when it set the key, 0 when the key existed (left as it was).
    static let applySetIfAbsent: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 3 else { return .error(CommandErrors.wrongArity("setnx")) }
        var options = ExtendedStringOptions()
        options.ifAbsent = true
        return try SetOptions.set(key: arguments[1], value: arguments[2], options: options, expireAt: nil, in: &context,
                                  reply: .integer(1), aborted: .integer(0))
    }

    /// `setex key seconds value` / `psetex key ms value` → `set key value PXAT <ms>`; SET's reply
    /// is theirs. The expiry is checked first, with the command's own name in the error.
    static func normalizeSetWithExpiry(_ unit: ExtendedStringOptions.ExpiryUnit, commandName: String) -> NormalizeHandler {
        { argv, context in
            switch ExtendedStringOptions.absoluteExpiry(argv[2], unit: unit, now: context.nowMilliseconds, commandName: commandName) {
            case .failure(let error):
                return .reply(error.reply)
            case .success(let expireAt):
                return .entry(SetOptions.entryArguments(key: argv[1], value: argv[3], options: ExtendedStringOptions(), expireAt: expireAt))
            }
        }
    }

    /// `getset key value` → `set key value GET`: the same reply (the old value, nil, or WRONGTYPE
    /// without setting) and the same effect (the new value without a TTL).
    static let normalizeGetSet: NormalizeHandler = { argv, _ in
        var options = ExtendedStringOptions()
        options.returnOld = true
        return .entry(SetOptions.entryArguments(key: argv[1], value: argv[2], options: options, expireAt: nil))
    }
}
