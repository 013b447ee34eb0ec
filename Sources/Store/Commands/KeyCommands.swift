// Generic key commands (Redis 7.0): DEL, UNLINK, EXISTS, TOUCH, TYPE, DBSIZE…, as data for the
// table; the larger ones (expiry, RENAME, COPY, KEYS, SCAN, RANDOMKEY) have files of their own.
import RESP

public enum KeyCommands {
    public static let entries: [CommandEntry] = basicEntries + ExpireCommands.entries + TimeToLiveCommands.entries
        + RenameCommands.entries + [CopyCommand.entry, KeysCommand.entry, ScanCommand.entry, RandomKeyCommand.entry]

    private static let basicEntries: [CommandEntry] = [
        CommandEntry(spec: CommandSpec("del", arity: -2, flags: [.write], firstKey: 1, lastKey: -1, keyStep: 1,
                                       summary: "Delete a key",
                                       categories: [.keyspace], tips: ["request_policy:multi_shard", "response_policy:agg_sum"], keySpecs: [.all([.remove, .delete])], docs: CommandDocs(since: "1.0.0", group: .generic, complexity: "O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).")),
                     data: .keyspace { argv, keyspace in await FanOut.sumOfWrites("del", argv, keyspace) },
                     internalApplies: ["del": deleteKeys, ExpiryCycle.applyName: ExpiryCycle.apply,
                                       MemberGarbageCycle.applyName: MemberGarbageCycle.apply]),
        CommandEntry(spec: CommandSpec("unlink", arity: -2, flags: [.write, .fast], firstKey: 1, lastKey: -1, keyStep: 1,
                                       summary: "Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.",
                                       categories: [.keyspace], tips: ["request_policy:multi_shard", "response_policy:agg_sum"], keySpecs: [.all([.remove, .delete])], docs: CommandDocs(since: "4.0.0", group: .generic, complexity: "O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.")),
                     data: .keyspace { argv, keyspace in await FanOut.sumOfWrites("del", argv, keyspace) }),
        CommandEntry(spec: CommandSpec("exists", arity: -2, flags: [.readonly, .fast], firstKey: 1, lastKey: -1, keyStep: 1,
                                       summary: "Determine if a key exists",
                                       categories: [.keyspace], tips: ["request_policy:multi_shard", "response_policy:agg_sum"], keySpecs: [.all([.readOnly])], docs: CommandDocs(since: "1.0.0", group: .generic, complexity: "O(N) where N is the number of keys to check.")),
                     data: .keyspace { argv, keyspace in await FanOut.sumOfReads(argv, keyspace, countExisting) }),
        CommandEntry(spec: CommandSpec("touch", arity: -2, flags: [.readonly, .fast], firstKey: 1, lastKey: -1, keyStep: 1,
                                       summary: "Alters the last access time of a key(s). Returns the number of existing keys specified.",
                                       categories: [.keyspace], tips: ["request_policy:multi_shard", "response_policy:agg_sum"], keySpecs: [.all([.readOnly])], docs: CommandDocs(since: "3.2.1", group: .generic, complexity: "O(N) where N is the number of keys that will be touched.")),
                     data: .keyspace { argv, keyspace in await FanOut.sumOfReads(argv, keyspace, countExisting) }),
        CommandEntry(spec: CommandSpec("type", arity: 2, flags: [.readonly, .fast], firstKey: 1, lastKey: 1, keyStep: 1,
                                       summary: "Determine the type stored at key", categories: [.keyspace],
                                       keySpecs: [.single([.readOnly])], docs: CommandDocs(since: "1.0.0", group: .generic, complexity: "O(1)")),
                     data: .read { argv, data in .simpleString(try data.record(argv[1])?.type.redisName ?? "none") }),
        CommandEntry(spec: CommandSpec("dbsize", arity: 1, flags: [.readonly, .fast], summary: "Return the number of keys in the selected database",
                                       categories: [.keyspace], tips: ["request_policy:all_shards", "response_policy:agg_sum"], docs: CommandDocs(since: "1.0.0", group: .server, complexity: "O(1)")),
                     data: .keyspace { _, keyspace in await dbsize(keyspace) }),
    ]

    /// `del key…` for keys of one slot: removes each, counting the live ones removed.
    static let deleteKeys: ApplyHandler = { context in
        var removed: Int64 = 0
        for key in context.arguments.dropFirst() where try context.delete(key) { removed += 1 }
        return .integer(removed)
    }

    /// Counts the existing keys among `argv[1...]`; a key named twice counts twice, as in Redis.
    static let countExisting: ReadHandler = { argv, data in
        var count: Int64 = 0
        for key in argv.dropFirst() where try data.record(key) != nil { count += 1 }
        return .integer(count)
    }

    static func dbsize(_ keyspace: Keyspace) async -> RESPValue {
        var total: Int64 = 0
        for region in keyspace.regions {
            switch await keyspace.inspect(region, { _, keyCount in keyCount }) {
            case .success(let count): total &+= Int64(count)
            case .failure(let error): return error.reply
            }
        }
        return .integer(total)
    }
}

/// FLUSHDB and FLUSHALL [ASYNC|SYNC]: one database, so both empty every region; each region's
/// delete is one entry (atomic there), the command as a whole is not (DESIGN §5).
public enum FlushCommands {
    static let applyName = "flushregion"

    public static let entries: [CommandEntry] = ["flushdb", "flushall"].map { name in
        CommandEntry(spec: CommandSpec(name, arity: -1, flags: [.write], summary: name == "flushdb"
                                           ? "Remove all keys from the current database" : "Remove all keys from all databases",
                                       categories: [.keyspace, .dangerous],
                                       docs: CommandDocs(since: "1.0.0", group: .server, complexity: name == "flushdb"
                                           ? "O(N) where N is the number of keys in the selected database"
                                           : "O(N) where N is the total number of keys in all databases")),
                     data: .keyspace { argv, keyspace in await flush(argv, keyspace) },
                     internalApplies: [applyName: applyFlush])
    }

    static func flush(_ argv: [[UInt8]], _ keyspace: Keyspace) async -> RESPValue {
        // Redis: at most one of ASYNC / SYNC; anything else is a syntax error.
        if argv.count > 2 { return .error("ERR syntax error") }
        if argv.count == 2 {
            let mode = String(decoding: argv[1], as: UTF8.self).lowercased()
            guard mode == "async" || mode == "sync" else { return .error("ERR syntax error") }
        }
        for region in keyspace.regions {
            let reply = await keyspace.propose(slot: region.slots.lowerBound,
                                               arguments: [Array(applyName.utf8), Array(String(region.id).utf8)])
            if case .error = reply { return reply }
        }
        return .simpleString("OK")
    }

    /// `flushregion id`: deletes the region's whole range in every data family.
    static let applyFlush: ApplyHandler = { context in
        try context.deleteAllKeys()
        return .simpleString("OK")
    }
}
