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
        do { try syncWAL() } catch EngineError.closed { return } catch { syncFailure = error }
        lock.withExclusiveLock {
            guard let open = handles else { return }
            sequenceAtClose.store(rocksdb_get_latest_sequence_number(open.db), ordering: .releasing)
            open.close()
            handles = nil
        }
        if let syncFailure { throw syncFailure }
    }

    public func get(_ family: ColumnFamily, key: [UInt8]) throws -> [UInt8]? {
        try withOpenHandles { open in
            var found: OpaquePointer?
            let message = CBytes.with(key) { keyBytes, keyCount in
                CBytes.capturingError { error in
                    found = rocksdb_get_pinned_cf(open.db, open.readOptions, open.family(family), keyBytes, keyCount, error)
                }
            }
            if let message { throw RocksDBError(operation: "read from", path: path, message: message) }
            guard let found else { return nil }
            defer { rocksdb_pinnableslice_destroy(found) }
            var count = 0
            let value = rocksdb_pinnableslice_value(found, &count)
            return CBytes.copy(value, count: count)
        }
    }

    public func scan(
        _ family: ColumnFamily, from start: [UInt8], to end: [UInt8]?, limit: Int, reverse: Bool
    ) throws -> [KeyValue] {
        guard limit > 0 else { return [] }
        if let end, !ByteOrder.precedes(start, end) { return [] }
        return try withOpenHandles { open in
            try RocksDBScan(handles: open, family: family, start: start, end: end).run(limit: limit, reverse: reverse)
        }
    }

    @discardableResult
    public func write(_ batch: WriteBatch, options: WriteOptions) throws -> UInt64 {
        guard !batch.isEmpty else { return lastSequence }
        return try withOpenHandles { open in
            try RocksDBBatchWriter(handles: open).write(batch, noSlowdown: options.noSlowdown)
        }
    }

    /// Reads the latest sequence before the sync: every write that returned by then has its
    /// WAL record in the log file, so the fdatasync covers at least that sequence.
    public func syncWAL() throws {
        try withOpenHandles { open in
            let covered = rocksdb_get_latest_sequence_number(open.db)
            let message = CBytes.capturingError { error in rocksdb_flush_wal(open.db, 1, error) }
            if let message { throw RocksDBError(operation: "sync the WAL of", path: path, message: message) }
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

    func withOpenHandles<Result>(_ body: (RocksDBHandles) throws -> Result) throws -> Result {
        try lock.withSharedLock {
            guard let open = handles else { throw EngineError.closed }
            return try body(open)
        }
    }
}
