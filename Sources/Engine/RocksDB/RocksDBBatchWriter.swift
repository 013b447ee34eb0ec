// Writing one WriteBatch to RocksDB and learning the sequence numbers it got.
import CRocksDB

/// RocksDB numbers a batch's operations consecutively and, while writing, stores the first
/// number in the batch's 12-byte header (8 bytes little-endian sequence, 4 bytes count),
/// which `rocksdb_writebatch_data` exposes. Reading it back gives this batch's own numbers
/// even when concurrent writers were committed in the same group; asking for the database's
/// latest sequence afterwards could include theirs.
struct RocksDBBatchWriter {
    let handles: RocksDBHandles

    /// Writes `batch` (non-empty) without syncing and returns its highest sequence number.
    func write(_ batch: WriteBatch, noSlowdown: Bool) throws -> UInt64 {
        let native: OpaquePointer = rocksdb_writebatch_create()
        defer { rocksdb_writebatch_destroy(native) }
        for operation in batch.operations { add(operation, to: native) }

        let options = noSlowdown ? handles.noSlowdownWriteOptions : handles.writeOptions
        let message = CBytes.capturingError { error in rocksdb_write(handles.db, options, native, error) }
        if let message {
            if Self.isWriteStall(message) { throw EngineError.writeStalled }
            throw RocksDBError(operation: "write to", path: handles.path, message: message)
        }
        return try highestSequence(of: native)
    }

    /// RocksDB's `Status::Incomplete`, which a `no_slowdown` write gets during a write stall;
    /// the C API passes only the status text on.
    static func isWriteStall(_ message: String) -> Bool {
        message.hasPrefix("Result incomplete")
    }

    private func add(_ operation: WriteBatch.Operation, to native: OpaquePointer) {
        switch operation {
        case .put(let family, let key, let value):
            CBytes.with(key) { keyBytes, keyCount in
                CBytes.with(value) { valueBytes, valueCount in
                    rocksdb_writebatch_put_cf(native, handles.family(family), keyBytes, keyCount, valueBytes, valueCount)
                }
            }
        case .delete(let family, let key):
            CBytes.with(key) { keyBytes, keyCount in
                rocksdb_writebatch_delete_cf(native, handles.family(family), keyBytes, keyCount)
            }
        case .deleteRange(let family, let start, let end):
            CBytes.with(start) { startBytes, startCount in
                CBytes.with(end) { endBytes, endCount in
                    rocksdb_writebatch_delete_range_cf(native, handles.family(family), startBytes, startCount,
                                                       endBytes, endCount)
                }
            }
        }
    }

    private func highestSequence(of native: OpaquePointer) throws -> UInt64 {
        var size = 0
        let header = rocksdb_writebatch_data(native, &size)
        let count = rocksdb_writebatch_count(native)
        guard let header, size >= 12, count > 0 else {
            throw RocksDBError(operation: "write to", path: handles.path,
                               message: "the written batch carries no sequence number")
        }
        var first: UInt64 = 0
        for index in (0..<8).reversed() {
            first = first << 8 | UInt64(UInt8(bitPattern: header[index]))
        }
        // Numbering starts at 1, so 0 means RocksDB did not record it: refuse to guess.
        guard first > 0 else {
            throw RocksDBError(operation: "write to", path: handles.path,
                               message: "the written batch's header holds no sequence number")
        }
        return first + UInt64(count) - 1
    }
}
