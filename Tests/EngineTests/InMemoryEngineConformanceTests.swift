// InMemoryEngine against the engine conformance suite, with default and tiny leaves.

import Testing
@testable import Engine

@Suite struct InMemoryEngineConformanceTests {
    @Test(arguments: EngineContract.allCases)
    func test_inMemoryEngine_shouldKeepContract(_ contract: EngineContract) async throws {
        try await contract.check { InMemoryEngine() }
    }

    /// Four entries a leaf: the suite's few keys then span many leaves, so scans, range
    /// deletes, splits and merges cross leaf boundaries.
    @Test(arguments: EngineContract.allCases)
    func test_inMemoryEngineWithTinyLeaves_shouldKeepContract(_ contract: EngineContract) async throws {
        let engine = InMemoryEngine(leafCapacity: 4)
        try await contract.check { engine }
        #expect(engine.invariantViolation() == nil)
    }

    @Test func test_noSlowdownWrite_shouldApplyAsUsual() throws {
        let engine = InMemoryEngine()
        var batch = WriteBatch()
        batch.put(.meta, key: bytes("k"), value: bytes("v"))
        let sequence = try engine.write(batch, options: WriteOptions(noSlowdown: true))
        #expect(sequence == 1)
        #expect(try engine.get(.meta, key: bytes("k")) == bytes("v"))
    }

    @Test func test_sequence_shouldAdvanceByOperationCount_asRocksDBDoes() throws {
        let engine = InMemoryEngine()
        var batch = WriteBatch()
        batch.put(.meta, key: bytes("a"), value: [])
        batch.delete(.sub, key: bytes("b"))
        batch.deleteRange(.raft, from: bytes("c"), to: bytes("d"))
        #expect(try engine.write(batch) == 3)
        #expect(try engine.write(batch) == 6)
        #expect(engine.syncedSequence == 0)
        try engine.syncWAL()
        #expect(engine.syncedSequence == 6)
    }
}
