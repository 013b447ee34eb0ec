// RocksDB snapshots are released exactly once: by close, by the last reference, or by the engine's close.

@testable import Engine
import Testing

@Suite struct RocksDBSnapshotTests {
    @Test func test_snapshots_shouldBeReleasedByCloseOrByTheirLastReference() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let engine = try RocksDBEngine(path: scratch.database, settings: .forTests)
        defer { try? engine.close() }
        #expect(try engine.nativeSnapshotCount() == 0)

        let closed = try engine.snapshot()
        var dropped: (any StorageSnapshot)? = try engine.snapshot()
        #expect(try engine.nativeSnapshotCount() == 2)
        closed.close()
        #expect(try engine.nativeSnapshotCount() == 1)
        #expect(dropped != nil)
        dropped = nil
        #expect(try engine.nativeSnapshotCount() == 0)
        closed.close()
        #expect(try engine.nativeSnapshotCount() == 0)
    }

    @Test func test_closingTheEngine_shouldReleaseItsSnapshots_whichThenRefuseReads() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let engine = try RocksDBEngine(path: scratch.database, settings: .forTests)
        try engine.put(.meta, [entry("k", "v")])
        let snapshot = try engine.snapshot()
        #expect(try snapshot.get(.meta, key: bytes("k")) == bytes("v"))
        try engine.close()
        #expect(throws: EngineError.closed) { try snapshot.get(.meta, key: bytes("k")) }
        #expect(throws: EngineError.closed) { try snapshot.scan(.meta, prefix: []) }
        // Closing it afterwards is harmless, and so is the engine's second close.
        snapshot.close()
        try engine.close()

        // The database reopens cleanly (RocksDB was closed with no snapshot outstanding).
        let reopened = try RocksDBEngine(path: scratch.database, settings: .forTests)
        #expect(try reopened.get(.meta, key: bytes("k")) == bytes("v"))
        try reopened.close()
    }
}
