// Runs blocking test code (sockets with timeouts, admin clients) on its own OS thread.
import Foundation
import Synchronization

/// A stand-in for `Task.detached { … }.value` for code that blocks: a detached task still runs
/// on the cooperative pool, which has two threads here, so two blocked clients waiting for a
/// server whose handlers need that pool stall every test in the process until their socket
/// timeouts. Each BlockingTask gets its own thread instead.
public final class BlockingTask<Success: Sendable>: Sendable {
    private let outcome: ThreadOutcome<Success>

    public init(_ body: @escaping @Sendable () -> Success) {
        outcome = ThreadOutcome { .success(body()) }
    }

    public var value: Success {
        get async {
            // The body cannot throw, so neither can its outcome.
            switch await outcome.result {
            case .success(let value): value
            case .failure: preconditionFailure("a non-throwing body failed")
            }
        }
    }
}

/// `BlockingTask` for a body that throws.
public final class ThrowingBlockingTask<Success: Sendable>: Sendable {
    private let outcome: ThreadOutcome<Success>

    public init(_ body: @escaping @Sendable () throws -> Success) {
        outcome = ThreadOutcome { Result { try body() } }
    }

    public var value: Success {
        get async throws { try await outcome.result.get() }
    }
}

/// Runs `compute` on a new thread and hands its result to every waiter.
final class ThreadOutcome<Success: Sendable>: Sendable {
    private enum State {
        case running([CheckedContinuation<Result<Success, any Error>, Never>])
        case finished(Result<Success, any Error>)
    }

    private let state = Mutex(State.running([]))

    init(_ compute: @escaping @Sendable () -> Result<Success, any Error>) {
        let thread = Thread { [self] in
            let result = compute()
            let waiters = state.withLock { state -> [CheckedContinuation<Result<Success, any Error>, Never>] in
                guard case .running(let waiters) = state else { return [] }
                state = .finished(result)
                return waiters
            }
            for waiter in waiters { waiter.resume(returning: result) }
        }
        thread.start()
    }

    var result: Result<Success, any Error> {
        get async {
            await withCheckedContinuation { continuation in
                let finished = state.withLock { state -> Result<Success, any Error>? in
                    switch state {
                    case .finished(let result): return result
                    case .running(let waiters):
                        state = .running(waiters + [continuation])
                        return nil
                    }
                }
                if let finished { continuation.resume(returning: finished) }
            }
        }
    }
}
