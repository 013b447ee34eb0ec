// The Redis 7.0 sorted set commands added with the algebra, in-process: the order index kept
// by every STORE form and ZMPOP, the rules Redis applies to scores (NaN from inf − inf, weights
// of 0 × inf), ZSCAN's pages and score text, ZRANDMEMBER's picks, and the one range selection
// ZRANGE and ZREMRANGEBY* share.
import Engine
import RESP
@testable import Store
import Testing

@Suite struct SortedSetAlgebraCommandTests {
    static let entries = SortedSetCommandTests.entries

    static func pairs(_ items: [(String, Double)]) -> RESPValue {
        .pairs(items.map { RESPValue.Entry(key: .bulk($0.0), value: .double($0.1)) })
    }

    @Test func test_unionAndIntersection_aggregateWeightedScores() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("ZADD", "{t}a", "1", "x", "2", "y")
        _ = await harness.run("SADD", "{t}s", "x", "z")
        #expect(await harness.run("ZUNION", "2", "{t}a", "{t}s", "WITHSCORES") == Self.pairs([("z", 1), ("x", 2), ("y", 2)]))
        #expect(await harness.run("ZUNION", "2", "{t}a", "{t}s", "WEIGHTS", "2", "3", "AGGREGATE", "MAX", "WITHSCORES")
            == Self.pairs([("x", 3), ("z", 3), ("y", 4)]))
        #expect(await harness.run("ZINTER", "2", "{t}a", "{t}s", "AGGREGATE", "min", "WITHSCORES") == Self.pairs([("x", 1)]))
        #expect(await harness.run("ZDIFF", "2", "{t}a", "{t}s") == .array([.bulk("y")]))
        #expect(await harness.run("ZINTERCARD", "2", "{t}a", "{t}s", "LIMIT", "0") == .integer(1))
        #expect(await harness.run("ZINTER", "2", "{t}a", "{t}nope") == .array([]))
        await harness.shutdown()
    }

    @Test func test_infinitiesThatCancel_becomeZero() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("ZADD", "{t}i", "1", "a")
        _ = await harness.run("ZADD", "{t}j", "1", "a")
        _ = await harness.run("ZADD", "{t}k", "inf", "a")
        #expect(await harness.run("ZUNION", "2", "{t}i", "{t}j", "WEIGHTS", "inf", "-inf", "WITHSCORES") == Self.pairs([("a", 0)]))
        #expect(await harness.run("ZINTER", "2", "{t}i", "{t}j", "WEIGHTS", "inf", "-inf", "WITHSCORES") == Self.pairs([("a", 0)]))
        #expect(await harness.run("ZUNION", "1", "{t}k", "WEIGHTS", "0", "WITHSCORES") == Self.pairs([("a", 0)]))
        #expect(await harness.run("ZINTER", "2", "{t}i", "{t}j", "WEIGHTS", "inf", "-inf", "AGGREGATE", "MAX", "WITHSCORES")
            == Self.pairs([("a", .infinity)]))
        #expect(SortedSetAlgebraCommands.aggregated(.infinity, -.infinity, .sum) == 0)
        #expect(SortedSetAlgebraCommands.aggregated(1, .nan, .min) == 1)
        #expect(SortedSetAlgebraCommands.aggregated(1, .nan, .max) == 1)
        await harness.shutdown()
    }

    @Test func test_storeForms_replaceTheDestinationAndItsIndex() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("ZADD", "{t}a", "1", "x", "2", "y")
        _ = await harness.run("ZADD", "{t}dst", "9", "old", "8", "older")
        #expect(await harness.run("ZUNIONSTORE", "{t}dst", "1", "{t}a", "WEIGHTS", "10") == .integer(2))
        #expect(await harness.run("ZRANGE", "{t}dst", "0", "-1", "WITHSCORES") == Self.pairs([("x", 10), ("y", 20)]))
        #expect(try SortedSetCommandTests.index(harness).count == 2 + 2 + 2, "the old destination's two are stale, not live")
        #expect(await harness.run("ZSCORE", "{t}dst", "old") == .nullBulk)
        // A source may be the destination: it is read before it is replaced.
        #expect(await harness.run("ZINTERSTORE", "{t}a", "2", "{t}a", "{t}dst") == .integer(2))
        #expect(await harness.run("ZRANGE", "{t}a", "0", "-1", "WITHSCORES") == Self.pairs([("x", 11), ("y", 22)]))
        #expect(await harness.run("ZDIFFSTORE", "{t}dst", "2", "{t}a", "{t}dst") == .integer(0))
        #expect(await harness.run("EXISTS", "{t}dst") == .integer(0))
        _ = await harness.run("SET", "{t}str", "v")
        #expect(await harness.run("ZUNIONSTORE", "{t}str", "1", "{t}a") == .integer(2))
        #expect(await harness.run("TYPE", "{t}str") == .simpleString("zset"))
        #expect(await harness.run("ZUNIONSTORE", "{t}x", "2", "{t}a", "{t}str", "WITHSCORES") == .error("ERR syntax error"))
        #expect(await harness.run("ZUNIONSTORE", "{t}x", "1", "{t}a", "{other}b") == .error("ERR syntax error"))
        #expect(await harness.run("ZUNIONSTORE", "{t}x", "2", "{t}a", "{other}b") == KeySlots.crossSlotError)
        await harness.shutdown()
    }

    @Test func test_numkeysErrors_comeBeforeTheSlotCheck() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        #expect(await harness.run("ZUNION", "0", "a") == .error("ERR at least 1 input key is needed for 'zunion' command"))
        #expect(await harness.run("ZINTERCARD", "-1", "a") == .error("ERR at least 1 input key is needed for 'zintercard' command"))
        #expect(await harness.run("ZINTER", "x", "a") == StringCommands.notAnInteger)
        #expect(await harness.run("ZDIFF", "9223372036854775807", "a") == .error("ERR syntax error"))
        #expect(await harness.run("ZMPOP", "9223372036854775807", "a", "MIN") == .error("ERR syntax error"))
        #expect(await harness.run("ZMPOP", "0", "a", "MIN") == .error("ERR numkeys should be greater than 0"))
        #expect(await harness.run("ZMPOP", "2", "a", "b", "MIN") == KeySlots.crossSlotError)
        await harness.shutdown()
    }

    @Test func test_zmpop_popsFromTheFirstNonEmptyKey() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("ZADD", "{t}b", "1", "a", "2", "b", "3", "c")
        #expect(await harness.run("ZMPOP", "2", "{t}a", "{t}b", "MAX", "COUNT", "2")
            == .array([.bulk("{t}b"), .array([.array([.bulk("c"), .double(3)]), .array([.bulk("b"), .double(2)])])]))
        #expect(try SortedSetCommandTests.index(harness).count == 1)
        #expect(await harness.run("ZMPOP", "1", "{t}b", "MIN", "COUNT", "5") == .array([.bulk("{t}b"), .array([.array([.bulk("a"), .double(1)])])]))
        #expect(await harness.run("EXISTS", "{t}b") == .integer(0))
        #expect(await harness.run("ZMPOP", "1", "{t}b", "MIN") == .nullArray)
        await harness.shutdown()
    }

    @Test func test_zrangestore_storesTheSelection() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("ZADD", "{t}src", "1", "a", "2", "b", "3", "c")
        #expect(await harness.run("ZRANGESTORE", "{t}dst", "{t}src", "inf", "(1", "BYSCORE", "REV", "LIMIT", "0", "1") == .integer(1))
        #expect(await harness.run("ZRANGE", "{t}dst", "0", "-1", "WITHSCORES") == Self.pairs([("c", 3)]))
        #expect(await harness.run("ZRANGESTORE", "{t}dst", "{t}src", "0", "-1", "WITHSCORES") == .error("ERR syntax error"))
        #expect(await harness.run("ZRANGESTORE", "{t}dst", "{t}nope", "0", "-1") == .integer(0))
        #expect(await harness.run("EXISTS", "{t}dst") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_zscan_pagesInScoreOrder_withRedisScoreText() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("ZADD", "z", "1.5", "a", "3", "b", "-0", "c", "1e20", "d")
        let whole = RESPValue.array([.bulk("0"), .array([.bulk("c"), .bulk("0"), .bulk("a"), .bulk("1.5"), .bulk("b"), .bulk("3"), .bulk("d"), .bulk("1e+20")])])
        // A small sorted set comes back whole, whatever the cursor and COUNT, as from Redis.
        #expect(await harness.run("ZSCAN", "z", "0", "COUNT", "2") == whole)
        #expect(await harness.run("ZSCAN", "z", "2", "COUNT", "1") == whole)
        // A large one pages by COUNT in score order, and a whole scan sees every member once.
        for index in 0..<130 { _ = await harness.run("ZADD", "big", String(index), "m\(index)") }
        #expect(await harness.run("ZSCAN", "big", "0", "COUNT", "2") == .array([.bulk("2"), .array([.bulk("m0"), .bulk("0"), .bulk("m1"), .bulk("1")])]))
        var cursor = "0"
        var seen: [RESPValue] = []
        repeat {
            guard case .array(let reply) = await harness.run("ZSCAN", "big", cursor, "COUNT", "7"), reply.count == 2,
                  case .bulk(let next) = reply[0], case .array(let items) = reply[1] else {
                Issue.record("ZSCAN answers [cursor, items]")
                return
            }
            seen += items
            cursor = String(decoding: next, as: UTF8.self)
        } while cursor != "0"
        #expect(seen.count == 260)
        #expect(Set(seen.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)).count == 130)
        #expect(await harness.run("ZSCAN", "z", "0", "MATCH", "[bd]") == .array([.bulk("0"), .array([.bulk("b"), .bulk("3"), .bulk("d"), .bulk("1e+20")])]))
        #expect(CollectionScanCommands.scoreText(1e17) == Array("1e+17".utf8))
        #expect(CollectionScanCommands.scoreText(-4_503_599_627_370_494) == Array("-4503599627370494".utf8))
        #expect(CollectionScanCommands.scoreText(4_503_599_627_370_496) == Array("4503599627370496".utf8))
        #expect(CollectionScanCommands.scoreText(-.infinity) == Array("-inf".utf8))
        #expect(CollectionScanCommands.scoreText(0.1) == Array("0.10000000000000001".utf8))
        await harness.shutdown()
    }

    @Test func test_zrandmember_picksOnlyMembers() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("ZADD", "z", "1", "a", "2", "b", "3", "c")
        #expect(await harness.run("ZRANDMEMBER", "z", "5", "WITHSCORES") == Self.pairs([("c", 3), ("b", 2), ("a", 1)]))
        guard case .pairs(let picked) = await harness.run("ZRANDMEMBER", "z", "-20", "WITHSCORES") else {
            Issue.record("ZRANDMEMBER WITHSCORES answers pairs")
            return
        }
        #expect(picked.count == 20)
        let allowed: Set<RESPValue.Entry> = [.init(key: .bulk("a"), value: .double(1)), .init(key: .bulk("b"), value: .double(2)),
                                             .init(key: .bulk("c"), value: .double(3))]
        #expect(picked.allSatisfy(allowed.contains))
        guard case .array(let distinct) = await harness.run("ZRANDMEMBER", "z", "2") else {
            Issue.record("ZRANDMEMBER with a count answers an array")
            return
        }
        #expect(Set(distinct).count == 2)
        #expect(await harness.run("ZRANDMEMBER", "z", "-16777217") == CollectionCommands.tooManyPicks)
        await harness.shutdown()
    }

    @Test func test_oneSelection_servesRangesAndRemovals() throws {
        let members: [ScoredMember] = [(Array("a".utf8), 1), (Array("b".utf8), 2), (Array("c".utf8), 3), (Array("d".utf8), 4)]
        let names = { (selected: [ScoredMember]) in selected.map { String(decoding: $0.member, as: UTF8.self) } }
        #expect(names(SortedSetSelection.rank(start: -2, stop: -1).select(members)) == ["c", "d"])
        #expect(names(SortedSetSelection.rank(start: 0, stop: 1).select(members, reverse: true)) == ["d", "c"])
        #expect(names(SortedSetSelection.rank(start: 0, stop: .min).select(members)) == [])
        #expect(names(SortedSetSelection.rank(start: .max, stop: -1).select(members)) == [])
        let scores = try #require(ScoreRange(min: Array("(1".utf8), max: Array("inf".utf8)))
        #expect(names(SortedSetSelection.score(scores).select(members, reverse: true, offset: 1, limit: 1)) == ["c"])
        #expect(names(SortedSetSelection.score(scores).select(members, offset: -1)) == [])
        let lex = try #require(LexRange(min: Array("[b".utf8), max: Array("+".utf8)))
        #expect(names(SortedSetSelection.lex(lex).select(members, limit: 2)) == ["b", "c"])
        // Mixed scores: Redis's walk in score order from the first member at or above min.
        let mixed: [ScoredMember] = [(Array("zz".utf8), 0), (Array("a".utf8), 1), (Array("b".utf8), 2)]
        #expect(names(SortedSetSelection.lex(lex).select(mixed)) == ["zz", "a", "b"])
        let upToB = try #require(LexRange(min: Array("-".utf8), max: Array("[b".utf8)))
        #expect(names(SortedSetSelection.lex(upToB).select(mixed)) == [])
        #expect(names(SortedSetSelection.lex(upToB).select(mixed, reverse: true)) == [], "the first member is above max")
        let other: [ScoredMember] = [(Array("a".utf8), 0), (Array("zz".utf8), 1), (Array("b".utf8), 2)]
        #expect(names(SortedSetSelection.lex(upToB).select(other)) == ["a"])
        #expect(names(SortedSetSelection.lex(upToB).select(other, reverse: true)) == ["b", "zz", "a"])
        let empty = try #require(LexRange(min: Array("(b".utf8), max: Array("[b".utf8)))
        #expect(names(SortedSetSelection.lex(empty).select(members)) == [])
    }
}
