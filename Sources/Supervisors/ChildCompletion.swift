// The end of one child run: set once by the run's task, awaited by the supervisor with or without a deadline.

import Runtime
import Synchronization

final class ChildCompletion: Sendable {
    private struct State {
        var outcome: ChildOutcome?
        var waiters: [@Sendable (ChildOutcome) -> Void] = []
    }

    private let state = Mutex(State())

    /// The outcome, once the run has ended.
    var outcome: ChildOutcome? {
        state.withLock { $0.outcome }
    }

    /// Called once, by the run's task.
    func finish(_ outcome: ChildOutcome) {
        let waiters = state.withLock { state in
            state.outcome = outcome
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters {
            waiter(outcome)
        }
    }

    /// The outcome, or nil if `timeout` (measured on `timers`) passed first; waits forever when
    /// `timeout` is nil. Not cancellable on purpose: a supervisor that is itself being stopped
    /// must still wait for its children.
    func wait(timeout: Duration?, timers: any TimerScheduler) async -> ChildOutcome? {
        if let outcome { return outcome }
        return await withCheckedContinuation { (continuation: CheckedContinuation<ChildOutcome?, Never>) in
            let resumption = ResumeOnce(continuation)
            let timer = timeout.map { timeout in
                timers.scheduleTimer(after: timeout, repeating: nil) { resumption.resume(returning: nil) }
            }
            whenFinished { outcome in
                timer?.cancel()
                resumption.resume(returning: outcome)
            }
        }
    }

    /// Runs `waiter` when the run ends, or at once if it has.
    private func whenFinished(_ waiter: @escaping @Sendable (ChildOutcome) -> Void) {
        let finished: ChildOutcome? = state.withLock { state in
            if let outcome = state.outcome { return outcome }
            state.waiters.append(waiter)
            return nil
        }
        if let finished { waiter(finished) }
    }
}

/// Lets whichever of a run's end and its deadline comes first resume the waiting supervisor.
private final class ResumeOnce: Sendable {
    private let continuation: Mutex<CheckedContinuation<ChildOutcome?, Never>?>

    init(_ continuation: CheckedContinuation<ChildOutcome?, Never>) {
        self.continuation = Mutex(continuation)
    }

    func resume(returning outcome: ChildOutcome?) {
        let taken = continuation.withLock { continuation in
            defer { continuation = nil }
            return continuation
        }
        taken?.resume(returning: outcome)
    }
}
