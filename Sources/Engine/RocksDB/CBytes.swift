// Passing Swift byte arrays to RocksDB's C API as (pointer, length) pairs.
import CRocksDB

/// RocksDB copies or compares the bytes during the call; it never keeps the pointer (except
/// read options' iterate bounds, which `RocksDBScan` keeps alive for the iterator's life).
/// An empty array may have no storage, so it is passed as a valid pointer with length 0.
enum CBytes {
    private static let emptyByte: CChar = 0

    static func with<Result>(
        _ bytes: [UInt8], _ body: (UnsafePointer<CChar>, Int) throws -> Result
    ) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return try withUnsafePointer(to: emptyByte) { try body($0, 0) }
            }
            return try base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { try body($0, buffer.count) }
        }
    }

    /// A copy of `count` bytes at `pointer` (nil or zero count: empty).
    static func copy(_ pointer: UnsafePointer<CChar>?, count: Int) -> [UInt8] {
        guard let pointer, count > 0 else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: UnsafeRawPointer(pointer), count: count))
    }

    /// Calls `body` with an error slot in RocksDB's style (`char** errptr`) and returns the
    /// message RocksDB left there, freeing it, or nil when the call succeeded.
    static func capturingError(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Void) -> String? {
        var error: UnsafeMutablePointer<CChar>? = nil
        body(&error)
        guard let error else { return nil }
        defer { rocksdb_free(error) }
        return String(cString: error)
    }
}
