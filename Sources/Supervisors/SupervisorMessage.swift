// What a supervisor's loop handles, one at a time and in arrival order, like an OTP process's mailbox.

/// Answers a request exactly once, from the supervisor's loop (or at once if it has stopped).
typealias Reply<Value: Sendable> = @Sendable (Result<Value, SupervisorError>) -> Void

enum SupervisorMessage: Sendable {
    /// The supervisor's task was cancelled or its service group shuts down gracefully.
    case shutdown
    /// A child's run ended; stale if that child has moved on to another generation.
    case childEnded(id: String, generation: UInt64)
    /// A backoff delay passed: start these children if they are still waiting, in start order.
    case startPending(ids: [String])
    /// Starting `id` failed (with `reason`) while starting `batch`; restart it like a crash, as
    /// OTP's `try_again_restart` does, so that repeated start errors exhaust the intensity.
    case retryStart(id: String, reason: String, batch: [String])
    case startChild(ChildSpec, reply: Reply<UInt64>)
    case restartChild(id: String, reply: Reply<UInt64>)
    case terminateChild(id: String, reply: Reply<Void>)
    case deleteChild(id: String, reply: Reply<Void>)
    case crashChild(id: String, reason: String, reply: Reply<Void>)

    /// Answers a request that the supervisor will not handle because it has stopped.
    func refuse(_ error: SupervisorError) {
        switch self {
        case .shutdown, .childEnded, .startPending, .retryStart:
            break
        case .startChild(_, let reply), .restartChild(_, let reply):
            reply(.failure(error))
        case .terminateChild(_, let reply), .deleteChild(_, let reply), .crashChild(_, _, let reply):
            reply(.failure(error))
        }
    }
}
