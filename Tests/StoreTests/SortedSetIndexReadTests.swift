// Sorted set reads from the `score` index against the same reads over every member sorted:
// seeded sets of a few pages (ties, infinities, -0, binary members) and random selections.
import Engine
import RESP
import Runtime
@testable import Store
import TestSupport
import Testing

@Suite struct SortedSetIndexReadTests {
    static let scores: [Double] = [0, -0.0, 1, 1, 2.5, -3, .infinity, -.infinity, 1e300, -1e-300, 7, 7, 7]

    private static func randomScore(_ random: inout SplitMix64) -> String {
        random.chance(60) ? String(scores[random.below(scores.count)]).replacingOccurrences(of: "inf", with: "inf")
            : String(random.below(50) - 25)
    }

    /// The index walk and the sorted members agree on every selection, in both directions,
    /// with LIMIT, over sets larger than a page.
    @Test(arguments: [UInt64(3), 17, 2026])
    func test_indexSelections_matchTheSortedMembers(seed: UInt64) async throws {
        let harness = try StoreHarness(entries: SortedSetCommandTests.entries)
        var random = SplitMix64(seed: seed)
        let size = 300 + random.below(500)
        var arguments = ["ZADD", "z"]
        for number in 0..<size {
            arguments += [Self.randomScore(&random), random.chance(10) ? "m\u{0}\(number)" : "m\(random.below(size * 2))"]
        }
        _ = await harness.run(arguments.map { Array($0.utf8) })
        let data = KeyspaceRead(engine: harness.engine, nowMilliseconds: harness.clock.nowMilliseconds())
        let record = try #require(try data.record(Array("z".utf8)))
        let everyMember = SortedSetOrder.ordered(try data.members(of: Array("z".utf8), record))
        #expect(try SortedSetReadCommands.ordered(Array("z".utf8), record, data).map(\.member) == everyMember.map(\.member))
        let bounds = ["-inf", "+inf", "0", "(0", "1", "(1", "7", "(7", "-3", "(-3", "2.5", "(25", "-25", "1e300", "(-1e-300"]
        for _ in 0..<300 {
            let selection: SortedSetSelection
            if random.chance(50) {
                let span = Int64(size) + 5
                selection = .rank(start: Int64(random.below(Int(2 * span))) - span, stop: Int64(random.below(Int(2 * span))) - span)
            } else {
                let range = try #require(ScoreRange(min: Array(bounds[random.below(bounds.count)].utf8),
                                                    max: Array(bounds[random.below(bounds.count)].utf8)))
                selection = .score(range)
                let count = try #require(try SortedSetSelection.count(range, from: data, Array("z".utf8), record))
                #expect(count == selection.select(everyMember).count)
            }
            let reverse = random.chance(50)
            let offset = random.chance(70) ? 0 : Int64(random.below(40)) - 5
            let limit = random.chance(50) ? -1 : Int64(random.below(300))
            let expected = selection.select(everyMember, reverse: reverse, offset: offset, limit: limit)
            let fromIndex = try #require(try selection.select(from: data, Array("z".utf8), record, reverse: reverse, offset: offset, limit: limit))
            #expect(fromIndex.map(\.member) == expected.map(\.member), "\(selection) reverse \(reverse) offset \(offset) limit \(limit)")
            #expect(fromIndex.map(\.score) == expected.map(\.score))
        }
        for (rank, member) in everyMember.enumerated() where rank % 37 == 0 {
            #expect(await harness.run("ZRANK", "z", String(decoding: member.member, as: UTF8.self)) == .integer(Int64(rank)))
            #expect(await harness.run("ZREVRANK", "z", String(decoding: member.member, as: UTF8.self))
                == .integer(Int64(everyMember.count - 1 - rank)))
        }
        await harness.shutdown()
    }

    /// A view carrying a block's pending writes does not use the index, which lacks them.
    @Test func test_aViewWithPendingWrites_readsEveryMemberInstead() async throws {
        let harness = try StoreHarness(entries: SortedSetCommandTests.entries)
        _ = await harness.run("ZADD", "z", "1", "a")
        var data = KeyspaceRead(engine: harness.engine, nowMilliseconds: harness.clock.nowMilliseconds())
        let record = try #require(try data.record(Array("z".utf8)))
        #expect(try SortedSetSelection.rank(start: 0, stop: -1).select(from: data, Array("z".utf8), record)?.count == 1)
        data.pendingMembers[MemberKey.stored(Array("z".utf8), version: record.version, member: Array("b".utf8))] = ScoreKey.value(2)
        #expect(try SortedSetSelection.rank(start: 0, stop: -1).select(from: data, Array("z".utf8), record) == nil)
        #expect(try SortedSetReadCommands.ordered(Array("z".utf8), record, data).map(\.member) == [Array("a".utf8), Array("b".utf8)])
        await harness.shutdown()
    }
}
