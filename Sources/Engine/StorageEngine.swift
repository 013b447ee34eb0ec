// The storage seam: what the store, PD and Raft log storage need from a key-value engine.

/// Shaped like tikv's engine_traits and kept to what RocksDB does natively (column families,
/// write batches, bounded iterators, WAL sync), so `InMemoryEngine` and a RocksDB engine are
/// interchangeable. Every engine must pass EngineTests' conformance suite, which checks each
/// contract below.
///
/// - Order: keys compare as unsigned bytes, lexicographically (RocksDB's default comparator);
///   the empty key is a key, and the smallest.
/// - Atomicity: `write` applies all of a batch or none of it, operations in order. A read
///   never sees part of a batch: `get` reads one key, and each `scan` reads one point in time.
/// - Visibility: once `write` returns, every later read on any thread sees the batch, before
///   any WAL sync.
/// - Durability: `write` never syncs. A batch is durable once `syncedSequence` is at least
///   the sequence number its `write` returned; `syncWAL` makes every batch whose `write`
///   returned before it was called durable.
/// - Sequences: `lastSequence` grows with every non-empty batch and never decreases;
///   `syncedSequence` never decreases and never exceeds `lastSequence`. An engine only
///   reports as synced what a sync it performed covered.
/// - Threads: every method is synchronous and safe to call from any thread at the same time.
///   Reads and unsynced writes take microseconds; `syncWAL` waits for an fsync, so it belongs
///   on the commit thread, never on an event-loop thread (DESIGN §3).
/// - Errors: methods throw only operating errors (`EngineError`, or I/O errors from a
///   persistent engine); after a throwing `write`, none of the batch is applied.
public protocol StorageEngine: AnyObject, Sendable {
    /// The value stored under `key`, or nil when there is none (an empty value is `[]`).
    func get(_ family: ColumnFamily, key: [UInt8]) throws -> [UInt8]?

    /// Up to `limit` entries with `start <= key < end` (`end` nil: to the family's last key),
    /// ascending, or descending from the largest key below `end` when `reverse`. An empty or
    /// inverted range, or a `limit` ≤ 0, returns nothing.
    func scan(
        _ family: ColumnFamily, from start: [UInt8], to end: [UInt8]?, limit: Int, reverse: Bool
    ) throws -> [KeyValue]

    /// Applies `batch` atomically without syncing and returns its sequence number: the
    /// highest sequence it used, or `lastSequence` unchanged for an empty batch.
    @discardableResult
    func write(_ batch: WriteBatch, options: WriteOptions) throws -> UInt64

    /// Makes every write that returned before this call durable and advances
    /// `syncedSequence` to cover them.
    func syncWAL() throws

    /// The sequence number of the latest write applied.
    var lastSequence: UInt64 { get }

    /// The highest sequence number a completed `syncWAL` has made durable: the durability
    /// test (DESIGN §11) checks every acknowledged write's sequence is at most this.
    var syncedSequence: UInt64 { get }
}

extension StorageEngine {
    /// Writes with default options: may block while the engine throttles writes.
    @discardableResult
    public func write(_ batch: WriteBatch) throws -> UInt64 {
        try write(batch, options: WriteOptions())
    }
}
