// How hard one active expiry cycle works: Redis's activeExpireCycle decision as a pure value.

/// Redis (7.0, `active-expire-effort 1`) samples 20 keys with a TTL per loop, repeats the loop
/// while more than 10% of the sample had expired, and stops the whole cycle after 25% of its
/// interval (25 ms at 10 Hz), resuming the next cycle where it stopped. Cairn does the same per
/// region: a round examines `keysPerRound` stored keys; when more than `acceptableStalePercent`
/// of those with a TTL had expired, the region gets another round at once; otherwise the cycle
/// moves to the next region. A cycle stops when it has used `timeBudget` or examined
/// `keyBudget` keys, and the next cycle starts with the region it stopped in. With few expired
/// keys a cycle is thus one round per region (the base pace); with many, it deletes up to the
/// budget per interval instead of a fixed amount.
public struct ExpiryEffort: Sendable, Equatable {
    /// Stored keys examined by one round in one region.
    public var keysPerRound: Int
    /// A round whose expired share of the examined keys with a TTL is above this gets repeated.
    public var acceptableStalePercent: Int
    /// Time one cycle may spend over all regions.
    public var timeBudget: Duration
    /// Stored keys one cycle may examine over all regions.
    public var keyBudget: Int

    /// Defaults for a 100 ms interval: Redis's 10% and 25 ms, 200 keys a round, and at most
    /// 100 rounds' worth of keys a cycle.
    public init(keysPerRound: Int = 200, acceptableStalePercent: Int = 10, timeBudget: Duration = .milliseconds(25),
                keyBudget: Int = 20_000) {
        self.keysPerRound = max(1, keysPerRound)
        self.acceptableStalePercent = min(100, max(0, acceptableStalePercent))
        self.timeBudget = timeBudget
        self.keyBudget = max(1, keyBudget)
    }

    /// The fixed pace: one round per region per cycle, however many keys expired.
    public static func fixed(keysPerRound: Int) -> ExpiryEffort {
        ExpiryEffort(keysPerRound: keysPerRound, acceptableStalePercent: 100, timeBudget: .seconds(3600), keyBudget: .max)
    }

    /// Why a cycle stopped before visiting every region.
    public enum Limit: Sendable, Equatable {
        case time
        case work
    }

    public enum Decision: Sendable, Equatable {
        /// Another round in the same region, now.
        case repeatRound
        /// This region is done for this cycle.
        case nextRegion
        /// The cycle has used its budget; the next one starts in this region.
        case stopCycle(Limit)
    }

    /// The decision after one round in a region.
    /// - Parameters:
    ///   - examined: stored keys with a TTL the round examined;
    ///   - expired: how many of those had expired;
    ///   - regionExhausted: the round reached the region's end (the next one starts over);
    ///   - cycleExamined: stored keys examined by the whole cycle so far, this round included;
    ///   - elapsed: time since the cycle began.
    public func decide(examined: Int, expired: Int, regionExhausted: Bool, cycleExamined: Int, elapsed: Duration) -> Decision {
        if elapsed >= timeBudget { return .stopCycle(.time) }
        if cycleExamined >= keyBudget { return .stopCycle(.work) }
        // A region's end means a full pass: what is left expired came after it, so next cycle.
        guard !regionExhausted, examined > 0 else { return .nextRegion }
        // expired / examined > acceptable / 100, without division; both are at most a round's keys.
        let (staleShare, overflowed) = expired.multipliedReportingOverflow(by: 100)
        let (acceptable, overflowedToo) = examined.multipliedReportingOverflow(by: acceptableStalePercent)
        guard !overflowed, !overflowedToo else { return .nextRegion }
        return staleShare > acceptable ? .repeatRound : .nextRegion
    }
}
