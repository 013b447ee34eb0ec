// Errors RocksDB reports, as one line naming the database path.

/// RocksDB's own status text (e.g. `IO error: No space left on device`) with what was being
/// done and where, so a log line or a start-up failure says which directory to look at.
public struct RocksDBError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was attempted: "open", "write", "read", "scan", "sync the WAL of".
    public let operation: String
    /// The database directory (`<data-dir>/db`).
    public let path: String
    /// RocksDB's status string.
    public let message: String

    public init(operation: String, path: String, message: String) {
        self.operation = operation
        self.path = path
        self.message = message
    }

    public var description: String {
        "cannot \(operation) RocksDB at \(path): \(message)"
    }
}
