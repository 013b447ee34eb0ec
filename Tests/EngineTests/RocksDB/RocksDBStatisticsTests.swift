// RocksDBEngine's statistics sample: the figures the node exports as metrics.

import Engine
import Testing

@Suite struct RocksDBStatisticsTests {
    @Test func test_statistics_shouldReflectWritesSyncsAndDisk() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let engine = try RocksDBEngine(path: scratch.database, settings: .forTests)
        let before = try engine.statistics()
        // The sync at open.
        #expect(before.walSyncs == 1)
        try engine.put(.meta, (0..<1_000).map { entry("key \($0)", String(repeating: "v", count: 100)) })
        try engine.syncWAL()
        let after = try engine.statistics()
        #expect(after.memtableBytes > before.memtableBytes)
        #expect(after.memtableBytes > 100_000)
        #expect(after.walSyncs == 2)
        #expect(!after.writesStopped)
        #expect(after.delayedWriteRate == 0)
        #expect(after.stalledWrites == 0)
        #expect(!after.writesFailed)
        #expect((after.freeDiskBytes ?? 0) > 0)

        _ = try engine.get(.meta, key: bytes("key 1"))
        try engine.close()
        #expect(throws: EngineError.closed) { try engine.statistics() }
    }
}
