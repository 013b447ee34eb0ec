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
///   persistent engine, which name the database path); after a throwing `write`, none of the
///   batch is applied. A persistent engine that fails to write (a full disk, an I/O error)
///   keeps every batch whose sync completed: the caller (a region) crashes and its supervisor
///   decides, and a reopened engine holds at least everything `syncedSequence` covered.
public protocol StorageEngine: StorageReader, AnyObject, Sendable {
    /// A consistent point-in-time view: reads through it see every batch whose `write`
    /// returned before `snapshot()` was called and none that started after it returned, for as
    /// long as it is open. Cheap to take (RocksDB: `rocksdb_create_snapshot`; in memory, a
    /// copy-on-write copy). Close it when done (`close()`, or its last reference going away);
    /// an open snapshot pins old versions of every key it can see. Closing the engine closes
    /// its snapshots: later reads through them throw `EngineError.closed`.
    func snapshot() throws -> any StorageSnapshot

    /// Flushes the memtables of every family to table files (RocksDB: `rocksdb_flush`,
    /// waiting for it), so the WAL written so far is no longer needed for recovery. Not
    /// needed for durability (that is `syncWAL`); it waits for disk I/O, so it belongs on the
    /// commit thread or another non-loop thread. A flush changes no data and no sequence.
    func flush() throws

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

/// The reads an engine and a snapshot of it share. Keys order as unsigned bytes; every read
/// sees one point in time (the present for an engine, the snapshot's moment for a snapshot).
public protocol StorageReader: Sendable {
    /// The value stored under `key`, or nil when there is none (an empty value is `[]`).
    func get(_ family: ColumnFamily, key: [UInt8]) throws -> [UInt8]?

    /// The values of `keys`, in the order given, nil where a key has none; a key may appear
    /// more than once and gets its value each time. All values come from one point in time
    /// (a batch is never seen in part), and an empty `keys` returns `[]`.
    func multiGet(_ family: ColumnFamily, keys: [[UInt8]]) throws -> [[UInt8]?]

    /// Up to `limit` entries with `start <= key < end` (`end` nil: to the family's last key),
    /// ascending, or descending from the largest key below `end` when `reverse`. An empty or
    /// inverted range, or a `limit` ≤ 0, returns nothing.
    func scan(
        _ family: ColumnFamily, from start: [UInt8], to end: [UInt8]?, limit: Int, reverse: Bool
    ) throws -> [KeyValue]
}

/// A point-in-time view of an engine (`StorageEngine.snapshot()`). Reads through it see the
/// data as it was when it was taken, whatever is written later; safe to use from any thread.
/// `close()` releases it at once (RocksDB: `rocksdb_release_snapshot`); dropping the last
/// reference does the same. After `close()`, reads throw `EngineError.closed`; closing twice
/// does nothing.
public protocol StorageSnapshot: StorageReader, AnyObject {
    /// `lastSequence` of the engine as `snapshot()` began: every batch with a sequence at most
    /// this is visible through it. (A batch written concurrently with `snapshot()` may be
    /// visible too, whole or not at all; one written after it returned never is.)
    var sequence: UInt64 { get }

    func close()
}

extension StorageReader {
    /// Up to `limit` entries whose key starts with `prefix`, ascending (descending when
    /// `reverse`): a scan from `prefix` to the first key past every key with that prefix. The
    /// empty prefix scans the whole family.
    public func scan(
        _ family: ColumnFamily, prefix: [UInt8], limit: Int = .max, reverse: Bool = false
    ) throws -> [KeyValue] {
        try scan(family, from: prefix, to: ByteOrder.prefixEnd(prefix), limit: limit, reverse: reverse)
    }
}

extension StorageEngine {
    /// Writes with default options: may block while the engine throttles writes.
    @discardableResult
    public func write(_ batch: WriteBatch) throws -> UInt64 {
        try write(batch, options: WriteOptions())
    }
}
