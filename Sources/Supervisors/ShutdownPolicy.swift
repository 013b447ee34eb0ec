// How a supervisor stops a child: cancel its task, then wait a bounded time, not at all, or forever.

public enum ShutdownPolicy: Sendable, Hashable {
    /// Cancel and wait up to this long; a child still running then is abandoned (`shutdown_timeout`).
    case timeout(Duration)
    /// Cancel and do not wait (OTP's `brutal_kill`; the task may still be winding down).
    case brutal
    /// Cancel and wait as long as it takes: the default for supervisor children, whose own
    /// children need their timeouts to stop.
    case infinity
}
