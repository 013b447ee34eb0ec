// Timers on Swift tasks, for supervisors that have no event loop to schedule on.

public import Runtime

/// Each timer is a task that sleeps. Supervisors only need timers for shutdown timeouts and
/// backoff delays — rare, coarse events — so a task per timer is cheap enough and keeps
/// supervisors off the loops (DESIGN §3: cold actors run on the default executor).
public struct TaskTimerScheduler: TimerScheduler {
    public init() {}

    @discardableResult
    public func scheduleTimer(
        after delay: Duration,
        repeating interval: Duration?,
        _ body: @escaping @Sendable () -> Void
    ) -> any ScheduledTimer {
        let task = Task.detached {
            do {
                try await Task.sleep(for: delay)
                guard !Task.isCancelled else { return }
                body()
                guard let interval, interval > .zero else { return }
                while true {
                    try await Task.sleep(for: interval)
                    guard !Task.isCancelled else { return }
                    body()
                }
            } catch {
                // Cancelled while sleeping: the timer was cancelled.
            }
        }
        return TaskTimer(task: task)
    }
}

private struct TaskTimer: ScheduledTimer {
    let task: Task<Void, Never>

    func cancel() {
        task.cancel()
    }
}
