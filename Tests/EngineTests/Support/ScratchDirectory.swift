// A fresh directory under the system temp dir for one test's database, removed afterwards.
import Foundation

/// Each RocksDB test opens its own database here, so tests run in parallel without sharing
/// files. `remove()` deletes it; tests call it in a `defer`.
struct ScratchDirectory {
    let path: String

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }.prefix(40)
        path = NSTemporaryDirectory() + "cairn-engine-\(safe)-\(UUID().uuidString.prefix(8))"
    }

    /// The database directory inside it, as a node's `<data-dir>/db`.
    var database: String { path + "/db" }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
