// What a supervision tree shares: its clock, its timers, its generation source and its observer.

public import Runtime

/// Passed down to nested supervisors (through `ChildContext`), so one tree reads one clock, one
/// generation sequence and reports to one observer. Tests pass a `ManualTimeSource` as both
/// `timeSource` and `timers`.
public struct SupervisorEnvironment: Sendable {
    /// Read for restart instants (intensity) and start instants (uptime).
    public var timeSource: any TimeSource
    /// Runs shutdown timeouts and restart backoff delays.
    public var timers: any TimerScheduler
    public var generations: GenerationSource
    public var observer: (any SupervisorObserver)?

    public init(
        timeSource: any TimeSource = SystemTimeSource(),
        timers: any TimerScheduler = TaskTimerScheduler(),
        generations: GenerationSource = .process,
        observer: (any SupervisorObserver)? = nil
    ) {
        self.timeSource = timeSource
        self.timers = timers
        self.generations = generations
        self.observer = observer
    }
}
