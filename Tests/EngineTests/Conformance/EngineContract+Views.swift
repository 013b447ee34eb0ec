// Conformance checks for multi-get, snapshots, prefix scans and flush.

import Engine
import Testing

extension EngineContract {
    static func checkMultiGet(_ engine: some StorageEngine) throws {
        try engine.put(.sub, [entry("a", "1"), entry("b", ""), entry("c", "3"), entry([], bytes("empty")),
                              entry([0xFF], [0x80])])
        try engine.put(.meta, [entry("a", "other family")])
        // Order as asked, not key order; missing keys nil; repeats answered each time; an
        // empty value is a value; the empty key is a key.
        #expect(try engine.multiGet(.sub, keys: [bytes("c"), bytes("missing"), bytes("a"), bytes("b"), [], [0xFF],
                                                 bytes("a")])
            == [bytes("3"), nil, bytes("1"), [], bytes("empty"), [0x80], bytes("1")])
        #expect(try engine.multiGet(.sub, keys: []) == [])
        #expect(try engine.multiGet(.meta, keys: [bytes("a"), bytes("b")]) == [bytes("other family"), nil])

        var batch = WriteBatch()
        batch.delete(.sub, key: bytes("a"))
        batch.deleteRange(.sub, from: bytes("b"), to: bytes("c"))
        try engine.write(batch)
        #expect(try engine.multiGet(.sub, keys: [bytes("a"), bytes("b"), bytes("c")]) == [nil, nil, bytes("3")])
        // Many keys at once agree with one get each.
        let keys = (0..<300).map { bytes("k\($0 * 7 % 500)") }
        try engine.put(.raft, (0..<250).map { entry("k\($0 * 2)", "v\($0)") })
        #expect(try engine.multiGet(.raft, keys: keys) == keys.map { try engine.get(.raft, key: $0) })
    }

    static func checkSnapshotIsolation(_ engine: some StorageEngine) throws {
        try engine.put(.meta, [entry("a", "1"), entry("b", "1"), entry("d", "1")])
        try engine.put(.sub, [entry("a/x", "1")])
        let before = engine.lastSequence
        let snapshot = try engine.snapshot()
        #expect(snapshot.sequence == before)

        // After the snapshot: overwrite, delete, range delete, insert, in two families.
        var batch = WriteBatch()
        batch.put(.meta, key: bytes("a"), value: bytes("2"))
        batch.delete(.meta, key: bytes("b"))
        batch.put(.meta, key: bytes("c"), value: bytes("new"))
        batch.deleteRange(.meta, from: bytes("d"), to: bytes("e"))
        batch.deleteRange(.sub, from: [], to: [0xFF])
        try engine.write(batch)
        try engine.syncWAL()
        try engine.flush()

        let old = [entry("a", "1"), entry("b", "1"), entry("d", "1")]
        #expect(try snapshot.scan(.meta, from: [], to: nil, limit: .max, reverse: false) == old)
        #expect(try snapshot.scan(.meta, from: [], to: nil, limit: 2, reverse: true) == [entry("d", "1"), entry("b", "1")])
        #expect(try snapshot.get(.meta, key: bytes("a")) == bytes("1"))
        #expect(try snapshot.get(.meta, key: bytes("c")) == nil)
        #expect(try snapshot.multiGet(.meta, keys: [bytes("c"), bytes("b"), bytes("a")]) == [nil, bytes("1"), bytes("1")])
        #expect(try snapshot.scan(.sub, prefix: bytes("a/")) == [entry("a/x", "1")])
        // The engine itself reads the present.
        #expect(try engine.all(.meta) == [entry("a", "2"), entry("c", "new")])
        #expect(try engine.all(.sub) == [])

        // A second snapshot sees the present and is unaffected by closing the first.
        let later = try engine.snapshot()
        #expect(later.sequence >= engine.lastSequence)
        snapshot.close()
        snapshot.close()
        #expect(throws: EngineError.closed) { try snapshot.get(.meta, key: bytes("a")) }
        #expect(throws: EngineError.closed) { try snapshot.multiGet(.meta, keys: [bytes("a")]) }
        #expect(throws: EngineError.closed) { try snapshot.scan(.meta, from: [], to: nil, limit: 1, reverse: false) }
        try engine.put(.meta, [entry("z", "after later")])
        #expect(try later.scan(.meta, from: [], to: nil, limit: .max, reverse: false)
            == [entry("a", "2"), entry("c", "new")])
        later.close()
    }

    static func checkPrefixScan(_ engine: some StorageEngine) throws {
        let keys: [[UInt8]] = [[], [0x01], [0x01, 0x00], [0x01, 0xFF], [0x01, 0xFF, 0xFF], [0x02], [0xFF],
                               [0xFF, 0x00], [0xFF, 0xFF], [0xFF, 0xFF, 0x01]]
        try engine.put(.score, keys.map { entry($0, [0]) })
        func scanned(_ prefix: [UInt8], limit: Int = .max, reverse: Bool = false) throws -> [[UInt8]] {
            try engine.scan(.score, prefix: prefix, limit: limit, reverse: reverse).map(\.key)
        }
        #expect(try scanned([0x01]) == [[0x01], [0x01, 0x00], [0x01, 0xFF], [0x01, 0xFF, 0xFF]])
        // A prefix ending in 0xFF: its end carries into the byte before.
        #expect(try scanned([0x01, 0xFF]) == [[0x01, 0xFF], [0x01, 0xFF, 0xFF]])
        // All 0xFF: no end bound at all.
        #expect(try scanned([0xFF, 0xFF]) == [[0xFF, 0xFF], [0xFF, 0xFF, 0x01]])
        #expect(try scanned([0xFF]) == [[0xFF], [0xFF, 0x00], [0xFF, 0xFF], [0xFF, 0xFF, 0x01]])
        #expect(try scanned([]) == keys)
        #expect(try scanned([0x03]) == [])
        #expect(try scanned([0x01], limit: 2, reverse: true) == [[0x01, 0xFF, 0xFF], [0x01, 0xFF]])
        #expect(try scanned([0x01], limit: 0) == [])
    }

    static func checkFlushKeepsData(_ engine: some StorageEngine) throws {
        try engine.put(.meta, (0..<100).map { entry("k\($0)", "v\($0)") })
        var batch = WriteBatch()
        batch.deleteRange(.meta, from: bytes("k1"), to: bytes("k2"))
        try engine.write(batch)
        let before = try engine.all(.meta)
        let sequence = engine.lastSequence
        try engine.flush()
        // Nothing to flush is fine too.
        try engine.flush()
        #expect(try engine.all(.meta) == before)
        #expect(before.count == 100 - 11)
        #expect(engine.lastSequence == sequence)
        try engine.put(.meta, [entry("k1", "again")])
        #expect(try engine.get(.meta, key: bytes("k1")) == bytes("again"))
    }
}
