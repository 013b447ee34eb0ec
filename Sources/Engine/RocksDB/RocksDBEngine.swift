// The StorageEngine over RocksDB: one database per node at `<data-dir>/db` (DESIGN §6).
import CRocksDB
public import Runtime
import Synchronization

/// Writes go to the memtable and the WAL without syncing; `syncWAL` fsyncs the WAL once for
/// every write that returned before it (`rocksdb_flush_wal(db, sync: 1)`, an fdatasync of the
/// log), which is what the commit thread's group commit calls. Sequence numbers are RocksDB's
/// own, so they continue across restarts.
///
/// This file and the others in Engine/RocksDB are the only code that touches RocksDB
/// pointers. Calls share a read-write lock that `close` takes exclusively, so a call after
/// `close` fails with `EngineError.closed` instead of using a freed pointer.
public final class RocksDBEngine: StorageEngine {
    /// The database directory.
    public let path: String
    /// The block compression in use (the configured one unless this RocksDB build lacks it).
    public let compression: StorageCompression

    private let lock = ReadWriteLock()
    /// Nil once closed. Written only under the exclusive lock, read under the shared one.
    private nonisolated(unsafe) var handles: RocksDBHandles?
    private let synced = Mutex<UInt64>(0)
    /// `lastSequence` as of `close`, so the property still answers afterwards.
    private let sequenceAtClose = Atomic<UInt64>(0)
    private let walSyncs = Atomic<UInt64>(0)
    private let stalledWrites = Atomic<UInt64>(0)
    /// The first error a write or WAL sync met. From then on writes and syncs fail with it
    /// without calling RocksDB: RocksDB 7.8 asserts (and Debian's build aborts the process)
    /// when the WAL is written or synced again after a failed append or sync
    /// (`WritableFileWriter::AssertFalseAndGetStatusForPrevError`, fixed upstream in 9.x by
    /// facebook/rocksdb#12448). Reads keep working; reopening the database clears it.
    private let writeFailure = Mutex<RocksDBError?>(nil)
    /// Snapshots not yet released, so `close` can release them before closing the database.
    private let liveSnapshots = Mutex<[ObjectIdentifier: RocksDBSnapshotState]>([:])

    /// Opens the database at `path`, creating it and its column families if missing, and
    /// syncs the WAL once so everything it recovered counts as synced.
    public init(path: String, settings: RocksDBSettings) throws {
        let handles = try RocksDBHandles.open(path: path, settings: settings)
        self.path = path
        compression = handles.compression
        self.handles = handles
        try syncWAL()
    }

    deinit {
        try? close()
    }

    /// Syncs the WAL and closes the database; later calls throw `EngineError.closed`.
    /// Closing twice does nothing.
    public func close() throws {
        var syncFailure: (any Error)?
        if let failure = writeFailure.withLock({ $0 }) {
            // Syncing again could abort the process (see `writeFailure`); what was synced stays.
            syncFailure = failure
        } else {
            do { try syncWAL() } catch EngineError.closed { return } catch { syncFailure = error }
        }
        lock.withExclusiveLock {
            guard let open = handles else { return }
            sequenceAtClose.store(rocksdb_get_latest_sequence_number(open.db), ordering: .releasing)
            let snapshots = liveSnapshots.withLock { live in
                defer { live.removeAll() }
                return Array(live.values)
            }
            for snapshot in snapshots { snapshot.release(from: open) }
            open.close()
            handles = nil
        }
        if let syncFailure { throw syncFailure }
    }

    public func get(_ family: ColumnFamily, key: [UInt8]) throws -> [UInt8]? {
        try withOpenHandles { open in try open.reads.get(family, key: key) }
    }

    public func multiGet(_ family: ColumnFamily, keys: [[UInt8]]) throws -> [[UInt8]?] {
        try withOpenHandles { open in try open.reads.multiGet(family, keys: keys) }
    }

    public func scan(
        _ family: ColumnFamily, from start: [UInt8], to end: [UInt8]?, limit: Int, reverse: Bool
    ) throws -> [KeyValue] {
        try withOpenHandles { open in
            try open.reads.scan(family, from: start, to: end, limit: limit, reverse: reverse)
        }
    }

    /// `rocksdb_create_snapshot`, released by the snapshot's `close()` or deinit, or by
    /// `close()` of the engine, whichever comes first (RocksDB must not close with live
    /// snapshots).
    public func snapshot() throws -> any StorageSnapshot {
        try withOpenHandles { open in
            let state = RocksDBSnapshotState(handles: open)
            liveSnapshots.withLock { $0[ObjectIdentifier(state)] = state }
            return RocksDBSnapshot(engine: self, state: state)
        }
    }

    /// Called by a snapshot's `close()`: releases it unless the engine's close already did.
    func release(_ state: RocksDBSnapshotState) {
        let owned = liveSnapshots.withLock { $0.removeValue(forKey: ObjectIdentifier(state)) != nil }
        guard owned else { return }
        // Shared: other calls may run, but the database stays open while the snapshot goes.
        _ = try? withOpenHandles { open in state.release(from: open) }
    }

    /// Flushes every family's memtable (`rocksdb_flush_cfs`-style, one family at a time, each
    /// waited for).
    public func flush() throws {
        try withOpenHandles { open in
            let options: OpaquePointer = rocksdb_flushoptions_create()
            defer { rocksdb_flushoptions_destroy(options) }
            rocksdb_flushoptions_set_wait(options, 1)
            for family in open.families + [open.defaultFamily] {
                let message = CBytes.capturingError { error in rocksdb_flush_cf(open.db, options, family, error) }
                if let message { throw RocksDBError(operation: "flush", path: path, message: message) }
            }
        }
    }

    @discardableResult
    public func write(_ batch: WriteBatch, options: WriteOptions) throws -> UInt64 {
        guard !batch.isEmpty else { return lastSequence }
        do {
            return try withOpenHandles { open in
                try failingForGood {
                    try RocksDBBatchWriter(handles: open).write(batch, noSlowdown: options.noSlowdown)
                }
            }
        } catch EngineError.writeStalled {
            stalledWrites.add(1, ordering: .relaxed)
            throw EngineError.writeStalled
        }
    }

    /// `noSlowdown` writes refused because RocksDB was stalling writes, since open.
    public var stalledWriteCount: UInt64 {
        stalledWrites.load(ordering: .relaxed)
    }

    /// Reads the latest sequence before the sync: every write that returned by then has its
    /// WAL record in the log file, so the fdatasync covers at least that sequence.
    public func syncWAL() throws {
        try withOpenHandles { open in
            let covered = rocksdb_get_latest_sequence_number(open.db)
            try failingForGood {
                let message = CBytes.capturingError { error in rocksdb_flush_wal(open.db, 1, error) }
                if let message { throw RocksDBError(operation: "sync the WAL of", path: path, message: message) }
            }
            synced.withLock { $0 = max($0, covered) }
            walSyncs.add(1, ordering: .relaxed)
        }
    }

    /// WAL syncs performed since the database opened (including the one at open).
    public var walSyncCount: UInt64 {
        walSyncs.load(ordering: .relaxed)
    }

    public var lastSequence: UInt64 {
        let current = try? withOpenHandles { open in rocksdb_get_latest_sequence_number(open.db) }
        return current ?? sequenceAtClose.load(ordering: .acquiring)
    }

    public var syncedSequence: UInt64 {
        synced.withLock { $0 }
    }

    /// Whether a write or WAL sync has failed (see `writeFailure`): the engine then only reads.
    public var hasFailedWrites: Bool {
        writeFailure.withLock { $0 != nil }
    }

    /// Runs a write or WAL sync unless one already failed; records the first RocksDB error.
    private func failingForGood<Result>(_ body: () throws -> Result) throws -> Result {
        if let failure = writeFailure.withLock({ $0 }) { throw failure }
        do {
            return try body()
        } catch let error as RocksDBError {
            writeFailure.withLock { if $0 == nil { $0 = error } }
            throw error
        }
    }

    func withOpenHandles<Result>(_ body: (RocksDBHandles) throws -> Result) throws -> Result {
        try lock.withSharedLock {
            guard let open = handles else { throw EngineError.closed }
            return try body(open)
        }
    }
}
