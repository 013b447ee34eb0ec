// Conformance checks for sequence numbers and WAL sync, the bookkeeping durability rests on.

import Engine
import Testing

extension EngineContract {
    static func checkSequenceGrowth(_ engine: some StorageEngine) throws {
        // Relative checks only: a reopened engine starts wherever its log left off, and an
        // engine may spend more than one number on a batch.
        let start = engine.lastSequence
        let first = try engine.put(.meta, [entry("a", "1")])
        #expect(first > start)
        #expect(engine.lastSequence == first)

        let second = try engine.put(.raft, [entry("a", "1"), entry("b", "2"), entry("c", "3")])
        #expect(second > first)
        #expect(engine.lastSequence == second)

        var deletion = WriteBatch()
        deletion.delete(.raft, key: bytes("never-written"))
        let third = try engine.write(deletion)
        #expect(third > second)

        // An empty batch writes nothing and uses no sequence number.
        let empty = try engine.write(WriteBatch())
        #expect(empty == third)
        #expect(engine.lastSequence == third)
        #expect(engine.syncedSequence <= engine.lastSequence)
    }

    static func checkSyncWAL(_ engine: some StorageEngine) throws {
        let before = engine.syncedSequence
        let first = try engine.put(.meta, [entry("a", "1")])
        // Not synced yet: an engine must not report durability it did not provide.
        #expect(engine.syncedSequence < first)
        #expect(engine.syncedSequence == before)

        try engine.syncWAL()
        #expect(engine.syncedSequence >= first)
        #expect(engine.syncedSequence == engine.lastSequence)

        let second = try engine.put(.sub, [entry("b", "1")])
        let third = try engine.put(.score, [entry("c", "1")])
        #expect(engine.syncedSequence < second)
        try engine.syncWAL()
        #expect(engine.syncedSequence >= third)

        // Syncing with nothing new changes nothing and does not fail.
        let synced = engine.syncedSequence
        try engine.syncWAL()
        #expect(engine.syncedSequence == synced)
        #expect(engine.syncedSequence <= engine.lastSequence)
    }
}
