// How many keys a region stores, and how many of them expire: what DBSIZE and INFO report.
import Engine

public struct KeyCounts: Sendable, Equatable {
    public var keys: Int
    public var expiring: Int

    /// Counted by reading the region's `meta` range: at region start and for FLUSHALL. The
    /// apply path keeps the counts up to date otherwise (DESIGN §6).
    static func of(_ region: RegionDescriptor, in engine: any StorageEngine) throws -> KeyCounts {
        var counts = KeyCounts(keys: 0, expiring: 0)
        var start = region.startKey
        while true {
            let page = try engine.scan(.meta, from: start, to: region.endKey, limit: 4096, reverse: false)
            counts.keys += page.count
            for entry in page where try KeyRecord.decode(entry.value).expireAtMilliseconds != nil { counts.expiring += 1 }
            guard page.count == 4096, let last = page.last else { return counts }
            start = last.key + [0]
        }
    }
}
