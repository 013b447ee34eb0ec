// Errors from a supervisor's API: a child that is missing or in the wrong state, a stopped supervisor.

public enum SupervisorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `run()` was called on a supervisor that is running or has run.
    case alreadyRunning(supervisor: String)
    /// The supervisor has stopped (or is stopping) and takes no more requests.
    case notRunning(supervisor: String)
    case childNotFound(supervisor: String, child: String)
    /// A child with this id is running.
    case alreadyStarted(supervisor: String, child: String)
    /// A child with this id exists but is not running (OTP's `already_present`).
    case alreadyPresent(supervisor: String, child: String)
    /// `deleteChild` of a running child: terminate it first.
    case childRunning(supervisor: String, child: String)
    /// The child is waiting to restart.
    case childRestarting(supervisor: String, child: String)
    /// The child is not running, so there is nothing to crash.
    case childNotRunning(supervisor: String, child: String)
    /// A `crashChild` path continued below a child that is not a running supervisor.
    case notASupervisor(path: String)
    case invalidChildID(supervisor: String, child: String, problem: String)
    case duplicateChildID(supervisor: String, child: String)
    /// The factory threw on a `startChild` or `restartChild`.
    case startFailed(supervisor: String, child: String, reason: String)

    public var description: String {
        switch self {
        case .alreadyRunning(let supervisor):
            "supervisor \(Self.name(supervisor)) is already running or has run"
        case .notRunning(let supervisor):
            "supervisor \(Self.name(supervisor)) is not running"
        case .childNotFound(let supervisor, let child):
            "supervisor \(Self.name(supervisor)) has no child '\(child)'"
        case .alreadyStarted(let supervisor, let child):
            "child '\(child)' of supervisor \(Self.name(supervisor)) is already running"
        case .alreadyPresent(let supervisor, let child):
            "child '\(child)' of supervisor \(Self.name(supervisor)) already exists (not running)"
        case .childRunning(let supervisor, let child):
            "child '\(child)' of supervisor \(Self.name(supervisor)) is running; terminate it first"
        case .childRestarting(let supervisor, let child):
            "child '\(child)' of supervisor \(Self.name(supervisor)) is restarting"
        case .childNotRunning(let supervisor, let child):
            "child '\(child)' of supervisor \(Self.name(supervisor)) is not running"
        case .notASupervisor(let path):
            "'\(path)' is not a running supervisor"
        case .invalidChildID(let supervisor, let child, let problem):
            "invalid child id '\(child)' for supervisor \(Self.name(supervisor)): \(problem)"
        case .duplicateChildID(let supervisor, let child):
            "supervisor \(Self.name(supervisor)) has two children with id '\(child)'"
        case .startFailed(let supervisor, let child, let reason):
            "child '\(child)' of supervisor \(Self.name(supervisor)) failed to start: \(reason)"
        }
    }

    /// How a supervisor path reads in a message; the root's is empty.
    static func name(_ path: String) -> String {
        path.isEmpty ? "(root)" : "'\(path)'"
    }
}
