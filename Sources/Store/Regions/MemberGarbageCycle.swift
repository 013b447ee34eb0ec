// Reclaiming the members of deleted collections (DESIGN §6) through the normal write path.
import Engine
import RESP

/// Deleting, expiring or overwriting a collection drops only its `meta` record; its members
/// stay in `sub` under a version no live record has. Each round reads a bounded number of
/// `sub` entries per region, resuming where the last round stopped, and proposes
/// `subgc storedKey…` for the stale ones; apply deletes an entry only if it is still stale
/// then, so the cycle races with nothing and replicas delete the same entries (DESIGN §6a).
public struct MemberGarbageCycle: RegionSweep {
    public static let applyName = "subgc"
    public let store: StoreServer
    let entriesPerRegionPerRound: Int

    public init(store: StoreServer, entriesPerRegionPerRound: Int = 500) {
        self.store = store
        self.entriesPerRegionPerRound = entriesPerRegionPerRound
    }

    public func round(_ descriptor: RegionDescriptor, after last: [UInt8]?) async -> [UInt8]? {
        guard case .live(let region) = store.directory.lookup(regionID: descriptor.id) else { return nil }
        let start = last.map { $0 + [0] } ?? descriptor.startKey
        let engine = store.engine
        guard let entries = try? engine.scan(.sub, from: start, to: descriptor.endKey, limit: entriesPerRegionPerRound, reverse: false)
        else { return nil }
        var stale: [[UInt8]] = []
        var versionOfKey: [[UInt8]: UInt64?] = [:]
        for entry in entries {
            guard let (key, version, _) = MemberKey.decode(entry.key) else { continue }
            if versionOfKey[key] == nil {
                let record = try? engine.get(.meta, key: StoredKey.meta(key)).flatMap { try KeyRecord.decode($0) }
                versionOfKey[key] = .some(record.flatMap { $0.type == .string ? nil : $0.version })
            }
            if versionOfKey[key] != .some(version) { stale.append(entry.key) }
        }
        if !stale.isEmpty {
            let entry = WriteEntry(nowMilliseconds: store.clock.nowMilliseconds(), seed: 0, versionProposal: 0,
                                   arguments: [Array(Self.applyName.utf8)] + stale)
            _ = await region.propose(entry)
        }
        return entries.count < entriesPerRegionPerRound ? nil : entries.last?.key
    }

    /// Whether a stored member belongs to no live collection: its key has no record, a string,
    /// or a collection of another version.
    static func isStale(_ stored: [UInt8], _ context: ApplyContext) throws -> Bool {
        guard let (key, version, _) = MemberKey.decode(stored) else { return false }
        guard let record = try context.storedRecord(key), record.type != .string else { return true }
        return record.version != version
    }

    /// The apply of `subgc storedKey…`: deletes each entry that is still stale.
    public static let apply: ApplyHandler = { context in
        var removed: Int64 = 0
        for stored in context.arguments.dropFirst() where try isStale(stored, context) {
            try context.deleteStoredMemberAndScore(stored)
            removed += 1
        }
        return .integer(removed)
    }
}
