// Some Redis 7.0 commands' specs, written as their command JSON files declare them: fixtures
// for key extraction and COMMAND INFO, covering every kind of key spec.
public import RESP

public enum RedisCommandSpecs {
    public static let get = CommandSpec(
        "get", arity: 2, flags: [.readonly, .fast], summary: "Get the value of a key", categories: [.string],
        keySpecs: [KeySpec(flags: [.readOnly, .access], beginSearch: .index(1), findKeys: .range(lastKey: 0, keyStep: 1, limit: 0))])

    public static let mset = CommandSpec(
        "mset", arity: -3, flags: [.write, .denyOOM], summary: "Set multiple keys to multiple values", categories: [.string],
        tips: ["request_policy:multi_shard", "response_policy:all_succeeded"],
        keySpecs: [KeySpec(flags: [.overwrite, .update], beginSearch: .index(1), findKeys: .range(lastKey: -1, keyStep: 2, limit: 0))])

    public static let zunionstore = CommandSpec(
        "zunionstore", arity: -4, flags: [.write, .denyOOM], summary: "Add multiple sorted sets and store the resulting sorted set in a new key",
        categories: [.sortedSet],
        keySpecs: [
            KeySpec(flags: [.overwrite, .update], beginSearch: .index(1), findKeys: .range(lastKey: 0, keyStep: 1, limit: 0)),
            KeySpec(flags: [.readOnly, .access], beginSearch: .index(2), findKeys: .keyNumber(keyNumberIndex: 0, firstKey: 1, keyStep: 1)),
        ])

    public static let xread = CommandSpec(
        "xread", arity: -4, flags: [.readonly, .blocking], summary: "Return never seen elements in multiple streams",
        categories: [.stream],
        keySpecs: [KeySpec(flags: [.readOnly, .access], beginSearch: .keyword("STREAMS", startFrom: 1),
                           findKeys: .range(lastKey: -1, keyStep: 1, limit: 2))])

    public static let eval = CommandSpec(
        "eval", arity: -3, flags: [.noscript, .stale, .skipMonitor, .noMandatoryKeys], summary: "Execute a Lua script server side",
        categories: [.scripting],
        keySpecs: [KeySpec(notes: "We cannot tell how the keys will be used so we assume the worst, RW and UPDATE",
                           flags: [.readWrite, .access, .update], beginSearch: .index(2),
                           findKeys: .keyNumber(keyNumberIndex: 0, firstKey: 1, keyStep: 1))])

    public static let migrate = CommandSpec(
        "migrate", arity: -6, flags: [.write], summary: "Atomically transfer a key from a Redis instance to another one.",
        categories: [.keyspace, .dangerous], tips: ["nondeterministic_output"],
        keySpecs: [
            KeySpec(flags: [.readWrite, .access, .delete], beginSearch: .index(3), findKeys: .range(lastKey: 0, keyStep: 1, limit: 0)),
            KeySpec(flags: [.readWrite, .access, .delete, .incomplete], beginSearch: .keyword("KEYS", startFrom: -2),
                    findKeys: .range(lastKey: -1, keyStep: 1, limit: 0)),
        ])
}
