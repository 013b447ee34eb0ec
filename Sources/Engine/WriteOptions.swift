// How a caller wants one `StorageEngine.write` to behave.

public struct WriteOptions: Sendable, Equatable {
    /// Fail with `EngineError.writeStalled` instead of blocking when the engine is throttling
    /// writes (RocksDB's `no_slowdown`): a region writing from a loop thread must never block
    /// it, and hands a refused batch to the commit thread instead (DESIGN §6a).
    public var noSlowdown: Bool

    public init(noSlowdown: Bool = false) {
        self.noSlowdown = noSlowdown
    }
}
