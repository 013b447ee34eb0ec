// The obviously correct engine that model-based tests compare real engines against.

import Engine

/// A dictionary per family, sorted on every read with the standard library's ordering of
/// byte sequences, so it shares no code with the engines it judges. No atomicity or threads:
/// the model test drives it from one thread.
struct ReferenceModel {
    private var families: [ColumnFamily: [[UInt8]: [UInt8]]] = [:]

    mutating func apply(_ batch: WriteBatch) {
        for operation in batch.operations {
            switch operation {
            case .put(let family, let key, let value):
                families[family, default: [:]][key] = value
            case .delete(let family, let key):
                families[family]?[key] = nil
            case .deleteRange(let family, let start, let end):
                // Keeps what lies outside [start, end).
                families[family] = families[family]?.filter { key, _ in
                    key.lexicographicallyPrecedes(start) || !key.lexicographicallyPrecedes(end)
                }
            }
        }
    }

    func get(_ family: ColumnFamily, key: [UInt8]) -> [UInt8]? {
        families[family]?[key]
    }

    func scan(_ family: ColumnFamily, from start: [UInt8], to end: [UInt8]?, limit: Int, reverse: Bool) -> [KeyValue] {
        guard limit > 0 else { return [] }
        let inRange = (families[family] ?? [:])
            .filter { key, _ in
                !key.lexicographicallyPrecedes(start) && (end.map { key.lexicographicallyPrecedes($0) } ?? true)
            }
            .map { KeyValue(key: $0.key, value: $0.value) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        return Array((reverse ? inRange.reversed() : inRange).prefix(limit))
    }
}
