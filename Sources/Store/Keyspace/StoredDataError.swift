// Bytes read back from the engine or a Raft log that do not decode.

public enum StoredDataError: Error, Equatable, CustomStringConvertible {
    case truncated(String)
    case unknownFormat(String, UInt8)
    case trailingBytes(String)

    public var description: String {
        switch self {
        case .truncated(let what): "\(what) is truncated"
        case .unknownFormat(let what, let byte): "\(what) has unknown format \(byte)"
        case .trailingBytes(let what): "\(what) has bytes after its end"
        }
    }
}
