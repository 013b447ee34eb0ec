// Point reads and multi-gets against RocksDB, with the engine's read options or a snapshot's.
import CRocksDB

/// `readOptions` carries the snapshot, if any: the engine's own options read the latest data,
/// a snapshot's read the data as of the snapshot.
struct RocksDBReads {
    let handles: RocksDBHandles
    let readOptions: OpaquePointer
    /// Given to scans, whose iterators need their own read options (they carry the bounds).
    let snapshot: OpaquePointer?

    func get(_ family: ColumnFamily, key: [UInt8]) throws -> [UInt8]? {
        var found: OpaquePointer?
        let message = CBytes.with(key) { keyBytes, keyCount in
            CBytes.capturingError { error in
                found = rocksdb_get_pinned_cf(handles.db, readOptions, handles.family(family), keyBytes, keyCount, error)
            }
        }
        if let message { throw RocksDBError(operation: "read from", path: handles.path, message: message) }
        guard let found else { return nil }
        defer { rocksdb_pinnableslice_destroy(found) }
        var count = 0
        let value = rocksdb_pinnableslice_value(found, &count)
        return CBytes.copy(value, count: count)
    }

    /// One `rocksdb_multi_get_cf` call: RocksDB reads every key at one sequence (it takes an
    /// implicit snapshot when `readOptions` carries none). Each value and error it returns is
    /// malloc'ed and freed here.
    func multiGet(_ family: ColumnFamily, keys: [[UInt8]]) throws -> [[UInt8]?] {
        guard !keys.isEmpty else { return [] }
        let count = keys.count
        // Copies of the keys that live for the call (an empty key still gets a valid pointer).
        let keyCopies: [UnsafeMutablePointer<CChar>] = keys.map { key in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: max(key.count, 1))
            for (index, byte) in key.enumerated() { copy[index] = CChar(bitPattern: byte) }
            return copy
        }
        defer { for copy in keyCopies { copy.deallocate() } }
        let keyPointers: [UnsafePointer<CChar>?] = keyCopies.map { UnsafePointer($0) }
        let keySizes = keys.map(\.count)
        let familyHandles = [OpaquePointer?](repeating: handles.family(family), count: count)
        var values = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
        var valueSizes = [Int](repeating: 0, count: count)
        var errors = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
        rocksdb_multi_get_cf(handles.db, readOptions, familyHandles, count, keyPointers, keySizes,
                             &values, &valueSizes, &errors)
        defer {
            for value in values { if let value { rocksdb_free(value) } }
            for error in errors { if let error { rocksdb_free(error) } }
        }
        if let error = errors.compactMap({ $0 }).first {
            throw RocksDBError(operation: "read from", path: handles.path, message: String(cString: error))
        }
        return (0..<count).map { index in
            values[index].map { CBytes.copy(UnsafePointer($0), count: valueSizes[index]) }
        }
    }

    func scan(
        _ family: ColumnFamily, from start: [UInt8], to end: [UInt8]?, limit: Int, reverse: Bool
    ) throws -> [KeyValue] {
        guard limit > 0 else { return [] }
        if let end, !ByteOrder.precedes(start, end) { return [] }
        return try RocksDBScan(handles: handles, family: family, start: start, end: end, snapshot: snapshot)
            .run(limit: limit, reverse: reverse)
    }
}
