// An ordered list of writes that an engine applies atomically.

/// Operations apply in the order they were added, so a later operation on the same key wins:
/// put-then-delete leaves nothing, deleteRange-then-put leaves the put (as in RocksDB, where
/// each later operation gets a higher sequence number). A value type: the apply path builds
/// one per entry (data and applied index together, DESIGN §6) and hands it to the engine,
/// which does not keep it.
public struct WriteBatch: Sendable, Equatable {
    public enum Operation: Sendable, Equatable {
        case put(ColumnFamily, key: [UInt8], value: [UInt8])
        case delete(ColumnFamily, key: [UInt8])
        /// Removes every key `k` with `start <= k < end`.
        case deleteRange(ColumnFamily, start: [UInt8], end: [UInt8])
    }

    public private(set) var operations: [Operation] = []

    /// Bytes of keys, values and range bounds added so far: what a caller needs to cap a
    /// batch's size. Not RocksDB's `data_size` (which adds record headers); saturates rather
    /// than trapping.
    public private(set) var byteCount = 0

    public init() {}

    public var count: Int { operations.count }
    public var isEmpty: Bool { operations.isEmpty }

    public mutating func put(_ family: ColumnFamily, key: [UInt8], value: [UInt8]) {
        operations.append(.put(family, key: key, value: value))
        addBytes(key.count, value.count)
    }

    /// Deleting a key that does not exist is allowed and does nothing.
    public mutating func delete(_ family: ColumnFamily, key: [UInt8]) {
        operations.append(.delete(family, key: key))
        addBytes(key.count, 0)
    }

    /// Removes `[start, end)`. An empty or inverted range (`start >= end`) is not recorded at
    /// all: ranges are often computed from input, and RocksDB rejects or mishandles inverted
    /// range tombstones, so no engine ever sees one.
    public mutating func deleteRange(_ family: ColumnFamily, from start: [UInt8], to end: [UInt8]) {
        guard ByteOrder.precedes(start, end) else { return }
        operations.append(.deleteRange(family, start: start, end: end))
        addBytes(start.count, end.count)
    }

    private mutating func addBytes(_ first: Int, _ second: Int) {
        let (pair, pairOverflow) = first.addingReportingOverflow(second)
        let (total, totalOverflow) = byteCount.addingReportingOverflow(pair)
        byteCount = pairOverflow || totalOverflow ? .max : total
    }
}
