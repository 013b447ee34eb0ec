// The reply a waiting client will get: set once by whoever settles the wait first.
import Synchronization

/// Settled by the region serving the client, its timeout, its disconnection, or the region
/// stopping; the first settles it and the rest are ignored. The waiting task may start
/// waiting before or after it is settled.
final class PendingReply: Sendable {
    private enum State {
        case open
        case waiting(CheckedContinuation<AppliedCommand, Never>)
        case settled(AppliedCommand)
    }

    private let state = Mutex<State>(.open)

    /// Settles the reply, unless it was settled already.
    func settle(_ applied: AppliedCommand) {
        let waiter: CheckedContinuation<AppliedCommand, Never>? = state.withLock { state in
            switch state {
            case .settled: return nil
            case .open:
                state = .settled(applied)
                return nil
            case .waiting(let continuation):
                state = .settled(applied)
                return continuation
            }
        }
        waiter?.resume(returning: applied)
    }

    var value: AppliedCommand {
        get async {
            await withCheckedContinuation { continuation in
                let settled: AppliedCommand? = state.withLock { state in
                    switch state {
                    case .settled(let applied): return applied
                    case .open, .waiting:
                        state = .waiting(continuation)
                        return nil
                    }
                }
                if let settled { continuation.resume(returning: settled) }
            }
        }
    }
}
