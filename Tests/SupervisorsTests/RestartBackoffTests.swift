// Restart backoff delays: doubling, capping, jitter within bounds and replayable from a seed.

import TestSupport
import Supervisors
import Runtime
import Testing

@Suite struct RestartBackoffTests {
    @Test func test_delay_doublesFromMinimum_andStopsAtMaximum() {
        let backoff = RestartBackoff(minimum: .milliseconds(100), maximum: .seconds(1))
        let delays = (0..<6).map { backoff.delay(attempt: $0) }
        #expect(delays == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1)])
        #expect(backoff.delay(attempt: Int.max) == .seconds(1))
        #expect(backoff.delay(attempt: -3) == .milliseconds(100))
    }

    @Test func test_jitter_staysWithinItsFraction_andReplaysFromTheSeed() {
        let first = RestartBackoff(minimum: .seconds(1), maximum: .seconds(1), jitter: 0.5, generator: SplitMix64(seed: 42))
        let second = RestartBackoff(minimum: .seconds(1), maximum: .seconds(1), jitter: 0.5, generator: SplitMix64(seed: 42))
        let firstDelays = (0..<50).map { _ in first.delay(attempt: 0) }
        let secondDelays = (0..<50).map { _ in second.delay(attempt: 0) }
        #expect(firstDelays == secondDelays)
        #expect(firstDelays.allSatisfy { $0 >= .milliseconds(500) && $0 <= .milliseconds(1500) })
        #expect(Set(firstDelays).count > 1)
    }

    @Test func test_outOfRangeSettings_areClamped() {
        let backoff = RestartBackoff(minimum: .seconds(-1), maximum: .seconds(-5), jitter: .nan)
        #expect(backoff.minimum == .zero)
        #expect(backoff.maximum == .zero)
        #expect(backoff.jitter == 0)
        #expect(backoff.delay(attempt: 10) == .zero)
        let huge = RestartBackoff(minimum: .seconds(Int64.max / 2), maximum: .seconds(Int64.max), jitter: 1)
        _ = (0..<20).map { huge.delay(attempt: $0) }
    }
}
