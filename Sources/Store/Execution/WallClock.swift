// Wall-clock time for normalization (expiry times, TIME); apply never reads it (DESIGN §6a).
import Glibc
import Synchronization

public protocol WallClock: Sendable {
    /// Unix time in microseconds.
    func nowMicroseconds() -> Int64
}

extension WallClock {
    public func nowMilliseconds() -> Int64 { nowMicroseconds() / 1000 }
}

public struct SystemWallClock: WallClock {
    public init() {}

    public func nowMicroseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) &* 1_000_000 &+ Int64(spec.tv_nsec) / 1000
    }
}

/// A clock tests set by hand.
public final class ManualWallClock: WallClock {
    private let now: Atomic<Int64>

    public init(microseconds: Int64) {
        now = Atomic(microseconds)
    }

    public func nowMicroseconds() -> Int64 { now.load(ordering: .relaxed) }

    public func advance(milliseconds: Int64) {
        now.wrappingAdd(milliseconds &* 1000, ordering: .relaxed)
    }
}
