// Active expiry (DESIGN §6): find expired keys and delete them through the normal write path.
import RESP

/// Only a region's leader deletes expired keys, by proposing a delete that applies only if the
/// key is still the same expired key (`expiredel key expireAt`), so replicas never diverge and a
/// key rewritten meanwhile survives. Each round examines a bounded number of keys per region,
/// resuming where the previous round stopped, as Redis's active expire cycle samples.
public struct ExpiryCycle: RegionSweep {
    public static let applyName = "expiredel"
    public let store: StoreServer
    let keysPerRegionPerRound: Int

    public init(store: StoreServer, keysPerRegionPerRound: Int = 200) {
        self.store = store
        self.keysPerRegionPerRound = keysPerRegionPerRound
    }

    public func round(_ descriptor: RegionDescriptor, after last: [UInt8]?) async -> [UInt8]? {
        guard case .live(let region) = store.directory.lookup(regionID: descriptor.id) else { return nil }
        let now = store.clock.nowMilliseconds()
        let start = last.map { $0 + [0] } ?? descriptor.startKey
        let limit = keysPerRegionPerRound
        let engine = store.engine
        guard let (found, lastExamined) = try? engine.scanExpired(from: start, to: descriptor.endKey, limit: limit, now: now) else {
            return nil
        }
        for (key, expireAt) in found {
            let entry = WriteEntry(nowMilliseconds: now, seed: 0, versionProposal: 0,
                                   arguments: [Array(Self.applyName.utf8), key, Array(String(expireAt).utf8)])
            _ = await region.propose(entry)
        }
        return lastExamined
    }

    /// The apply of `expiredel key expireAt`: deletes the key only if it still has that
    /// expiry and has expired at the entry's time.
    public static let apply: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 3, let expireAt = Int64(String(decoding: arguments[2], as: UTF8.self)) else { return .integer(0) }
        guard let record = try context.storedRecord(arguments[1]), record.expireAtMilliseconds == expireAt,
              record.isExpired(atMilliseconds: context.nowMilliseconds) else { return .integer(0) }
        try context.delete(arguments[1])
        return .integer(1)
    }
}
