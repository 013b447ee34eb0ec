// Conformance check for threads: concurrent writers, readers and syncs never expose half a batch.

import Engine
import Synchronization
import Testing

extension EngineContract {
    private static let writerCount = 4
    private static let batchesPerWriter = 200
    private static let readerCount = 2
    private static let sharedStart = bytes("shared/")
    private static let sharedEnd = bytes("shared0")

    /// What the threads saw, checked once they have all finished.
    private final class Observations: Sendable {
        let finishedWriters = Atomic<Int>(0)
        private let problems = Mutex<[String]>([])
        private let sequences = Mutex<[Int: [UInt64]]>([:])

        func report(_ problem: String) {
            // The first few are enough to diagnose; thousands would bury them.
            problems.withLock { if $0.count < 20 { $0.append(problem) } }
        }

        func record(writer: Int, sequences written: [UInt64]) {
            sequences.withLock { $0[writer] = written }
        }

        var reported: [String] { problems.withLock { $0 } }
        var sequencesByWriter: [Int: [UInt64]] { sequences.withLock { $0 } }
        var writersDone: Bool { finishedWriters.load(ordering: .acquiring) == EngineContract.writerCount }
    }

    /// Writers replace a shared group of keys in two families with one batch each (a range
    /// delete, then 1–8 puts tagged with the batch), while readers scan the group and a
    /// syncer syncs. Any scan must see exactly one batch's group; every write must be visible
    /// as soon as it returns; sequences must be distinct and increasing.
    static func checkConcurrentAtomicity(_ engine: some StorageEngine) async throws {
        let observations = Observations()
        let syncerIndex = writerCount + readerCount
        await runOnThreads(syncerIndex + 1) { index in
            if index < writerCount {
                writeBatches(engine, writer: index, observations)
                observations.finishedWriters.add(1, ordering: .releasing)
            } else if index < syncerIndex {
                readUntilWritersFinish(engine, observations)
            } else {
                syncUntilWritersFinish(engine, observations)
            }
        }
        #expect(observations.reported == [])

        let sequences = observations.sequencesByWriter
        #expect(sequences.count == writerCount)
        for (writer, written) in sequences {
            #expect(written.count == batchesPerWriter)
            #expect(zip(written, written.dropFirst()).allSatisfy { $0 < $1 }, "writer \(writer)'s sequences")
        }
        let allSequences = sequences.values.flatMap { $0 }
        #expect(Set(allSequences).count == allSequences.count, "two batches got one sequence number")
        #expect(engine.lastSequence >= allSequences.max() ?? 0)

        // The last batch applied wrote both families.
        let meta = try engine.scan(.meta, from: sharedStart, to: sharedEnd, limit: .max, reverse: false)
        let sub = try engine.scan(.sub, from: sharedStart, to: sharedEnd, limit: .max, reverse: false)
        #expect(meta == sub)
        #expect(groupProblem(meta, reversed: false) == nil)
        for writer in 0..<writerCount {
            let own = try engine.scan(.meta, from: bytes("own/\(writer)/"), to: bytes("own/\(writer)0"),
                                      limit: .max, reverse: false)
            #expect(own.count == batchesPerWriter, "writer \(writer)'s private keys")
        }
        try engine.syncWAL()
        #expect(engine.syncedSequence == engine.lastSequence)
    }

    private static func writeBatches(_ engine: some StorageEngine, writer: Int, _ observations: Observations) {
        var written: [UInt64] = []
        for number in 0..<batchesPerWriter {
            let groupSize = number % 8 + 1
            // writer, batch number (two bytes), group size: unique per batch.
            let tag: [UInt8] = [UInt8(writer), UInt8(number >> 8), UInt8(number & 0xFF), UInt8(groupSize)]
            let ownKey = bytes("own/\(writer)/\(number)")
            var batch = WriteBatch()
            for family in [ColumnFamily.meta, .sub] {
                batch.deleteRange(family, from: sharedStart, to: sharedEnd)
                for member in 0..<groupSize {
                    batch.put(family, key: bytes("shared/\(member)"), value: tag)
                }
            }
            batch.put(.meta, key: ownKey, value: tag)
            do {
                let sequence = try engine.write(batch)
                written.append(sequence)
                if try engine.get(.meta, key: ownKey) != tag {
                    observations.report("writer \(writer) batch \(number) not visible after write returned")
                }
                if engine.lastSequence < sequence {
                    observations.report("lastSequence \(engine.lastSequence) below a returned sequence \(sequence)")
                }
            } catch {
                observations.report("writer \(writer) batch \(number) failed: \(error)")
            }
        }
        observations.record(writer: writer, sequences: written)
    }

    private static func readUntilWritersFinish(_ engine: some StorageEngine, _ observations: Observations) {
        var reverse = false
        while !observations.writersDone {
            reverse.toggle()
            for family in [ColumnFamily.meta, .sub] {
                do {
                    let group = try engine.scan(family, from: sharedStart, to: sharedEnd, limit: .max, reverse: reverse)
                    if let problem = groupProblem(group, reversed: reverse) {
                        observations.report("\(family) scan: \(problem)")
                    }
                } catch {
                    observations.report("\(family) scan failed: \(error)")
                }
            }
            do {
                // One snapshot sees one batch in both families (a range delete and the puts
                // after it together), and a multi-get sees one batch too.
                let snapshot = try engine.snapshot()
                let meta = try snapshot.scan(.meta, from: sharedStart, to: sharedEnd, limit: .max, reverse: false)
                let sub = try snapshot.scan(.sub, prefix: bytes("shared/"))
                snapshot.close()
                if meta != sub { observations.report("snapshot: meta \(meta.count) and sub \(sub.count) differ") }
                if let problem = groupProblem(meta, reversed: false) { observations.report("snapshot: \(problem)") }
                let values = try engine.multiGet(.sub, keys: (0..<9).map { bytes("shared/\($0)") })
                let found = values.prefix { $0 != nil }.compactMap { $0 }
                if !values.dropFirst(found.count).allSatisfy({ $0 == nil }) {
                    observations.report("multiGet: a gap in the group: \(values)")
                } else if let tag = found.first, tag.count == 4,
                          Int(tag[3]) != found.count || !found.allSatisfy({ $0 == tag }) {
                    observations.report("multiGet: values from several batches: \(found)")
                }
            } catch {
                observations.report("snapshot or multiGet failed: \(error)")
            }
        }
    }

    private static func syncUntilWritersFinish(_ engine: some StorageEngine, _ observations: Observations) {
        var previous = engine.syncedSequence
        while !observations.writersDone {
            let written = engine.lastSequence
            do {
                try engine.syncWAL()
            } catch {
                observations.report("syncWAL failed: \(error)")
                return
            }
            let synced = engine.syncedSequence
            let last = engine.lastSequence
            if synced < written { observations.report("sync covered \(synced), below \(written) written before it") }
            if synced > last { observations.report("syncedSequence \(synced) above lastSequence \(last)") }
            if synced < previous { observations.report("syncedSequence fell from \(previous) to \(synced)") }
            previous = synced
        }
    }

    /// Why `group` is not exactly one batch's shared keys, or nil when it is (or is empty:
    /// no batch yet).
    private static func groupProblem(_ group: [KeyValue], reversed: Bool) -> String? {
        guard let tag = group.first?.value else { return nil }
        guard tag.count == 4 else { return "unexpected value \(tag)" }
        let expectedKeys = (0..<Int(tag[3])).map { bytes("shared/\($0)") }
        let keys = group.map(\.key)
        guard keys == (reversed ? expectedKeys.reversed() : expectedKeys) else {
            return "\(keys.count) keys where batch \(tag) wrote \(expectedKeys.count)"
        }
        guard group.allSatisfy({ $0.value == tag }) else {
            return "values from several batches: \(group.map(\.value))"
        }
        return nil
    }
}
