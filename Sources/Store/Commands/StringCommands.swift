// String commands (Redis 7.0): GET, SET and friends, as data for the command table.
import RESP

public enum StringCommands {
    public static let entries: [CommandEntry] = [
        CommandEntry(spec: CommandSpec("get", arity: 2, flags: [.readonly, .fast], firstKey: 1, lastKey: 1, keyStep: 1,
                                       summary: "Get the value of a key", categories: [.string], keySpecs: [.single([.readOnly, .access])], docs: CommandDocs(since: "1.0.0", group: .string, complexity: "O(1)")), data: .read { argv, data in
            try stringReply(data.record(argv[1]))
        }),
        CommandEntry(spec: CommandSpec("set", arity: -3, flags: [.write, .denyOOM], firstKey: 1, lastKey: 1, keyStep: 1,
                                       summary: "Set the string value of a key",
                                       categories: [.string], keySpecs: [KeySpec(notes: "RW and ACCESS due to the optional `GET` argument",
                                                          flags: [.readWrite, .access, .update, .variableFlags],
                                                          beginSearch: .index(1), findKeys: .range(lastKey: 0, keyStep: 1, limit: 0))], docs: CommandDocs(since: "1.0.0", group: .string, complexity: "O(1)")), data: .write(normalize: SetOptions.normalize, apply: SetOptions.apply)),
        CommandEntry(spec: CommandSpec("mget", arity: -2, flags: [.readonly, .fast], firstKey: 1, lastKey: -1, keyStep: 1,
                                       summary: "Get the values of all the given keys",
                                       categories: [.string], tips: ["request_policy:multi_shard"], keySpecs: [.all([.readOnly, .access])], docs: CommandDocs(since: "1.0.0", group: .string, complexity: "O(N) where N is the number of keys to retrieve.")),
                     data: .keyspace { argv, keyspace in
                         await FanOut.gatheredReads(argv, keyspace) { argv, data in
                             // MGET answers nil for a key of another type, never WRONGTYPE.
                             .array(try argv.dropFirst().map { key in
                                 guard let record = try data.record(key), record.type == .string else { return .nullBulk }
                                 return .bulk(record.value)
                             })
                         }
                     }),
    ]

    static let wrongType = RESPValue.error("WRONGTYPE Operation against a key holding the wrong kind of value")

    /// A string key's value, nil for a missing key, WRONGTYPE for another type.
    static func stringReply(_ record: KeyRecord?) -> RESPValue {
        guard let record else { return .nullBulk }
        guard record.type == .string else { return wrongType }
        return .bulk(record.value)
    }
}
