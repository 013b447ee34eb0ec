// Test shorthands over the public StorageEngine API (so the conformance suite uses no internals).

import Engine

extension StorageEngine {
    /// Puts `entries` into `family` in one batch.
    @discardableResult
    func put(_ family: ColumnFamily, _ entries: [KeyValue]) throws -> UInt64 {
        var batch = WriteBatch()
        for entry in entries { batch.put(family, key: entry.key, value: entry.value) }
        return try write(batch)
    }

    /// Every entry of `family`, ascending.
    func all(_ family: ColumnFamily) throws -> [KeyValue] {
        try scan(family, from: [], to: nil, limit: .max, reverse: false)
    }

    /// Keys of a scan, as text, for compact expectations.
    func keys(
        _ family: ColumnFamily, from start: String, to end: String?, limit: Int = .max, reverse: Bool = false
    ) throws -> [String] {
        try scan(family, from: bytes(start), to: end.map(bytes), limit: limit, reverse: reverse)
            .map { String(decoding: $0.key, as: UTF8.self) }
    }
}
