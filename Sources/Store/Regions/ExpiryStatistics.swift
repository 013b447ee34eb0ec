// What the active expiry cycle did, for INFO stats (CONFIG RESETSTAT clears it).
import Synchronization

/// Redis's `expired_keys`, `expired_stale_perc`, `expired_time_cap_reached_count` and
/// `expire_cycle_cpu_milliseconds`, kept the way Redis keeps them.
public final class ExpiryStatistics: Sendable {
    private struct State {
        var expiredKeys: Int64 = 0
        /// A running average of each cycle's expired share of the keys with a TTL it examined
        /// (Redis: 5% the new cycle, 95% the average before).
        var staleShare: Double = 0
        var timeCapReached: Int64 = 0
        var workCapReached: Int64 = 0
        var cycleNanoseconds: Int64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// One finished cycle: keys with a TTL examined, how many had expired, how many it deleted.
    public func recordCycle(examined: Int, expired: Int, deleted: Int, limit: ExpiryEffort.Limit?, elapsed: Duration) {
        let nanoseconds = elapsed.components.seconds &* 1_000_000_000 &+ elapsed.components.attoseconds / 1_000_000_000
        state.withLock { state in
            state.expiredKeys &+= Int64(deleted)
            if examined > 0 {
                state.staleShare = Double(expired) / Double(examined) * 0.05 + state.staleShare * 0.95
            }
            switch limit {
            case .time: state.timeCapReached &+= 1
            case .work: state.workCapReached &+= 1
            case nil: break
            }
            state.cycleNanoseconds &+= max(0, nanoseconds)
        }
    }

    /// Keys the cycle deleted (Redis counts lazy deletions too; Cairn's reads delete nothing).
    public var expiredKeys: Int64 { state.withLock { $0.expiredKeys } }
    /// The running average of the expired share, in percent.
    public var stalePercent: Double { state.withLock { $0.staleShare * 100 } }
    /// Cycles stopped by the time budget.
    public var timeCapReachedCount: Int64 { state.withLock { $0.timeCapReached } }
    /// Cycles stopped by the key budget (Cairn's own bound; Redis has only the time cap).
    public var workCapReachedCount: Int64 { state.withLock { $0.workCapReached } }
    /// Wall time spent in cycles, in milliseconds.
    public var cycleMilliseconds: Int64 { state.withLock { $0.cycleNanoseconds / 1_000_000 } }

    public func reset() {
        state.withLock { $0 = State() }
    }
}
