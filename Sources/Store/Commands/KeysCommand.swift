// KEYS pattern (Redis 7.0 `keysCommand`): every live key matching a glob, region by region.
import RESP

enum KeysCommand {
    static let entry = CommandEntry(
        spec: CommandSpec("keys", arity: 2, flags: [.readonly], summary: "Find all keys matching the given pattern",
                          categories: [.keyspace, .dangerous], tips: ["request_policy:all_shards", "nondeterministic_output_order"],
                          docs: CommandDocs(since: "1.0.0", group: .generic,
                                            complexity: "O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.")),
        data: .keyspace { argv, keyspace in await keys(matching: argv[1], keyspace) })

    /// In stored order (slot, then key bytes); Redis's order is its hash table's, so clients
    /// cannot rely on either. Each page is read atomically in its region, the whole walk is not
    /// (DESIGN §5): a key written meanwhile may or may not appear.
    static func keys(matching pattern: [UInt8], _ keyspace: Keyspace) async -> RESPValue {
        let filter = KeyFilter(pattern: pattern, typeName: nil)
        var found: [RESPValue] = []
        for region in keyspace.regions {
            var next: [UInt8]? = region.startKey
            while let start = next {
                let page: KeyspaceWalk.Page
                switch await KeyspaceWalk.page(keyspace, region, from: start, limit: KeyspaceWalk.pageLimit, filter: filter) {
                case .failure(let error): return error.reply
                case .success(let fetched): page = fetched
                }
                found += page.keys.map { .bulk($0) }
                next = page.exhausted ? nil : page.lastExamined.map { $0 + [0] }
            }
        }
        return .array(found)
    }
}
