// A region's answer to one command: the reply, and the write sequence it depends on.
public import RESP

/// With `storage.sync: always` the reply may leave only once a WAL sync covers `sequence`:
/// the write's own sequence, or for a read the latest one it could have seen (DESIGN §6).
public struct AppliedCommand: Sendable {
    public var reply: RESPValue
    public var sequence: UInt64
    /// Time a blocking pop spent waiting for data, which Redis leaves out of a command's
    /// duration (commandstats, the slow log).
    public var waited: Duration = .zero

    public init(reply: RESPValue, sequence: UInt64) {
        self.reply = reply
        self.sequence = sequence
    }
}
