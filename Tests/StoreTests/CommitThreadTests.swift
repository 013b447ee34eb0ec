// Group commit: waiting writers share WAL syncs, and nothing is reported durable before a sync.
import Engine
import Testing

@Suite struct CommitThreadTests {
    @Test func test_manyWaiters_shareFewerSyncsThanWrites_andAreAllCovered() async throws {
        let engine = InMemoryEngine()
        let thread = CommitThread(engine: engine)
        thread.start()
        var sequences: [UInt64] = []
        for number in 0..<200 {
            var batch = WriteBatch()
            batch.put(.meta, key: [UInt8(number % 256)], value: [1])
            sequences.append(try engine.write(batch))
        }
        #expect(engine.syncedSequence == 0)
        await withTaskGroup(of: Void.self) { group in
            for sequence in sequences { group.addTask { try? await thread.waitUntilDurable(sequence) } }
        }
        #expect(engine.syncedSequence >= sequences.max() ?? 0)
        #expect(thread.syncCount >= 1)
        #expect(thread.syncCount < 200)
        thread.stop()
    }

    @Test func test_afterStop_waitingFailsInsteadOfHanging() async throws {
        let engine = InMemoryEngine()
        let thread = CommitThread(engine: engine)
        thread.start()
        thread.stop()
        var batch = WriteBatch()
        batch.put(.meta, key: [1], value: [1])
        let sequence = try engine.write(batch)
        await #expect(throws: CommitThread.Failure.self) { try await thread.waitUntilDurable(sequence) }
    }
}
