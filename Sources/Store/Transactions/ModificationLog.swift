// When each key of a region last changed, so EXEC can tell whether a WATCHed key was touched.
import Engine
import RESP

/// A region stamps every key its applied entries write with that write's engine sequence
/// (engine sequences only grow, across restarts too). WATCH takes the region's current
/// sequence as its token; a key is unchanged since a token when its stamp is not newer.
///
/// The table is bounded: it keeps two generations of at most `capacity` keys each, and a key
/// found in neither may have changed as late as `forgottenUpTo` (conservatively: changed).
/// A FLUSHALL stamps no key; it sets `flushedAt`, which counts only for keys that were live when
/// they were watched, as Redis's FLUSHALL touches only existing keys and counts an already
/// expired one as unchanged.
final class ModificationLog {
    private let capacity: Int
    private var current: [[UInt8]: UInt64] = [:]
    private var previous: [[UInt8]: UInt64] = [:]
    /// Keys not in the table may have changed up to here (a restart, or the table's bound).
    private var forgottenUpTo: UInt64
    /// The latest sequence at which the whole region was emptied.
    private var flushedAt: UInt64 = 0

    static let defaultCapacity = 65536

    /// - Parameter startSequence: the engine's sequence when the region started: anything
    ///   before it is unknown.
    init(startSequence: UInt64, capacity: Int = defaultCapacity) {
        forgottenUpTo = startSequence
        self.capacity = max(1, capacity)
    }

    /// Records what an applied batch changed, written at `sequence`.
    func record(_ batch: WriteBatch, sequence: UInt64) {
        for change in batch.changedKeys() {
            switch change {
            case .key(let key): stamp(key, sequence)
            case .everything: flushedAt = sequence
            case .unknown: forgottenUpTo = sequence
            }
        }
    }

    /// Whether `key` is unchanged since `watch` was taken in this region.
    func isUnchanged(_ watch: WatchedKey) -> Bool {
        if let stamped = current[watch.key] ?? previous[watch.key], stamped > watch.sequence { return false }
        if forgottenUpTo > watch.sequence, current[watch.key] == nil, previous[watch.key] == nil { return false }
        if flushedAt > watch.sequence, watch.wasLive { return false }
        return true
    }

    private func stamp(_ key: [UInt8], _ sequence: UInt64) {
        if current.count >= capacity, current[key] == nil {
            // The oldest generation is forgotten: its keys may have changed up to its newest stamp.
            if let newest = previous.values.max() { forgottenUpTo = max(forgottenUpTo, newest) }
            previous = current
            current = [:]
        }
        current[key] = sequence
    }
}

/// A key as WATCH saw it: the region's sequence then, and whether it existed and was live.
struct WatchedKey: Sendable, Equatable {
    let key: [UInt8]
    let sequence: UInt64
    /// Stored, expired or not: an expired one that is still gone at EXEC did not change (Redis 7.0).
    let existed: Bool
    /// Stored and not expired: if it is expired at EXEC, it changed (Redis 7.0).
    let wasLive: Bool
}

/// What a write batch changed, key by key.
enum ChangedKey: Equatable {
    case key([UInt8])
    /// A range delete: the region was emptied (FLUSHALL).
    case everything
    /// A write whose key cannot be decoded: any key may have changed.
    case unknown
}

extension WriteBatch {
    /// The user keys this batch writes. `meta` keys are `slot u16 | key`; `sub` and `score`
    /// keys are `slot u16 | len u32 | key | …` (DESIGN §6).
    func changedKeys() -> [ChangedKey] {
        operations.compactMap { operation in
            switch operation {
            case .put(let family, let key, _), .delete(let family, let key):
                guard Self.dataFamilies.contains(family) else { return nil }
                return Self.userKey(family, key).map(ChangedKey.key) ?? .unknown
            case .deleteRange(let family, _, _):
                return Self.dataFamilies.contains(family) ? .everything : nil
            }
        }
    }

    /// The families holding user data; a region's own bookkeeping (applied index) is no change.
    private static let dataFamilies: Set<ColumnFamily> = [.meta, .sub, .score]

    private static func userKey(_ family: ColumnFamily, _ stored: [UInt8]) -> [UInt8]? {
        if family == .meta { return StoredKey.decodeMeta(stored)?.key }
        guard stored.count >= 6 else { return nil }
        let length = Int(BigEndian.uint32(stored, at: 2))
        guard stored.count - 6 >= length else { return nil }
        return Array(stored[6..<(6 + length)])
    }
}
