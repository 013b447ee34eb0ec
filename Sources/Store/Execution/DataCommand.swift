// How a command that touches data runs: a read on its key's region, a normalized write
// proposed to it, or a keyspace-wide operation over several regions.
public import RESP

/// A read of the region owning the command's keys (all in one slot): a function of what it sees.
public typealias ReadHandler = @Sendable (_ argv: [[UInt8]], _ data: KeyspaceRead) throws -> RESPValue

/// Turns a request into the arguments of its entry (DESIGN §6a): relative times made
/// absolute, syntax checked. A `.reply` answers at once without proposing anything.
public typealias NormalizeHandler = @Sendable (_ argv: [[UInt8]], _ context: NormalizeContext) -> Normalized

/// Applies an entry: the writes go to `context`'s batch, the return value is the reply.
public typealias ApplyHandler = @Sendable (_ context: inout ApplyContext) throws -> RESPValue

/// Runs over the whole keyspace or several slots (MGET, DEL, SCAN, FLUSHALL…).
public typealias KeyspaceHandler = @Sendable (_ argv: [[UInt8]], _ keyspace: Keyspace) async -> RESPValue

public enum Normalized: Sendable {
    case entry([[UInt8]])
    case reply(RESPValue)
}

public struct NormalizeContext: Sendable {
    /// The proposer's wall clock in Unix milliseconds.
    public let nowMilliseconds: Int64
}

public enum DataCommand: Sendable {
    case read(ReadHandler)
    /// `normalize` nil: the request's arguments are the entry's as they are.
    case write(normalize: NormalizeHandler?, apply: ApplyHandler)
    case keyspace(KeyspaceHandler)
    /// A pop that waits for data when there is none (BLPOP…): outside MULTI its client waits
    /// in the region for its keys; inside, it is the write `form.apply`.
    case blocking(BlockingForm)
}
