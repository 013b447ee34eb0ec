// Sorted sets in-process: the storage the differential tests cannot see (the `score` order
// index written and removed with each member) and the score encoding.
import Engine
import RESP
@testable import Store
import Testing

@Suite struct SortedSetCommandTests {
    static let entries = CollectionStorageTests.entries + SortedSetCommands.entries

    /// The `score` index entries of the engine, decoded as (ordered score, member).
    static func index(_ harness: StoreHarness) throws -> [[UInt8]] {
        try harness.engine.scan(.score, from: [], to: nil, limit: .max, reverse: false).map(\.key)
    }

    @Test func test_orderedEncoding_sortsAsTheScoresDo() {
        let scores: [Double] = [-.infinity, -1e308, -2.5, -1, -Double.leastNonzeroMagnitude, 0, Double.leastNonzeroMagnitude, 1, 2.5, 1e308, .infinity]
        let encoded = scores.map { ScoreKey.ordered($0) }
        #expect(encoded == encoded.sorted())
        #expect(ScoreKey.ordered(-0.0) == ScoreKey.ordered(0.0))
        #expect(ScoreKey.score(ScoreKey.value(-0.0))?.sign == .plus)
        #expect(ScoreKey.score(ScoreKey.value(.nan)) == nil)
    }

    @Test func test_scoreParsing_followsStrtod() {
        #expect(SortedSetScore.parse(Array("inf".utf8)) == .infinity)
        #expect(SortedSetScore.parse(Array("-inf".utf8)) == -.infinity)
        #expect(SortedSetScore.parse(Array("1e308".utf8)) == 1e308)
        #expect(SortedSetScore.parse(Array("1e400".utf8)) == nil)
        #expect(SortedSetScore.parse(Array("1e-400".utf8)) == nil)
        #expect(SortedSetScore.parse(Array("nan".utf8)) == nil)
        #expect(SortedSetScore.parse(Array(" 1".utf8)) == nil)
        #expect(SortedSetScore.parse(Array("1 ".utf8)) == nil)
        #expect(SortedSetScore.parse([]) == nil)
        #expect(SortedSetScore.parse(Array("0x10".utf8)) == 16)
    }

    @Test func test_theOrderIndex_followsEveryWrite() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        #expect(await harness.run("ZADD", "z", "2", "b", "1", "a", "1", "c") == .integer(3))
        #expect(try Self.index(harness).count == 3)
        #expect(await harness.run("ZINCRBY", "z", "5", "a") == .double(6))
        #expect(await harness.run("ZADD", "z", "3", "b", "3", "b") == .integer(0))
        let entries = try Self.index(harness)
        #expect(entries.count == 3)
        let members = entries.map { Array($0.suffix(1)) }
        #expect(members == [Array("c".utf8), Array("b".utf8), Array("a".utf8)])
        #expect(await harness.run("ZREM", "z", "a", "x") == .integer(1))
        #expect(try Self.index(harness).count == 2)
        #expect(await harness.run("ZREM", "z", "b", "c") == .integer(1 + 1))
        #expect(try Self.index(harness).isEmpty)
        #expect(await harness.run("EXISTS", "z") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_garbageCycle_removesAStaleSortedSetsIndexToo() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("ZADD", "gone", "1", "a", "-2.5", "b")
        _ = await harness.run("ZADD", "kept", "3", "x")
        _ = await harness.run("DEL", "gone")
        #expect(try Self.index(harness).count == 3)
        let cycle = MemberGarbageCycle(store: harness.store, entriesPerRegionPerRound: 2)
        for descriptor in harness.store.directory.layout.regions {
            var resume: [UInt8]? = await cycle.round(descriptor, after: nil)
            while let last = resume { resume = await cycle.round(descriptor, after: last) }
        }
        #expect(try Self.index(harness).count == 1)
        #expect(try CollectionStorageTests.storedMembers(harness) == 1)
        #expect(await harness.run("ZSCORE", "kept", "x") == .double(3))
        await harness.shutdown()
    }
}

extension SortedSetCommandTests {
    @Test func test_renameAndCopy_rekeyTheOrderIndex() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("ZADD", "{k}a", "1", "x", "2", "y")
        #expect(await harness.run("RENAME", "{k}a", "{k}b") == .simpleString("OK"))
        #expect(await harness.run("COPY", "{k}b", "{k}c") == .integer(1))
        // Two live sorted sets of two members, plus the renamed source's stale two.
        #expect(try Self.index(harness).count == 6)
        let prefix = ScoreKey.stored(Array("{k}c".utf8), version: 0, score: 0, member: []).prefix(6 + 4)
        #expect(try Self.index(harness).filter { $0.starts(with: prefix) }.count == 2)
        await harness.shutdown()
    }
}
