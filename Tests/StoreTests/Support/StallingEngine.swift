// An in-memory engine that stalls writes on demand, as RocksDB does when compaction falls
// behind: `noSlowdown` writes are refused, others block their thread until the stall ends.
import Engine
import Foundation
import Synchronization

final class StallingEngine: StorageEngine {
    let inner = InMemoryEngine()
    private let stall = NSCondition()
    private nonisolated(unsafe) var stalled = false
    /// Writes that waited out a stall (on whichever thread called them).
    let blockedWrites = Atomic<Int>(0)

    func beginStall() {
        stall.lock()
        stalled = true
        stall.unlock()
    }

    func endStall() {
        stall.lock()
        stalled = false
        stall.broadcast()
        stall.unlock()
    }

    func write(_ batch: WriteBatch, options: WriteOptions) throws -> UInt64 {
        stall.lock()
        if stalled {
            if options.noSlowdown {
                stall.unlock()
                throw EngineError.writeStalled
            }
            blockedWrites.add(1, ordering: .relaxed)
            while stalled { stall.wait() }
        }
        stall.unlock()
        return try inner.write(batch, options: options)
    }

    func get(_ family: ColumnFamily, key: [UInt8]) throws -> [UInt8]? { try inner.get(family, key: key) }
    func multiGet(_ family: ColumnFamily, keys: [[UInt8]]) throws -> [[UInt8]?] { try inner.multiGet(family, keys: keys) }
    func scan(_ family: ColumnFamily, from start: [UInt8], to end: [UInt8]?, limit: Int, reverse: Bool) throws -> [KeyValue] {
        try inner.scan(family, from: start, to: end, limit: limit, reverse: reverse)
    }
    func snapshot() throws -> any StorageSnapshot { try inner.snapshot() }
    func flush() throws { try inner.flush() }
    func syncWAL() throws { try inner.syncWAL() }
    var lastSequence: UInt64 { inner.lastSequence }
    var syncedSequence: UInt64 { inner.syncedSequence }
}
