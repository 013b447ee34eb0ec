// The kind of value a key holds, as Redis's TYPE names it.

public enum KeyType: UInt8, Sendable, CaseIterable {
    case string = 0
    case list = 1
    case set = 2
    case zset = 3
    case hash = 4

    /// What TYPE answers and SCAN … TYPE matches.
    public var redisName: String {
        switch self {
        case .string: "string"
        case .list: "list"
        case .set: "set"
        case .zset: "zset"
        case .hash: "hash"
        }
    }

    public init?(redisName: String) {
        guard let match = KeyType.allCases.first(where: { $0.redisName == redisName.lowercased() }) else { return nil }
        self = match
    }
}
