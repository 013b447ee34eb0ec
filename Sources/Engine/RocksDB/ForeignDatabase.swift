// Tests only: turning a database into one Cairn did not make, to check it is refused.
import CRocksDB
import Glibc

enum ForeignDatabase {
    /// Opens the (closed) database at `path` with its column families plus `name`, creating
    /// that family, and closes it again.
    static func addColumnFamily(named name: String, to path: String) throws {
        let options: OpaquePointer = rocksdb_options_create()
        defer { rocksdb_options_destroy(options) }
        rocksdb_options_set_create_missing_column_families(options, 1)

        var count = 0
        var listed: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        if let message = CBytes.capturingError({ error in
            listed = rocksdb_list_column_families(options, path, &count, error)
        }) {
            throw RocksDBError(operation: "list the column families of", path: path, message: message)
        }
        var names: [String] = []
        if let listed {
            names = (0..<count).compactMap { listed[$0].map { String(cString: $0) } }
            rocksdb_list_column_families_destroy(listed, count)
        }
        names.append(name)

        let copies = names.map { strdup($0) }
        defer { for copy in copies { free(copy) } }
        let cNames: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
        let familyOptions = [OpaquePointer?](repeating: options, count: names.count)
        var handles = [OpaquePointer?](repeating: nil, count: names.count)
        var db: OpaquePointer?
        if let message = CBytes.capturingError({ error in
            db = rocksdb_open_column_families(options, path, Int32(names.count), cNames, familyOptions, &handles, error)
        }) {
            throw RocksDBError(operation: "open", path: path, message: message)
        }
        for handle in handles { if let handle { rocksdb_column_family_handle_destroy(handle) } }
        if let db { rocksdb_close(db) }
    }
}
