// An optional delay before a child's restart: exponential, capped, with jitter from a seeded generator.

public import Runtime
import Synchronization

/// Delay number `attempt` is `minimum · 2^attempt`, capped at `maximum`, then moved at random
/// by up to `jitter` of itself either way. Attempts count a child's consecutive restarts and
/// start again from 0 once a run of the child has lasted at least `maximum`.
///
/// The delay postpones only the start: the restart is counted against the intensity, and the
/// siblings the strategy takes down with the child are stopped, at the moment the child ends.
public struct RestartBackoff: Sendable {
    public let minimum: Duration
    public let maximum: Duration
    /// A fraction in 0...1; spreads the restarts of many children that failed together.
    public let jitter: Double
    private let random: SharedGenerator

    /// Values out of range are clamped (negative durations to zero, `maximum` to at least
    /// `minimum`, `jitter` into 0...1) rather than trapping. Copies of one backoff share its
    /// generator, so a seed replays the same sequence of delays for the same sequence of restarts.
    public init(
        minimum: Duration,
        maximum: Duration,
        jitter: Double = 0,
        generator: some RandomNumberGenerator & Sendable = SplitMix64(seed: 0)
    ) {
        let low = max(.zero, minimum)
        self.minimum = low
        self.maximum = max(low, maximum)
        self.jitter = jitter.isFinite ? min(max(jitter, 0), 1) : 0
        random = SharedGenerator(generator)
    }

    public func delay(attempt: Int) -> Duration {
        let cap = maximum.nanosecondsSaturated
        var nanoseconds = minimum.nanosecondsSaturated
        var doublings = max(0, attempt)
        while doublings > 0, nanoseconds < cap {
            let (doubled, overflow) = nanoseconds.multipliedReportingOverflow(by: 2)
            nanoseconds = overflow ? cap : min(doubled, cap)
            doublings -= 1
        }
        guard jitter > 0, nanoseconds > 0 else { return .nanoseconds(nanoseconds) }
        let factor = 1 + jitter * random.unitInterval()
        let moved = Double(nanoseconds) * factor
        // 2^63 is exactly representable; anything at or above it does not fit an Int64.
        let fitting = moved >= 9_223_372_036_854_775_808.0 ? Int64.max : Int64(max(0, moved))
        return .nanoseconds(fitting)
    }
}

/// One generator behind a lock, shared by every copy of a `RestartBackoff`.
private final class SharedGenerator: Sendable {
    private let generator: Mutex<any RandomNumberGenerator & Sendable>

    init(_ generator: some RandomNumberGenerator & Sendable) {
        self.generator = Mutex(generator)
    }

    /// A value in -1...1.
    func unitInterval() -> Double {
        generator.withLock { generator in Double.random(in: -1...1, using: &generator) }
    }
}
