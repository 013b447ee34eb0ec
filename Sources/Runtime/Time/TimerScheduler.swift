// Scheduling callbacks in the future, on a real event loop or on a manual clock in tests.

/// A scheduled timer; cancelling it guarantees its callback does not start afterwards
/// when cancelled on the thread that runs the callbacks.
public protocol ScheduledTimer: Sendable {
    func cancel()
}

/// Something that runs callbacks after a delay, once or repeatedly.
public protocol TimerScheduler: Sendable {
    /// Runs `body` after `delay`, then every `repeating` if given.
    @discardableResult
    func scheduleTimer(
        after delay: Duration,
        repeating interval: Duration?,
        _ body: @escaping @Sendable () -> Void
    ) -> any ScheduledTimer
}
