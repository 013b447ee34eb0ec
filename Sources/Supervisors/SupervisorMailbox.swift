// A supervisor's queue of messages, postable synchronously from any thread or task.

import Synchronization

/// Synchronous posting lets child tasks, timers and a cancellation handler report without
/// hopping onto the supervisor's actor. Unlike `AsyncStream`, waiting is not ended by
/// cancellation of the waiting task: a supervisor being cancelled still reads its mailbox.
final class SupervisorMailbox: Sendable {
    private struct State {
        var queue: [SupervisorMessage] = []
        var waiter: CheckedContinuation<SupervisorMessage, Never>?
        var closed = false
        var shutdownRequested = false
    }

    private let state = Mutex(State())

    /// Queues `message`; false (and the message dropped) once the mailbox is closed.
    @discardableResult
    func post(_ message: SupervisorMessage) -> Bool {
        let outcome: (accepted: Bool, waiter: CheckedContinuation<SupervisorMessage, Never>?) = state.withLock { state in
            guard !state.closed else { return (false, nil) }
            if case .shutdown = message { state.shutdownRequested = true }
            if let waiter = state.waiter {
                state.waiter = nil
                return (true, waiter)
            }
            state.queue.append(message)
            return (true, nil)
        }
        outcome.waiter?.resume(returning: message)
        return outcome.accepted
    }

    /// Whether a shutdown has been posted, even if not yet read: a supervisor starting a row of
    /// children checks it between starts so that it does not start children it must stop at once.
    var isShutdownRequested: Bool {
        state.withLock { $0.shutdownRequested }
    }

    /// The next message, waiting for one if none is queued. Only the supervisor's loop calls this.
    func next() async -> SupervisorMessage {
        await withCheckedContinuation { continuation in
            let ready: SupervisorMessage? = state.withLock { state in
                guard !state.queue.isEmpty else {
                    state.waiter = continuation
                    return nil
                }
                return state.queue.removeFirst()
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Refuses further posts and hands back what was still queued, for the caller to refuse.
    func close() -> [SupervisorMessage] {
        state.withLock { state in
            state.closed = true
            defer { state.queue = [] }
            return state.queue
        }
    }
}
