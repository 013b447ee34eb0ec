// A StorageEngine held in memory, for tests and simulations.

import Synchronization

/// One mutex guards everything, so a batch applies atomically and a scan reads one point in
/// time; readers and writers serialise, which is cheap at the sizes this engine serves and
/// keeps the contract plain. Each family is a `SortedByteMap`.
///
/// Sequence numbers count operations as RocksDB's do (a batch of n operations advances
/// `lastSequence` by n). There is no log to sync, but `syncWAL` still is the only thing that
/// advances `syncedSequence`, so code that waits for durability behaves as it will on RocksDB:
/// a write counts as durable only after a sync that started after it.
public final class InMemoryEngine: StorageEngine {
    private struct State {
        var families: [SortedByteMap]
        var lastSequence: UInt64 = 0
        var syncedSequence: UInt64 = 0
    }

    private let state: Mutex<State>

    public convenience init() {
        self.init(leafCapacity: 512)
    }

    /// Tests pass a small `leafCapacity` so a few keys already span many leaves.
    init(leafCapacity: Int) {
        let families = ColumnFamily.allCases.map { _ in SortedByteMap(leafCapacity: leafCapacity) }
        state = Mutex(State(families: families))
    }

    public func get(_ family: ColumnFamily, key: [UInt8]) throws -> [UInt8]? {
        state.withLock { $0.families[family.rawValue].value(for: key) }
    }

    public func multiGet(_ family: ColumnFamily, keys: [[UInt8]]) throws -> [[UInt8]?] {
        state.withLock { state in keys.map { state.families[family.rawValue].value(for: $0) } }
    }

    public func scan(
        _ family: ColumnFamily, from start: [UInt8], to end: [UInt8]?, limit: Int, reverse: Bool
    ) throws -> [KeyValue] {
        state.withLock { state in
            state.families[family.rawValue].entries(from: start, to: end, limit: limit, reverse: reverse)
        }
    }

    /// A copy of every family, taken under the lock: the maps are values whose leaves are
    /// shared until a later write changes them, so taking one costs O(families × leaves).
    public func snapshot() throws -> any StorageSnapshot {
        let (families, sequence) = state.withLock { ($0.families, $0.lastSequence) }
        return InMemorySnapshot(families: families, sequence: sequence)
    }

    /// There is no memtable to flush.
    public func flush() throws {}

    /// Never stalls, so `options.noSlowdown` changes nothing here.
    @discardableResult
    public func write(_ batch: WriteBatch, options: WriteOptions) throws -> UInt64 {
        try state.withLock { state in
            // Checked before any operation applies, so a refused batch leaves no trace.
            let (sequence, overflow) = state.lastSequence.addingReportingOverflow(UInt64(batch.count))
            guard !overflow else { throw EngineError.sequenceExhausted }
            for operation in batch.operations {
                switch operation {
                case .put(let family, let key, let value):
                    state.families[family.rawValue].set(value, for: key)
                case .delete(let family, let key):
                    state.families[family.rawValue].remove(key)
                case .deleteRange(let family, let start, let end):
                    state.families[family.rawValue].removeRange(from: start, to: end)
                }
            }
            state.lastSequence = sequence
            return sequence
        }
    }

    public func syncWAL() throws {
        state.withLock { $0.syncedSequence = $0.lastSequence }
    }

    public var lastSequence: UInt64 {
        state.withLock { $0.lastSequence }
    }

    public var syncedSequence: UInt64 {
        state.withLock { $0.syncedSequence }
    }

    /// A description of the first broken structural invariant, or nil: for tests.
    func invariantViolation() -> String? {
        state.withLock { state in
            for family in ColumnFamily.allCases {
                if let violation = state.families[family.rawValue].invariantViolation() {
                    return "\(family): \(violation)"
                }
            }
            guard state.syncedSequence <= state.lastSequence else {
                return "syncedSequence \(state.syncedSequence) exceeds lastSequence \(state.lastSequence)"
            }
            return nil
        }
    }
}

/// A frozen copy of an `InMemoryEngine`'s families.
final class InMemorySnapshot: StorageSnapshot {
    let sequence: UInt64
    /// Nil once closed.
    private let families: Mutex<[SortedByteMap]?>

    init(families: [SortedByteMap], sequence: UInt64) {
        self.families = Mutex(families)
        self.sequence = sequence
    }

    func close() {
        families.withLock { $0 = nil }
    }

    func get(_ family: ColumnFamily, key: [UInt8]) throws -> [UInt8]? {
        try withFamilies { $0[family.rawValue].value(for: key) }
    }

    func multiGet(_ family: ColumnFamily, keys: [[UInt8]]) throws -> [[UInt8]?] {
        try withFamilies { families in keys.map { families[family.rawValue].value(for: $0) } }
    }

    func scan(
        _ family: ColumnFamily, from start: [UInt8], to end: [UInt8]?, limit: Int, reverse: Bool
    ) throws -> [KeyValue] {
        try withFamilies { $0[family.rawValue].entries(from: start, to: end, limit: limit, reverse: reverse) }
    }

    private func withFamilies<Result>(_ body: ([SortedByteMap]) -> Result) throws -> Result {
        try families.withLock { families in
            guard let families else { throw EngineError.closed }
            return body(families)
        }
    }
}
