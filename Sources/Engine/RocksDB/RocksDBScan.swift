// One bounded scan of a column family with a RocksDB iterator.
import CRocksDB

/// The iterator reads one implicit snapshot, so a scan sees one point in time. The bounds
/// are given to RocksDB as iterate bounds (it stops there without visiting keys beyond), and
/// read options keep only a pointer to them, so this keeps its own copies alive until the
/// iterator is gone.
struct RocksDBScan {
    let handles: RocksDBHandles
    let family: ColumnFamily
    let start: [UInt8]
    let end: [UInt8]?
    /// The snapshot to read at; nil: RocksDB's implicit snapshot of the present.
    var snapshot: OpaquePointer? = nil

    /// Up to `limit` entries ascending from `start`, or descending from the last key below
    /// `end` (the family's last key when `end` is nil) when `reverse`.
    func run(limit: Int, reverse: Bool) throws -> [KeyValue] {
        try CBytes.with(start) { lower, lowerCount in
            try withOptionalBytes(end) { upper, upperCount in
                let options: OpaquePointer = rocksdb_readoptions_create()
                defer { rocksdb_readoptions_destroy(options) }
                rocksdb_readoptions_set_iterate_lower_bound(options, lower, lowerCount)
                if let upper { rocksdb_readoptions_set_iterate_upper_bound(options, upper, upperCount) }
                if let snapshot { rocksdb_readoptions_set_snapshot(options, snapshot) }
                let iterator: OpaquePointer = rocksdb_create_iterator_cf(handles.db, options, handles.family(family))
                defer { rocksdb_iter_destroy(iterator) }
                return try collect(iterator, limit: limit, reverse: reverse, lower: lower, lowerCount: lowerCount)
            }
        }
    }

    private func collect(_ iterator: OpaquePointer, limit: Int, reverse: Bool,
                         lower: UnsafePointer<CChar>, lowerCount: Int) throws -> [KeyValue] {
        if reverse {
            rocksdb_iter_seek_to_last(iterator)
        } else {
            rocksdb_iter_seek(iterator, lower, lowerCount)
        }
        var entries: [KeyValue] = []
        while entries.count < limit, rocksdb_iter_valid(iterator) != 0 {
            var keyCount = 0
            var valueCount = 0
            let key = CBytes.copy(rocksdb_iter_key(iterator, &keyCount), count: keyCount)
            let value = CBytes.copy(rocksdb_iter_value(iterator, &valueCount), count: valueCount)
            entries.append(KeyValue(key: key, value: value))
            if reverse { rocksdb_iter_prev(iterator) } else { rocksdb_iter_next(iterator) }
        }
        let message = CBytes.capturingError { error in rocksdb_iter_get_error(iterator, error) }
        if let message { throw RocksDBError(operation: "scan", path: handles.path, message: message) }
        return entries
    }

    private func withOptionalBytes<Result>(
        _ bytes: [UInt8]?, _ body: (UnsafePointer<CChar>?, Int) throws -> Result
    ) throws -> Result {
        guard let bytes else { return try body(nil, 0) }
        return try CBytes.with(bytes) { try body($0, $1) }
    }
}
