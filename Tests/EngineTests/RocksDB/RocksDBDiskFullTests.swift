// A full disk: writes fail with one line naming the database path, and nothing synced is lost.

@testable import Engine
import TestSupport
import Foundation
import Testing

@Suite(.serialized) struct RocksDBDiskFullTests {
    @Test(.enabled(if: TinyFilesystem.canMount,
                   "needs to mount a small tmpfs (root here); without it a full disk cannot be made safely"))
    func test_fullDisk_shouldFailWritesNamingThePath_andKeepEverySyncedWrite() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let filesystem = try TinyFilesystem(at: scratch.path + "/mnt", megabytes: 6)
        defer { filesystem.unmount() }
        let database = filesystem.path + "/db"
        var settings = RocksDBSettings.forTests
        settings.writeBufferBytes = 1 << 20
        settings.compression = .uncompressed
        // The info LOG stays on the real disk: RocksDB 7.8 aborts the process when it logs
        // again after a failed LOG append (see the report in RocksDBSettings.infoLogDirectory).
        settings.infoLogDirectory = scratch.path + "/log"
        try FileManager.default.createDirectory(atPath: scratch.path + "/log", withIntermediateDirectories: true)

        var synced: [[UInt8]: [UInt8]] = [:]
        var failure: (any Error)?
        do {
            let engine = try RocksDBEngine(path: database, settings: settings)
            // 64 KiB values, one batch and one sync at a time, until the disk is full.
            for number in 0..<1_000 {
                let key = bytes("key/\(number)")
                let value = [UInt8](repeating: UInt8(truncatingIfNeeded: number), count: 64 << 10)
                do {
                    try engine.put(.meta, [KeyValue(key: key, value: value)])
                    try engine.syncWAL()
                    synced[key] = value
                } catch {
                    failure = error
                    break
                }
            }
            // Reads of synced data still work on the failed engine; writes and syncs fail with
            // the same error from now on, without touching RocksDB's failed log writer.
            if let (key, value) = synced.first {
                #expect(try engine.get(.meta, key: key) == value)
            }
            #expect(engine.hasFailedWrites)
            #expect(throws: RocksDBError.self) { try engine.put(.meta, [entry("late", "x")]) }
            #expect(throws: RocksDBError.self) { try engine.syncWAL() }
            #expect(throws: RocksDBError.self) { try engine.close() }
        }

        let error = try #require(failure, "the disk never filled up")
        let description = "\(error)"
        #expect(error is RocksDBError, "\(description)")
        #expect(description.hasPrefix("cannot "), "\(description)")
        #expect(description.contains(database), "\(description)")
        #expect(description.contains("No space left on device"), "\(description)")
        #expect(!description.contains("\n"))
        #expect(synced.count > 10, "only \(synced.count) writes fit: the test did not exercise much")

        // Space returns: every synced write is there after reopening, and writes work again.
        #expect(filesystem.resize(megabytes: 64))
        let reopened = try RocksDBEngine(path: database, settings: settings)
        defer { try? reopened.close() }
        let keys = Array(synced.keys)
        #expect(try reopened.multiGet(.meta, keys: keys) == keys.map { synced[$0] })
        try reopened.put(.meta, [entry("after", "space returned")])
        try reopened.syncWAL()
        #expect(try reopened.get(.meta, key: bytes("after")) == bytes("space returned"))
    }
}
