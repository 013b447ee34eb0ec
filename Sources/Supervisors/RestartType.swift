// When a supervisor restarts a child that ended: OTP's permanent, transient and temporary.

/// A child "ends normally" when its `run()` returns, or when it ends (returning or throwing
/// `CancellationError`) after its supervisor cancelled it to stop it. Anything else is a crash.
public enum RestartType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Restarted whenever it ends, normally or not.
    case permanent
    /// Restarted only after a crash; a normal end is final (the spec stays, stopped).
    case transient
    /// Never restarted; removed from its supervisor when it ends or is stopped.
    case temporary
}
