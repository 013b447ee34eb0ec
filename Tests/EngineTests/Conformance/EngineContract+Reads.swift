// Conformance checks for point reads and scans: order, bounds, direction and limits.

import Engine
import Testing

extension EngineContract {
    static func checkPointGetSeesLatestWrite(_ engine: some StorageEngine) throws {
        #expect(try engine.get(.meta, key: bytes("a")) == nil)
        try engine.put(.meta, [entry("a", "1")])
        #expect(try engine.get(.meta, key: bytes("a")) == bytes("1"))
        try engine.put(.meta, [entry("a", "2")])
        #expect(try engine.get(.meta, key: bytes("a")) == bytes("2"))

        // An empty value is a value, not an absence.
        try engine.put(.meta, [entry("e", "")])
        #expect(try engine.get(.meta, key: bytes("e")) == [])

        var batch = WriteBatch()
        batch.delete(.meta, key: bytes("a"))
        batch.delete(.meta, key: bytes("never-written"))
        try engine.write(batch)
        #expect(try engine.get(.meta, key: bytes("a")) == nil)
        #expect(try engine.get(.meta, key: bytes("never-written")) == nil)
        #expect(try engine.all(.meta) == [entry("e", "")])
    }

    static func checkEmptyKeyIsAKey(_ engine: some StorageEngine) throws {
        try engine.put(.meta, [entry([0x00], bytes("zero")), entry([], bytes("empty"))])
        #expect(try engine.get(.meta, key: []) == bytes("empty"))
        // It is the smallest key: first from [], excluded from [0x00], last in reverse.
        #expect(try engine.all(.meta) == [entry([], bytes("empty")), entry([0x00], bytes("zero"))])
        #expect(try engine.scan(.meta, from: [0x00], to: nil, limit: .max, reverse: false)
            == [entry([0x00], bytes("zero"))])
        #expect(try engine.scan(.meta, from: [], to: [0x00], limit: .max, reverse: true)
            == [entry([], bytes("empty"))])

        var batch = WriteBatch()
        batch.delete(.meta, key: [])
        try engine.write(batch)
        #expect(try engine.get(.meta, key: []) == nil)
        #expect(try engine.all(.meta) == [entry([0x00], bytes("zero"))])
    }

    static func checkKeysOrderAsUnsignedBytes(_ engine: some StorageEngine) throws {
        // Written in a scrambled order; expected order spelled out, not computed.
        let scrambled: [[UInt8]] = [
            [0xFF], [0x80, 0x00], [0x00], [0x7F, 0xFF], [], [0x80], [0x01], [0x00, 0x00],
            [0x7F], [0xFF, 0xFF, 0xFF], [0xFE, 0xFF], [0x00, 0xFF],
        ]
        try engine.put(.score, scrambled.map { entry($0, $0) })
        let ascending: [[UInt8]] = [
            [], [0x00], [0x00, 0x00], [0x00, 0xFF], [0x01], [0x7F], [0x7F, 0xFF], [0x80],
            [0x80, 0x00], [0xFE, 0xFF], [0xFF], [0xFF, 0xFF, 0xFF],
        ]
        #expect(try engine.all(.score).map(\.key) == ascending)
        #expect(try engine.scan(.score, from: [], to: nil, limit: .max, reverse: true).map(\.key)
            == ascending.reversed())
        // Big-endian numbers sort numerically, across the 0x80 boundary.
        #expect(try engine.scan(.score, from: [0x7F, 0xFF], to: [0x80, 0x01], limit: .max, reverse: false)
            .map(\.key) == [[0x7F, 0xFF], [0x80], [0x80, 0x00]])
    }

    static func checkScanBounds(_ engine: some StorageEngine) throws {
        try engine.put(.sub, ["a", "b", "b\u{0}", "ba", "c", "d"].map { entry($0, "v") })
        #expect(try engine.keys(.sub, from: "a", to: "c") == ["a", "b", "b\u{0}", "ba"])
        #expect(try engine.keys(.sub, from: "b", to: "ba") == ["b", "b\u{0}"])
        // Bounds between keys.
        #expect(try engine.keys(.sub, from: "a\u{0}", to: "bb") == ["b", "b\u{0}", "ba"])
        // No end: to the last key.
        #expect(try engine.keys(.sub, from: "c", to: nil) == ["c", "d"])
        #expect(try engine.keys(.sub, from: "d\u{0}", to: nil) == [])
        #expect(try engine.scan(.sub, from: bytes("a"), to: bytes("b"), limit: .max, reverse: false)
            == [entry("a", "v")])
    }

    static func checkReverseScan(_ engine: some StorageEngine) throws {
        try engine.put(.sub, ["a", "b", "b\u{0}", "ba", "c", "d"].map { entry($0, "v") })
        #expect(try engine.keys(.sub, from: "a", to: "c", reverse: true) == ["ba", "b\u{0}", "b", "a"])
        // Starts from the largest key below an end that is not itself a key.
        #expect(try engine.keys(.sub, from: "b", to: "bb", reverse: true) == ["ba", "b\u{0}", "b"])
        #expect(try engine.keys(.sub, from: "", to: nil, reverse: true) == ["d", "c", "ba", "b\u{0}", "b", "a"])
        #expect(try engine.keys(.sub, from: "b\u{0}", to: nil, limit: 2, reverse: true) == ["d", "c"])
        #expect(try engine.keys(.sub, from: "", to: "a", reverse: true) == [])
    }

    static func checkScanLimit(_ engine: some StorageEngine) throws {
        let keys = (0..<10).map { "k\($0)" }
        try engine.put(.meta, keys.map { entry($0, $0) })
        #expect(try engine.keys(.meta, from: "k", to: nil, limit: 3) == ["k0", "k1", "k2"])
        #expect(try engine.keys(.meta, from: "k", to: nil, limit: 3, reverse: true) == ["k9", "k8", "k7"])
        #expect(try engine.keys(.meta, from: "k2", to: "k5", limit: 10) == ["k2", "k3", "k4"])
        #expect(try engine.keys(.meta, from: "k", to: nil, limit: 1) == ["k0"])
        #expect(try engine.keys(.meta, from: "k", to: nil, limit: 0) == [])
        #expect(try engine.keys(.meta, from: "k", to: nil, limit: -1, reverse: true) == [])
        #expect(try engine.keys(.meta, from: "k", to: nil, limit: .max) == keys)
    }

    static func checkEmptyAndInvertedRanges(_ engine: some StorageEngine) throws {
        try engine.put(.meta, ["a", "b", "c"].map { entry($0, "v") })
        for reverse in [false, true] {
            #expect(try engine.keys(.meta, from: "b", to: "b", reverse: reverse) == [])
            #expect(try engine.keys(.meta, from: "c", to: "a", reverse: reverse) == [])
            #expect(try engine.keys(.meta, from: "", to: "", reverse: reverse) == [])
        }
        // Other families are empty whatever the range.
        #expect(try engine.all(.region) == [])
        #expect(try engine.scan(.region, from: [], to: nil, limit: .max, reverse: true) == [])
    }
}
