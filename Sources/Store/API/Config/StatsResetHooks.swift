// What CONFIG RESETSTAT resets: every part that keeps statistics registers how to reset them.
import Synchronization

/// One per node. INFO's counters, SLOWLOG and command statistics register here as they arrive;
/// CONFIG RESETSTAT runs every hook, in registration order.
public final class StatsResetHooks: Sendable {
    private let hooks = Mutex<[@Sendable () -> Void]>([])

    public init() {}

    public func register(_ reset: @escaping @Sendable () -> Void) {
        hooks.withLock { $0.append(reset) }
    }

    public func resetAll() {
        // Run outside the lock, so a hook may register another.
        let registered = hooks.withLock { $0 }
        for reset in registered { reset() }
    }
}
