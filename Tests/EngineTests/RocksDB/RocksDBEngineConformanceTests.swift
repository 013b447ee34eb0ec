// RocksDBEngine against the engine conformance suite, each case on a fresh database.

import Engine
import Testing

@Suite struct RocksDBEngineConformanceTests {
    @Test(arguments: EngineContract.allCases)
    func test_rocksDBEngine_shouldKeepContract(_ contract: EngineContract) async throws {
        let scratch = ScratchDirectory("\(contract)")
        defer { scratch.remove() }
        try await contract.check { try RocksDBEngine(path: scratch.database, settings: .forTests) }
    }

    /// A reopened database continues its log's sequence numbers rather than starting at zero;
    /// the suite's checks are relative, and the earlier life leaves no visible data.
    @Test(arguments: EngineContract.allCases)
    func test_reopenedRocksDBEngine_shouldKeepContract(_ contract: EngineContract) async throws {
        let scratch = ScratchDirectory("reopened\(contract)")
        defer { scratch.remove() }
        do {
            let first = try RocksDBEngine(path: scratch.database, settings: .forTests)
            var earlierLife = WriteBatch()
            earlierLife.put(.region, key: bytes("previous"), value: bytes("life"))
            earlierLife.delete(.region, key: bytes("previous"))
            #expect(try first.write(earlierLife) == 2)
            try first.close()
        }
        try await contract.check { try RocksDBEngine(path: scratch.database, settings: .forTests) }
    }
}
