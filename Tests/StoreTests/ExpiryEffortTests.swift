// The adaptive expiry decision on its own: examined, expired, elapsed in; repeat / next / stop out.
import Store
import Testing

@Suite struct ExpiryEffortTests {
    let effort = ExpiryEffort(keysPerRound: 200, acceptableStalePercent: 10, timeBudget: .milliseconds(25), keyBudget: 20_000)

    @Test func test_manyExpired_repeatsTheRound() {
        #expect(effort.decide(examined: 200, expired: 21, regionExhausted: false, cycleExamined: 200, elapsed: .zero) == .repeatRound)
        #expect(effort.decide(examined: 200, expired: 200, regionExhausted: false, cycleExamined: 200, elapsed: .milliseconds(24))
                    == .repeatRound)
        #expect(effort.decide(examined: 7, expired: 1, regionExhausted: false, cycleExamined: 200, elapsed: .zero) == .repeatRound)
    }

    @Test func test_fewExpired_movesToTheNextRegion() {
        // Exactly 10% is acceptable, as Redis's `> acceptable_stale`.
        #expect(effort.decide(examined: 200, expired: 20, regionExhausted: false, cycleExamined: 200, elapsed: .zero) == .nextRegion)
        #expect(effort.decide(examined: 200, expired: 0, regionExhausted: false, cycleExamined: 200, elapsed: .zero) == .nextRegion)
        // No key with a TTL in the window: nothing to judge by.
        #expect(effort.decide(examined: 0, expired: 0, regionExhausted: false, cycleExamined: 200, elapsed: .zero) == .nextRegion)
    }

    @Test func test_aRegionsEnd_endsItsTurnHoweverManyExpired() {
        #expect(effort.decide(examined: 50, expired: 50, regionExhausted: true, cycleExamined: 50, elapsed: .zero) == .nextRegion)
    }

    @Test func test_budgets_stopTheCycle_beforeAnythingElse() {
        #expect(effort.decide(examined: 200, expired: 200, regionExhausted: false, cycleExamined: 400, elapsed: .milliseconds(25))
                    == .stopCycle(.time))
        #expect(effort.decide(examined: 200, expired: 0, regionExhausted: true, cycleExamined: 400, elapsed: .seconds(1))
                    == .stopCycle(.time))
        #expect(effort.decide(examined: 200, expired: 200, regionExhausted: false, cycleExamined: 20_000, elapsed: .zero)
                    == .stopCycle(.work))
        #expect(effort.decide(examined: 200, expired: 200, regionExhausted: false, cycleExamined: 19_999, elapsed: .zero)
                    == .repeatRound)
    }

    @Test func test_fixedPace_neverRepeatsNorStops() {
        let fixed = ExpiryEffort.fixed(keysPerRound: 200)
        #expect(fixed.decide(examined: 200, expired: 200, regionExhausted: false, cycleExamined: 1_000_000, elapsed: .seconds(60))
                    == .nextRegion)
    }

    @Test func test_settings_areClampedToSaneValues() {
        let odd = ExpiryEffort(keysPerRound: 0, acceptableStalePercent: 150, timeBudget: .milliseconds(1), keyBudget: -5)
        #expect(odd.keysPerRound == 1 && odd.acceptableStalePercent == 100 && odd.keyBudget == 1)
        // Huge counts do not trap.
        #expect(effort.decide(examined: .max, expired: .max, regionExhausted: false, cycleExamined: 0, elapsed: .zero) == .nextRegion)
    }
}
