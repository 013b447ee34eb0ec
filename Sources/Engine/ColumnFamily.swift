// The column families of a node's database (DESIGN §6): one ordered keyspace each.

/// The same key in two families names two different entries, and a scan never leaves its
/// family. Raw values are dense from 0 so an engine can index per-family tables by them.
/// `name` is what a RocksDB engine opens the family as: it is on disk, so a case may be
/// renamed in Swift but its `name` never changes. (RocksDB's mandatory `default` family is
/// the engine's business and is not one of these.)
public enum ColumnFamily: Int, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    /// `slot | key` → type, expire-at, version, size; a string's bytes inline.
    case meta = 0
    /// `slot | len(key) | key | version | member` → hash value, set marker or list item.
    case sub = 1
    /// `slot | len(key) | key | version | score | member` → the sorted-set order index.
    case score = 2
    /// `groupID | index` → Raft log entry; `groupID | 0xFF…` → hard state.
    case raft = 3
    /// `groupID` → region descriptor and applied index.
    case region = 4

    public var name: String {
        switch self {
        case .meta: "meta"
        case .sub: "sub"
        case .score: "score"
        case .raft: "raft"
        case .region: "region"
        }
    }

    public var description: String { name }
}
