// The RocksDB objects one open database owns, and opening and freeing them.
import CRocksDB
import Foundation
import Runtime

/// Every pointer here is freed exactly once, by `close()`; `RocksDBEngine` makes sure no call
/// uses them afterwards. `rocksdb_t`, column family handles, read and write options and the
/// cache are safe to use from many threads at once (RocksDB's documented thread safety for
/// `DB`, and options objects that are only read after open).
final class RocksDBHandles: @unchecked Sendable {
    let path: String
    let db: OpaquePointer
    /// Indexed by `ColumnFamily.rawValue`.
    let families: [OpaquePointer]
    let defaultFamily: OpaquePointer
    let blockCache: OpaquePointer
    let readOptions: OpaquePointer
    let writeOptions: OpaquePointer
    let noSlowdownWriteOptions: OpaquePointer
    /// Tests only: the filter behind `RocksDBSettings.compactionGate`; it must outlive `db`.
    let compactionFilter: OpaquePointer?
    /// The block compression in use: the configured one, or none when this RocksDB build
    /// lacks it.
    let compression: StorageCompression

    private init(path: String, db: OpaquePointer, families: [OpaquePointer], defaultFamily: OpaquePointer,
                 blockCache: OpaquePointer, compactionFilter: OpaquePointer?, compression: StorageCompression) {
        self.compactionFilter = compactionFilter
        self.path = path
        self.db = db
        self.families = families
        self.defaultFamily = defaultFamily
        self.blockCache = blockCache
        self.compression = compression
        readOptions = rocksdb_readoptions_create()
        writeOptions = Self.makeWriteOptions(noSlowdown: false)
        noSlowdownWriteOptions = Self.makeWriteOptions(noSlowdown: true)
    }

    /// The WAL is on and a write never syncs: `syncWAL` syncs for many writes at once.
    private static func makeWriteOptions(noSlowdown: Bool) -> OpaquePointer {
        let options: OpaquePointer = rocksdb_writeoptions_create()
        rocksdb_writeoptions_disable_WAL(options, 0)
        rocksdb_writeoptions_set_sync(options, 0)
        rocksdb_writeoptions_set_no_slowdown(options, noSlowdown ? 1 : 0)
        return options
    }

    /// Reads of the latest data.
    var reads: RocksDBReads {
        RocksDBReads(handles: self, readOptions: readOptions, snapshot: nil)
    }

    func family(_ family: ColumnFamily) -> OpaquePointer {
        families[family.rawValue]
    }

    /// Opens (creating if missing) the database at `path` with every column family. When the
    /// configured compression is not compiled into this RocksDB, opens without compression.
    static func open(path: String, settings: RocksDBSettings) throws(RocksDBError) -> RocksDBHandles {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw RocksDBError(operation: "open", path: path, message: "cannot create the directory: \(error.localizedDescription)")
        }
        do {
            return try open(path: path, settings: settings, compression: settings.compression)
        } catch let error where settings.compression != .uncompressed && isMissingCompression(error) {
            return try open(path: path, settings: settings, compression: .uncompressed)
        }
    }

    /// RocksDB's refusal of a compression type its build does not link.
    private static func isMissingCompression(_ error: RocksDBError) -> Bool {
        error.message.contains("is not linked with the binary")
    }

    private static func open(path: String, settings: RocksDBSettings,
                             compression: StorageCompression) throws(RocksDBError) -> RocksDBHandles {
        let cache: OpaquePointer = rocksdb_cache_create_lru(settings.blockCacheBytes)
        let filter = settings.compactionGate.map(makeGateFilter)
        let options = makeOptions(settings, cache: cache, filter: filter, compression: compression)
        defer { rocksdb_options_destroy(options) }

        let names = ["default"] + ColumnFamily.allCases.map(\.name)
        var handles = [OpaquePointer?](repeating: nil, count: names.count)
        var db: OpaquePointer?
        let message = withCStrings(names) { cNames in
            let familyOptions = [OpaquePointer?](repeating: options, count: names.count)
            return CBytes.capturingError { error in
                db = rocksdb_open_column_families(options, path, Int32(names.count), cNames, familyOptions,
                                                  &handles, error)
            }
        }
        if let message {
            rocksdb_cache_destroy(cache)
            if let filter { rocksdb_compactionfilter_destroy(filter) }
            throw RocksDBError(operation: "open", path: path, message: message)
        }
        let opened = handles.compactMap { $0 }
        guard let db, opened.count == names.count else {
            rocksdb_cache_destroy(cache)
            if let filter { rocksdb_compactionfilter_destroy(filter) }
            throw RocksDBError(operation: "open", path: path, message: "RocksDB returned no database handle")
        }
        return RocksDBHandles(path: path, db: db, families: Array(opened.dropFirst()), defaultFamily: opened[0],
                              blockCache: cache, compactionFilter: filter, compression: compression)
    }

    /// Options for the database and every column family: the table options share `cache`.
    private static func makeOptions(_ settings: RocksDBSettings, cache: OpaquePointer, filter: OpaquePointer?,
                                    compression: StorageCompression) -> OpaquePointer {
        let options: OpaquePointer = rocksdb_options_create()
        rocksdb_options_set_create_if_missing(options, 1)
        rocksdb_options_set_create_missing_column_families(options, 1)
        rocksdb_options_set_max_background_jobs(options, settings.maxBackgroundJobs)
        rocksdb_options_set_write_buffer_size(options, settings.writeBufferBytes)
        rocksdb_options_set_compression(options, compressionCode(compression))
        if let stop = settings.level0StopWritesTrigger {
            rocksdb_options_set_level0_file_num_compaction_trigger(options, 1)
            rocksdb_options_set_level0_slowdown_writes_trigger(options, stop)
            rocksdb_options_set_level0_stop_writes_trigger(options, stop)
        }
        if let filter { rocksdb_options_set_compaction_filter(options, filter) }
        if let directory = settings.infoLogDirectory { rocksdb_options_set_db_log_dir(options, directory) }
        // Debian's RocksDB 7.8 keeps its assertions and aborts the whole process when it writes
        // its info LOG again after an append to it failed (a full disk; fixed upstream in
        // facebook/rocksdb#12448). Only the header at open goes to the LOG, so a full disk fails
        // the write that met it, not the node; stalls, compaction and errors are in the metrics
        // and the node's own log.
        rocksdb_options_set_info_log_level(options, settings.infoLogLevel)

        let table: OpaquePointer = rocksdb_block_based_options_create()
        rocksdb_block_based_options_set_block_cache(table, cache)
        // The table options take ownership of the filter policy.
        rocksdb_block_based_options_set_filter_policy(table, rocksdb_filterpolicy_create_bloom(settings.bloomBitsPerKey))
        rocksdb_options_set_block_based_table_factory(options, table)
        rocksdb_block_based_options_destroy(table)
        return options
    }

    private static func compressionCode(_ compression: StorageCompression) -> Int32 {
        switch compression {
        case .uncompressed: Int32(rocksdb_no_compression)
        case .snappy: Int32(rocksdb_snappy_compression)
        case .lz4: Int32(rocksdb_lz4_compression)
        case .zstd: Int32(rocksdb_zstd_compression)
        }
    }

    /// Frees everything; the caller guarantees nothing uses the handles any more.
    func close() {
        for family in families { rocksdb_column_family_handle_destroy(family) }
        rocksdb_column_family_handle_destroy(defaultFamily)
        rocksdb_close(db)
        rocksdb_readoptions_destroy(readOptions)
        rocksdb_writeoptions_destroy(writeOptions)
        rocksdb_writeoptions_destroy(noSlowdownWriteOptions)
        rocksdb_cache_destroy(blockCache)
        if let compactionFilter { rocksdb_compactionfilter_destroy(compactionFilter) }
    }

    /// A compaction filter that keeps every entry and waits at `gate` once per key (cheap
    /// after it opens). The filter holds a retained reference to the gate, released by its
    /// destructor.
    private static func makeGateFilter(_ gate: CompactionGate) -> OpaquePointer {
        let state = Unmanaged.passRetained(gate).toOpaque()
        return rocksdb_compactionfilter_create(state, releaseGate, gateFilter, gateFilterName)
    }
}

private func releaseGate(_ state: UnsafeMutableRawPointer?) {
    guard let state else { return }
    Unmanaged<CompactionGate>.fromOpaque(state).release()
}

private func gateFilter(
    _ state: UnsafeMutableRawPointer?, _ level: Int32, _ key: UnsafePointer<CChar>?, _ keyLength: Int,
    _ value: UnsafePointer<CChar>?, _ valueLength: Int, _ newValue: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ newValueLength: UnsafeMutablePointer<Int>?, _ valueChanged: UnsafeMutablePointer<UInt8>?
) -> UInt8 {
    if let state { Unmanaged<CompactionGate>.fromOpaque(state).takeUnretainedValue().pass() }
    return 0
}

/// Never freed: RocksDB may ask for the name at any time while a filter lives.
nonisolated(unsafe) private let gateFilterNameBytes: UnsafeMutablePointer<CChar> = strdup("cairn-test-compaction-gate")

private func gateFilterName(_ state: UnsafeMutableRawPointer?) -> UnsafePointer<CChar>? {
    UnsafePointer(gateFilterNameBytes)
}

/// `strings` as C strings that live for the call.
private func withCStrings<Result>(
    _ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> Result
) -> Result {
    let copies = strings.map { strdup($0) }
    defer { for copy in copies { free(copy) } }
    return body(copies.map { UnsafePointer($0) })
}
