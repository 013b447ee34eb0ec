// The version this build reports (CLI, logs, later INFO's cairn_version).

public enum CairnVersion {
    public static let current = "0.1.0"
    /// The Redis release whose behaviour Cairn reproduces.
    public static let redisCompatibility = "7.0.0"
}
