// Active expiry (DESIGN §6): find expired keys and delete them through the normal write path.
import RESP
public import Runtime

/// Only a region's leader deletes expired keys, by proposing a delete that applies only if the
/// key is still the same expired key (`expiredel key expireAt`), so replicas never diverge and a
/// key rewritten meanwhile survives. Reads already treat an expired key as absent; this cycle
/// reclaims the space.
///
/// Each cycle visits the regions in turn; a round examines `effort.keysPerRound` stored keys of
/// one region, resuming where that region's previous round stopped, and `ExpiryEffort` decides
/// after each round whether the region gets another one at once (many expired), the cycle
/// moves on (few), or the cycle's time or key budget is used up — then the next cycle starts
/// with the region after the one it stopped in, as Redis's `activeExpireCycle` does with its
/// databases. Time for the budget comes from `timeSource`; what has expired is judged by the
/// store's clock.
public struct ExpiryCycle: Sendable {
    public static let applyName = "expiredel"
    public let store: StoreServer
    public let effort: ExpiryEffort
    public let statistics: ExpiryStatistics
    let timeSource: any TimeSource

    public init(store: StoreServer, effort: ExpiryEffort = ExpiryEffort(), statistics: ExpiryStatistics = ExpiryStatistics(),
                timeSource: any TimeSource = SystemTimeSource()) {
        self.store = store
        self.effort = effort
        self.statistics = statistics
        self.timeSource = timeSource
    }

    /// Where the next cycle picks up: each region's resume key and the region to begin with.
    public struct Position: Sendable {
        var resumeAfter: [Int: [UInt8]] = [:]
        /// The id of the region the next cycle visits first (nil: the layout's first).
        var firstRegion: Int?

        public init() {}
    }

    /// What one round in one region did.
    public struct RoundResult: Sendable, Equatable {
        /// Where the region's next round resumes (nil: from its start again).
        public var resumeAfter: [UInt8]?
        /// Stored keys read, and those with a TTL among them.
        public var examined = 0
        public var volatile = 0
        /// Keys found expired, and those the delete removed (a key rewritten meanwhile is not).
        public var expired = 0
        public var deleted = 0
    }

    /// What one cycle did over all regions.
    public struct Report: Sendable, Equatable {
        public var rounds = 0
        public var examined = 0
        public var volatile = 0
        public var expired = 0
        public var deleted = 0
        /// Set when a budget stopped the cycle before it had visited every region.
        public var limit: ExpiryEffort.Limit?
    }

    /// Runs a cycle every `interval` until cancelled.
    public func run(every interval: Duration) async {
        var position = Position()
        while !Task.isCancelled {
            _ = await cycle(&position)
            try? await Task.sleep(for: interval)
        }
    }

    /// One cycle: rounds over the regions from `position` as `effort` decides; updates
    /// `position` for the next cycle and `statistics`.
    public func cycle(_ position: inout Position) async -> Report {
        let started = timeSource.now()
        let regions = store.directory.layout.regions
        var report = Report()
        let first = position.firstRegion.flatMap { id in regions.firstIndex { $0.id == id } } ?? 0
        position.firstRegion = nil
        visiting: for offset in 0..<regions.count {
            let index = (first + offset) % regions.count
            let descriptor = regions[index]
            while true {
                guard let result = await round(descriptor, after: position.resumeAfter[descriptor.id]) else {
                    position.resumeAfter[descriptor.id] = nil
                    continue visiting
                }
                position.resumeAfter[descriptor.id] = result.resumeAfter
                report.rounds += 1
                report.examined += result.examined
                report.volatile += result.volatile
                report.expired += result.expired
                report.deleted += result.deleted
                let decision = effort.decide(examined: result.volatile, expired: result.expired,
                                             regionExhausted: result.resumeAfter == nil, cycleExamined: report.examined,
                                             elapsed: timeSource.now().duration(since: started))
                switch decision {
                case .repeatRound:
                    continue
                case .nextRegion:
                    continue visiting
                case .stopCycle(let limit):
                    report.limit = limit
                    position.firstRegion = regions[(index + 1) % regions.count].id
                    break visiting
                }
            }
        }
        statistics.recordCycle(examined: report.volatile, expired: report.expired, deleted: report.deleted,
                               limit: report.limit, elapsed: timeSource.now().duration(since: started))
        return report
    }

    /// One round in one region, resuming after `last` (nil: from the region's start); nil when
    /// the region is not live here or its keys cannot be read.
    public func round(_ descriptor: RegionDescriptor, after last: [UInt8]?) async -> RoundResult? {
        guard case .live(let region) = store.directory.lookup(regionID: descriptor.id) else { return nil }
        let now = store.clock.nowMilliseconds()
        let start = last.map { $0 + [0] } ?? descriptor.startKey
        guard let scan = try? store.engine.scanExpired(from: start, to: descriptor.endKey, limit: effort.keysPerRound, now: now) else {
            return nil
        }
        var result = RoundResult(resumeAfter: scan.lastExamined, examined: scan.examined, volatile: scan.volatile,
                                 expired: scan.found.count)
        for (key, expireAt) in scan.found {
            let entry = WriteEntry(nowMilliseconds: now, seed: 0, versionProposal: 0,
                                   arguments: [Array(Self.applyName.utf8), key, Array(String(expireAt).utf8)])
            if await region.propose(entry).reply == .integer(1) { result.deleted += 1 }
        }
        return result
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
