// Conformance checks for write batches: operation order, range deletes and family isolation.

import Engine
import Testing

extension EngineContract {
    static func checkBatchOrder(_ engine: some StorageEngine) throws {
        try engine.put(.meta, [entry("c", "old")])
        var batch = WriteBatch()
        batch.put(.meta, key: bytes("a"), value: bytes("1"))
        batch.put(.meta, key: bytes("a"), value: bytes("2"))
        batch.put(.meta, key: bytes("b"), value: bytes("1"))
        batch.delete(.meta, key: bytes("b"))
        batch.delete(.meta, key: bytes("c"))
        batch.put(.meta, key: bytes("c"), value: bytes("new"))
        batch.put(.meta, key: bytes("d1"), value: bytes("1"))
        batch.deleteRange(.meta, from: bytes("d"), to: bytes("e"))
        batch.deleteRange(.meta, from: bytes("f"), to: bytes("g"))
        batch.put(.meta, key: bytes("f1"), value: bytes("1"))
        batch.put(.sub, key: bytes("x"), value: bytes("1"))
        batch.delete(.meta, key: bytes("x"))
        try engine.write(batch)

        #expect(try engine.all(.meta) == [entry("a", "2"), entry("c", "new"), entry("f1", "1")])
        #expect(try engine.all(.sub) == [entry("x", "1")])
    }

    static func checkDeleteRange(_ engine: some StorageEngine) throws {
        let text = ["", "a", "b", "b\u{0}", "ba", "c", "c\u{0}"]
        let high: [[UInt8]] = [[0x7F], [0x80], [0x80, 0x00], [0xFE], [0xFF], [0xFF, 0x00]]
        try engine.put(.sub, text.map { entry($0, "v") } + high.map { entry($0, [0x01]) })

        var batch = WriteBatch()
        batch.deleteRange(.sub, from: bytes("b"), to: bytes("c"))
        batch.deleteRange(.sub, from: [0x80], to: [0xFF])
        try engine.write(batch)
        #expect(try engine.keys(.sub, from: "", to: "d") == ["", "a", "c", "c\u{0}"])
        #expect(try engine.scan(.sub, from: [0x7F], to: nil, limit: .max, reverse: false).map(\.key)
            == [[0x7F], [0xFF], [0xFF, 0x00]])

        // Empty and inverted ranges delete nothing (the batch does not even record them).
        var nothing = WriteBatch()
        nothing.deleteRange(.sub, from: bytes("a"), to: bytes("a"))
        nothing.deleteRange(.sub, from: bytes("c"), to: bytes("a"))
        try engine.write(nothing)
        #expect(try engine.keys(.sub, from: "", to: "d") == ["", "a", "c", "c\u{0}"])

        // From the empty key, which it includes, to a bound past every key.
        var everything = WriteBatch()
        everything.deleteRange(.sub, from: [], to: [0xFF, 0xFF])
        try engine.write(everything)
        #expect(try engine.all(.sub) == [])
    }

    static func checkFamilyIsolation(_ engine: some StorageEngine) throws {
        var batch = WriteBatch()
        for family in ColumnFamily.allCases {
            batch.put(family, key: bytes("shared"), value: bytes(family.name))
            batch.put(family, key: bytes("only-\(family.name)"), value: bytes("1"))
        }
        try engine.write(batch)
        for family in ColumnFamily.allCases {
            #expect(try engine.get(family, key: bytes("shared")) == bytes(family.name))
            #expect(try engine.keys(family, from: "", to: nil) == ["only-\(family.name)", "shared"])
        }

        var removal = WriteBatch()
        removal.delete(.meta, key: bytes("shared"))
        removal.deleteRange(.sub, from: [], to: [0xFF])
        try engine.write(removal)
        #expect(try engine.get(.meta, key: bytes("shared")) == nil)
        #expect(try engine.all(.sub) == [])
        for family in [ColumnFamily.score, .raft, .region] {
            #expect(try engine.get(family, key: bytes("shared")) == bytes(family.name))
            #expect(try engine.all(family).count == 2)
        }
    }
}
