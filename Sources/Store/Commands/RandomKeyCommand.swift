// RANDOMKEY (Redis 7.0 `randomkeyCommand`): a random live key, or nil when there is none.
import RESP

enum RandomKeyCommand {
    static let entry = CommandEntry(
        spec: CommandSpec("randomkey", arity: 1, flags: [.readonly], summary: "Return a random key from the keyspace",
                          categories: [.keyspace], tips: ["request_policy:all_shards", "nondeterministic_output"],
                          docs: CommandDocs(since: "1.0.0", group: .generic, complexity: "O(1)")),
        data: .keyspace { _, keyspace in await randomKey(keyspace) })

    /// A region chosen with probability proportional to its key count, then a key in it (see
    /// `RandomKeySampler`). A region whose keys have all expired is dropped and another drawn.
    static func randomKey(_ keyspace: Keyspace) async -> RESPValue {
        var candidates: [(region: RegionDescriptor, keyCount: Int)] = []
        for region in keyspace.regions {
            switch await keyspace.inspect(region, { _, keyCount in keyCount }) {
            case .failure(let error): return error.reply
            case .success(let keyCount) where keyCount > 0: candidates.append((region, keyCount))
            case .success: continue
            }
        }
        var generator = SystemRandomNumberGenerator()
        while !candidates.isEmpty {
            let total = candidates.reduce(0) { $0 &+ $1.keyCount }
            var draw = Int.random(in: 0..<max(total, 1), using: &generator)
            let index = candidates.firstIndex { candidate in
                if draw < candidate.keyCount { return true }
                draw -= candidate.keyCount
                return false
            } ?? candidates.count - 1
            let region = candidates[index].region
            let picked = await keyspace.inspect(region) { data, keyCount in
                var generator = SystemRandomNumberGenerator()
                return try RandomKeySampler(region: region, data: data, keyCount: keyCount).pick(using: &generator)
            }
            switch picked {
            case .failure(let error): return error.reply
            case .success(let key?): return .bulk(key)
            case .success(nil): candidates.remove(at: index)
            }
        }
        return .nullBulk
    }
}
