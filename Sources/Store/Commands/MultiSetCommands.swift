// MSET and MSETNX: several keys of one slot set at once (Redis 7.0 `msetGenericCommand`).
import RESP

/// The keys must share a slot (DESIGN §5): the store answers CROSSSLOT otherwise, from the key
/// positions in the spec (every second argument).
enum MultiSetCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: CommandSpec("mset", arity: -3, flags: [.write, .denyOOM], firstKey: 1, lastKey: -1, keyStep: 2,
                                       summary: "Set multiple keys to multiple values"),
                     data: .write(normalize: normalizePairs("mset"), apply: applySetAll)),
        CommandEntry(spec: CommandSpec("msetnx", arity: -3, flags: [.write, .denyOOM], firstKey: 1, lastKey: -1, keyStep: 2,
                                       summary: "Set multiple keys to multiple values, only if none of the keys exist"),
                     data: .write(normalize: normalizePairs("msetnx"), apply: applySetAllIfNoneExists)),
    ]

    /// An arity cannot say "an even number of arguments after the name", so Redis's command
    /// answers an odd count with the arity error itself. Normalize runs before the CROSSSLOT
    /// check, so that error comes first here too.
    static func normalizePairs(_ name: String) -> NormalizeHandler {
        { argv, _ in argv.count % 2 == 0 ? .reply(.error(CommandErrors.wrongArity(name))) : .entry(argv) }
    }

    /// Each key gets its value without a TTL, whatever it held before; a key named twice gets
    /// the later value.
    static let applySetAll: ApplyHandler = { context in
        guard let pairs = pairs(context.arguments) else { return .error(CommandErrors.wrongArity("mset")) }
        for (key, value) in pairs { try context.put(key, .string(value)) }
        return .simpleString("OK")
    }

    /// 0 and nothing set when any of the keys exists; 1 once all are set.
    static let applySetAllIfNoneExists: ApplyHandler = { context in
        guard let pairs = pairs(context.arguments) else { return .error(CommandErrors.wrongArity("msetnx")) }
        for (key, _) in pairs where try context.record(key) != nil { return .integer(0) }
        for (key, value) in pairs { try context.put(key, .string(value)) }
        return .integer(1)
    }

    /// The (key, value) pairs after the name; nil when they do not pair up.
    private static func pairs(_ arguments: [[UInt8]]) -> [(key: [UInt8], value: [UInt8])]? {
        guard arguments.count >= 3, arguments.count % 2 == 1 else { return nil }
        return stride(from: 1, to: arguments.count, by: 2).map { (arguments[$0], arguments[$0 + 1]) }
    }
}
