// The restart-intensity window on its own: a pure value fed instants.

import Runtime
import Supervisors
import Testing

@Suite struct RestartIntensityTests {
    let start = MonotonicInstant(nanoseconds: 1_000_000_000)

    /// `start` plus `nanoseconds`.
    private func at(_ nanoseconds: Int64) -> MonotonicInstant {
        start.advanced(by: .nanoseconds(nanoseconds))
    }

    /// Feeds restarts at the given offsets and returns each verdict (`#expect` cannot call a
    /// mutating method itself).
    private func verdicts(_ intensity: inout RestartIntensity, _ offsets: [Int64]) -> [Bool] {
        offsets.map { intensity.recordRestart(at: at($0)) }
    }

    private let second: Int64 = 1_000_000_000

    @Test func test_intensityRestartsInPeriod_areAllowed_andOneMoreIsRefused() {
        var intensity = RestartIntensity(intensity: 3, period: .seconds(5))
        let allowed = verdicts(&intensity, [0, second, 2 * second, 3 * second])
        #expect(allowed == [true, true, true, false])
        #expect(intensity.restartsInWindow(at: at(3 * second)) == 4)
    }

    @Test func test_window_slides_restartsOlderThanPeriodDropOut() {
        var intensity = RestartIntensity(intensity: 2, period: .seconds(5))
        // Every 3 s: at most two restarts fall within any 5 s, so the window never overflows.
        let spread = verdicts(&intensity, (0..<20).map { 3 * second * $0 })
        #expect(spread.allSatisfy { $0 })
        #expect(intensity.restarts.count == 2)
        // One more a second after the last (57 s) finds 54 s and 57 s still inside: refused.
        let bunched = verdicts(&intensity, [58 * second])
        #expect(bunched == [false])
    }

    @Test func test_restartExactlyOnePeriodOld_stillCounts_andOneNanosecondMoreDoesNot() {
        var intensity = RestartIntensity(intensity: 1, period: .seconds(5))
        #expect(verdicts(&intensity, [0]) == [true])
        #expect(intensity.restartsInWindow(at: at(5 * second)) == 1)
        #expect(intensity.restartsInWindow(at: at(5 * second + 1)) == 0)

        var atEdge = intensity
        #expect(verdicts(&atEdge, [5 * second]) == [false])
        #expect(verdicts(&intensity, [5 * second + 1]) == [true])
    }

    @Test func test_zeroIntensity_refusesTheFirstRestart() {
        var intensity = RestartIntensity(intensity: 0, period: .seconds(5))
        #expect(verdicts(&intensity, [0]) == [false])
    }

    @Test func test_defaults_areThreeInFiveSeconds() {
        let intensity = RestartIntensity()
        #expect(intensity.intensity == 3)
        #expect(intensity.period == .seconds(5))
    }

    @Test func test_outOfRangeLimits_areClampedInsteadOfTrapping() {
        let intensity = RestartIntensity(intensity: -4, period: .seconds(-1))
        #expect(intensity.intensity == 0)
        #expect(intensity.period == .nanoseconds(1))
    }
}
