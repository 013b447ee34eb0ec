// How many restarts a supervisor may make within a period before it gives up (OTP's MaxR/MaxT).

public import Runtime

/// A pure value: the supervisor feeds it the instant of every restart it is about to make, read
/// from its injected `TimeSource`, and gives up when `recordRestart(at:)` says no.
public struct RestartIntensity: Sendable, Hashable {
    /// Restarts allowed within any `period`; one more gives up. Zero means the first restart does.
    public let intensity: Int
    public let period: Duration
    /// Instants of the restarts still inside the window, oldest first.
    public private(set) var restarts: [MonotonicInstant] = []

    /// Defaults are DESIGN §4's: 3 restarts in 5 s. A negative intensity counts as 0 and a
    /// period that is not positive as one nanosecond, so configuration cannot make this trap.
    public init(intensity: Int = 3, period: Duration = .seconds(5)) {
        self.intensity = max(0, intensity)
        self.period = period > .zero ? period : .nanoseconds(1)
    }

    /// Records a restart at `now` and says whether the supervisor may make it: true while the
    /// restarts inside the window, this one included, number at most `intensity`.
    ///
    /// The window slides as in OTP's `add_restart`: restarts more than `period` before `now`
    /// drop out first; one exactly `period` old still counts.
    public mutating func recordRestart(at now: MonotonicInstant) -> Bool {
        let period = period
        restarts.removeAll { !Self.isInWindow($0, at: now, period: period) }
        restarts.append(now)
        return restarts.count <= intensity
    }

    /// Restarts that `recordRestart(at:)` would still count at `now` (the figure logged as `restarts`).
    public func restartsInWindow(at now: MonotonicInstant) -> Int {
        restarts.reduce(0) { count, instant in Self.isInWindow(instant, at: now, period: period) ? count + 1 : count }
    }

    private static func isInWindow(_ instant: MonotonicInstant, at now: MonotonicInstant, period: Duration) -> Bool {
        // `duration(since:)` is zero for an instant after `now`, which therefore stays counted.
        now.duration(since: instant) <= period
    }
}
