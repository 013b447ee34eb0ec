// Monotonic time as an injected dependency, so time-dependent logic can be tested without sleeping.
import Glibc

/// A point on a monotonic timeline, in nanoseconds from an arbitrary origin.
public struct MonotonicInstant: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var nanoseconds: UInt64

    public init(nanoseconds: UInt64) {
        self.nanoseconds = nanoseconds
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// Saturates at the ends of the timeline instead of trapping.
    public func advanced(by duration: Duration) -> MonotonicInstant {
        let delta = duration.nanosecondsSaturated
        if delta >= 0 {
            let (sum, overflow) = nanoseconds.addingReportingOverflow(UInt64(delta))
            return MonotonicInstant(nanoseconds: overflow ? .max : sum)
        }
        let magnitude = delta.magnitude
        return MonotonicInstant(nanoseconds: nanoseconds > magnitude ? nanoseconds - magnitude : 0)
    }

    /// The time from `earlier` to `self`; zero if `earlier` is later.
    public func duration(since earlier: MonotonicInstant) -> Duration {
        guard nanoseconds > earlier.nanoseconds else { return .zero }
        let delta = nanoseconds - earlier.nanoseconds
        return .nanoseconds(Int64(clamping: delta))
    }

    public var description: String { "\(nanoseconds)ns" }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped to Int64.
    public var nanosecondsSaturated: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow2 { return seconds < 0 ? .min : .max }
        return sum
    }

    /// The duration in whole milliseconds, rounded up so a timer never fires early; at least 0.
    public var millisecondsRoundedUp: UInt64 {
        let nanos = nanosecondsSaturated
        guard nanos > 0 else { return 0 }
        let (quotient, remainder) = UInt64(nanos).quotientAndRemainder(dividingBy: 1_000_000)
        return remainder == 0 ? quotient : quotient + 1
    }
}

/// Where time-dependent code reads "now". Named so it does not clash with the standard `Clock`.
public protocol TimeSource: Sendable {
    func now() -> MonotonicInstant
}

/// The real monotonic clock (CLOCK_MONOTONIC: does not jump with wall-clock changes).
public struct SystemTimeSource: TimeSource {
    public init() {}

    public func now() -> MonotonicInstant {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        let seconds = UInt64(max(0, spec.tv_sec))
        let nanos = UInt64(max(0, spec.tv_nsec))
        return MonotonicInstant(nanoseconds: seconds &* 1_000_000_000 &+ nanos)
    }
}
