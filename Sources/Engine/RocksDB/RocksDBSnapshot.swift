// A RocksDB snapshot: a point-in-time read view, released exactly once.
import CRocksDB
import Synchronization

/// The native snapshot and the read options that point at it. Released by whichever comes
/// first: the snapshot's `close()` (or deinit), or the engine's `close()`; both hold the
/// engine's lock (shared or exclusive), and the state's own lock keeps a release from freeing
/// what a read of this snapshot is using.
final class RocksDBSnapshotState: @unchecked Sendable {
    private let lock = ReadWriteLock()
    /// Nil once released. Written only under the exclusive lock.
    private var native: (snapshot: OpaquePointer, readOptions: OpaquePointer)?
    let sequence: UInt64

    init(handles: RocksDBHandles) {
        // Read first: RocksDB 7.8's C API cannot tell the snapshot's own number, and every
        // batch up to the one read now is certainly visible through it.
        sequence = rocksdb_get_latest_sequence_number(handles.db)
        let snapshot: OpaquePointer = rocksdb_create_snapshot(handles.db)
        let options: OpaquePointer = rocksdb_readoptions_create()
        rocksdb_readoptions_set_snapshot(options, snapshot)
        native = (snapshot, options)
    }

    /// Reads at the snapshot; throws `EngineError.closed` once released. The caller holds the
    /// engine's shared lock, so `handles` is open.
    func withReads<Result>(_ handles: RocksDBHandles, _ body: (RocksDBReads) throws -> Result) throws -> Result {
        try lock.withSharedLock {
            guard let native else { throw EngineError.closed }
            return try body(RocksDBReads(handles: handles, readOptions: native.readOptions, snapshot: native.snapshot))
        }
    }

    /// Frees the snapshot; the caller holds the engine's lock, so `handles` is open.
    func release(from handles: RocksDBHandles) {
        lock.withExclusiveLock {
            guard let (snapshot, options) = native else { return }
            rocksdb_readoptions_destroy(options)
            rocksdb_release_snapshot(handles.db, snapshot)
            native = nil
        }
    }
}

/// What `RocksDBEngine.snapshot()` returns. Keeps the engine alive while it exists.
final class RocksDBSnapshot: StorageSnapshot {
    private let engine: RocksDBEngine
    private let state: RocksDBSnapshotState

    init(engine: RocksDBEngine, state: RocksDBSnapshotState) {
        self.engine = engine
        self.state = state
    }

    deinit {
        close()
    }

    var sequence: UInt64 { state.sequence }

    func close() {
        engine.release(state)
    }

    func get(_ family: ColumnFamily, key: [UInt8]) throws -> [UInt8]? {
        try read { try $0.get(family, key: key) }
    }

    func multiGet(_ family: ColumnFamily, keys: [[UInt8]]) throws -> [[UInt8]?] {
        try read { try $0.multiGet(family, keys: keys) }
    }

    func scan(
        _ family: ColumnFamily, from start: [UInt8], to end: [UInt8]?, limit: Int, reverse: Bool
    ) throws -> [KeyValue] {
        try read { try $0.scan(family, from: start, to: end, limit: limit, reverse: reverse) }
    }

    private func read<Result>(_ body: (RocksDBReads) throws -> Result) throws -> Result {
        try engine.withOpenHandles { open in try state.withReads(open, body) }
    }
}

extension RocksDBEngine {
    /// Snapshots RocksDB holds now (`rocksdb.num-snapshots`), for tests that check release.
    func nativeSnapshotCount() throws -> UInt64 {
        try withOpenHandles { open in
            var value: UInt64 = 0
            _ = rocksdb_property_int(open.db, "rocksdb.num-snapshots", &value)
            return value
        }
    }
}
