// Where a child stands in its supervisor: running, waiting to restart, being stopped, or stopped.

public enum ChildState: String, Sendable, Hashable, Codable, CaseIterable {
    case running
    /// Waiting for a restart: during a backoff delay, or after a start error until the retry.
    case restarting
    /// Its task was cancelled and the supervisor is waiting for it to end.
    case stopping
    /// Its spec is kept but it is not running (a transient child that ended normally, a child
    /// that was terminated, or one not started yet).
    case stopped
}
