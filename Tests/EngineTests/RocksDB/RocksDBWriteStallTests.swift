// A RocksDB write stall: a no-slowdown write is refused at once, and the commit thread writes it
// once the stall ends, while the caller's thread stays free (DESIGN §6a).

@testable import Engine
import Foundation
import Synchronization
import TestSupport
import Testing

@Suite struct RocksDBWriteStallTests {
    /// Tiny memtables, writes stopped at two L0 files and compactions held at `gate`: a few
    /// writes stall the database until the test opens the gate.
    private static func stallingSettings(_ gate: CompactionGate) -> RocksDBSettings {
        var settings = RocksDBSettings.forTests
        settings.writeBufferBytes = 64 << 10
        settings.level0StopWritesTrigger = 2
        settings.compactionGate = gate
        return settings
    }

    /// Writes 32 KiB values with `noSlowdown` until RocksDB refuses one and writes stay
    /// stopped once flushes have settled (a stop for a full memtable ends with its flush; one
    /// for too many L0 files lasts until compaction, which the gate holds); nil if that never
    /// happens in time.
    private static func driveIntoStall(_ engine: RocksDBEngine, _ gate: CompactionGate) async throws -> Int? {
        let deadline = ContinuousClock.now + .seconds(30)
        var written = 0
        while ContinuousClock.now < deadline {
            var batch = WriteBatch()
            batch.put(.meta, key: bytes("fill/\(written)"), value: [UInt8](repeating: 0x5A, count: 32 << 10))
            do {
                try engine.write(batch, options: WriteOptions(noSlowdown: true))
                written += 1
            } catch EngineError.writeStalled {
                try await Task.sleep(for: .milliseconds(300))
                // Only a stop while compaction is held at the gate lasts until the test ends it.
                if try engine.statistics().writesStopped, gate.hasBeenReached { return written }
            }
            if written % 4 == 0 { try await Task.sleep(for: .milliseconds(10)) }
        }
        return nil
    }

    @Test func test_stalledWrite_shouldBeRefusedAtOnce_thenWrittenByTheCommitThread() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let gate = CompactionGate()
        let engine = try RocksDBEngine(path: scratch.database, settings: Self.stallingSettings(gate))
        defer { try? engine.close() }
        // Opened before the engine closes in every case (defers run last first), or closing
        // would wait for the held compaction forever.
        defer { gate.open() }
        let commit = CommitThread(engine: engine)
        commit.start()
        defer { commit.stop() }

        let filled = try #require(try await Self.driveIntoStall(engine, gate), "RocksDB never stalled writes")
        #expect(try engine.statistics().writesStopped)
        #expect(engine.stalledWriteCount >= 1)
        #expect(try engine.statistics().stalledWrites == engine.stalledWriteCount)

        // The caller awaits; the blocking write happens on the commit thread.
        var batch = WriteBatch()
        batch.put(.meta, key: bytes("during stall"), value: bytes("1"))
        batch.deleteRange(.meta, from: bytes("fill/"), to: bytes("fill/1"))
        let done = Atomic<UInt64>(0)
        let writer = Task {
            let sequence = try await commit.write(batch)
            done.store(sequence, ordering: .releasing)
            return sequence
        }
        // While the stall lasts the write stays pending and this thread stays free: reads and
        // syncs still work.
        let pendingUntil = ContinuousClock.now + .milliseconds(500)
        while ContinuousClock.now < pendingUntil {
            #expect(try engine.get(.meta, key: bytes("fill/1")) != nil)
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(done.load(ordering: .acquiring) == 0, "the write went through while writes were stopped")
        #expect(try engine.get(.meta, key: bytes("during stall")) == nil)

        // End the stall: the held compaction finishes, L0 empties and writes go through.
        #expect(await eventually(timeout: .seconds(60)) { gate.hasBeenReached })
        gate.open()
        let sequence = try await writer.value
        #expect(sequence > 0)
        #expect(commit.threadWriteCount == 1)
        #expect(try engine.get(.meta, key: bytes("during stall")) == bytes("1"))
        #expect(try engine.get(.meta, key: bytes("fill/0")) == nil)
        #expect(try engine.scan(.meta, prefix: bytes("fill/")).count == filled - 1)
        #expect(try !engine.statistics().writesStopped)
        // And a no-slowdown write goes through directly again.
        #expect(try engine.put(.meta, [entry("after", "1")]) > sequence)
        try await commit.waitUntilDurable(engine.lastSequence)
    }

    @Test func test_unstalledWrite_shouldNotUseTheCommitThread() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let engine = try RocksDBEngine(path: scratch.database, settings: .forTests)
        defer { try? engine.close() }
        let commit = CommitThread(engine: engine)
        commit.start()
        defer { commit.stop() }
        var batch = WriteBatch()
        batch.put(.meta, key: bytes("k"), value: bytes("v"))
        let sequence = try await commit.write(batch)
        #expect(sequence == engine.lastSequence)
        #expect(commit.threadWriteCount == 0)
        #expect(engine.stalledWriteCount == 0)
    }
}
