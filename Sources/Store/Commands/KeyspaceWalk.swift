// Walking a region's keys in pages for KEYS and SCAN, filtered after fetching as Redis does.
import RESP

/// Which live keys a walk keeps: MATCH's pattern and SCAN's TYPE.
struct KeyFilter: Sendable {
    /// nil keeps every key: Redis treats a lone `*` as no pattern (so it keeps the empty key,
    /// which the pattern `*` itself would not match).
    let pattern: GlobPattern?
    /// Lower-cased; compared as C's `strcasecmp` would, so an unknown name keeps nothing.
    let typeName: [UInt8]?

    static let everything = KeyFilter(pattern: nil, typeName: nil)

    init(pattern: [UInt8]?, typeName: [UInt8]?) {
        self.pattern = pattern.flatMap { $0 == [UInt8(ascii: "*")] ? nil : GlobPattern($0) }
        self.typeName = typeName.map { name in name.prefix { $0 != 0 }.map(Self.asciiLowercased) }
    }

    func admits(_ key: [UInt8], _ record: KeyRecord) -> Bool {
        if let pattern, !pattern.matches(key) { return false }
        if let typeName, typeName != Array(record.type.redisName.utf8) { return false }
        return true
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}

enum KeyspaceWalk {
    /// Keys fetched in one call into a region: bounded, so a walk over a large region never
    /// holds the region's actor for long.
    static let pageLimit = 1024

    struct Page: Sendable {
        /// The live keys the filter kept, in stored order.
        var keys: [[UInt8]]
        /// The stored key (`slot | key`) examined last, live or not.
        var lastExamined: [UInt8]?
        /// Fewer than asked for: the region has nothing after `lastExamined`.
        var exhausted: Bool
        var examined: Int
    }

    /// At most `limit` (capped at `pageLimit`) stored keys of `region` from `start`.
    static func page(_ keyspace: Keyspace, _ region: RegionDescriptor, from start: [UInt8], limit: Int,
                     filter: KeyFilter) async -> Result<Page, RESPError> {
        let limit = min(max(limit, 1), pageLimit)
        return await keyspace.inspect(region) { data, _ in
            let fetched = try data.liveKeys(from: start, to: region.endKey, limit: limit)
            return Page(keys: fetched.keys.filter { filter.admits($0.key, $0.record) }.map(\.key),
                        lastExamined: fetched.lastExamined, exhausted: fetched.examined < limit, examined: fetched.examined)
        }
    }
}
