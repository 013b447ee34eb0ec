// Operating errors a storage engine reports.

public enum EngineError: Error, Equatable, CustomStringConvertible {
    /// The engine is stalling writes and the caller asked not to wait; nothing was written.
    case writeStalled
    /// Sequence numbers would pass `UInt64.max`; nothing was written.
    case sequenceExhausted
    /// The engine was closed; nothing was read or written.
    case closed

    public var description: String {
        switch self {
        case .writeStalled: "write refused: the storage engine is stalling writes"
        case .sequenceExhausted: "write refused: storage sequence numbers are exhausted"
        case .closed: "the storage engine is closed"
        }
    }
}
