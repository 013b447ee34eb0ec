// Blocking pops in-process: the wait queue's order, a waiter served by a later push, its
// timeout, its cancellation (a closed connection) and a stopping region releasing it.
import RESP
@testable import Store
import TestSupport
import Testing

@Suite struct BlockingTests {
    static let entries = CollectionStorageTests.entries + ListCommands.entries + BlockingListCommands.entries
        + SortedSetCommands.entries + BlockingSortedSetCommands.entries

    private func client(_ id: UInt64, keys: [String]) -> BlockedClient {
        BlockedClient(id: id, form: BlockingListCommands.popFirst(left: true), argv: [], keys: keys.map { Array($0.utf8) },
                      reply: PendingReply())
    }

    @Test func test_waitQueue_servesEachKeyInArrivalOrder_andForgetsAServedClientEverywhere() {
        var queue = WaitQueue()
        queue.add(client(1, keys: ["a", "b"]))
        queue.add(client(2, keys: ["b"]))
        queue.add(client(3, keys: ["a", "a"]))
        #expect(queue.first(waitingOn: Array("a".utf8))?.id == 1)
        #expect(queue.first(waitingOn: Array("b".utf8))?.id == 1)
        #expect(queue.remove(1)?.id == 1)
        #expect(queue.remove(1) == nil)
        #expect(queue.first(waitingOn: Array("a".utf8))?.id == 3)
        #expect(queue.first(waitingOn: Array("b".utf8))?.id == 2)
        #expect(queue.remove(3)?.id == 3)
        #expect(!queue.hasWaiters(on: Array("a".utf8)))
        #expect(queue.removeAll().map(\.id) == [2])
        #expect(queue.isEmpty)
    }

    @Test func test_timeout_parsesSecondsAsRedis_roundingUpToMilliseconds() {
        func parse(_ text: String) -> BlockTimeout? { try? BlockTimeout.parse(Array(text.utf8)).get() }
        #expect(parse("0") == .forever)
        #expect(parse("-0") == .forever)
        #expect(parse("-0.0001") == .forever)
        #expect(parse("0.0001") == .milliseconds(1))
        #expect(parse("1.5") == .milliseconds(1500))
        #expect(parse("0x10") == .milliseconds(16_000))
        #expect(parse("9e15") == .milliseconds(9_000_000_000_000_000_000))
        for refused in ["-1", "inf", "-inf", "1e20", "9223372036854775807", "nan", "abc", " 1", "1 ", ""] {
            #expect(parse(refused) == nil, "\(refused)")
        }
    }

    @Test func test_aWaitingPop_isServedByALaterPush_withItsWriteDurable() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        let waiting = Task { await harness.run("BLPOP", "q", "0") }
        #expect(await eventually { harness.store.blockedClients.count == 1 })
        #expect(await harness.run("RPUSH", "q", "a", "b") == .integer(2))
        #expect(await waiting.value == .array([.bulk(Array("q".utf8)), .bulk(Array("a".utf8))]))
        #expect(await harness.run("LRANGE", "q", "0", "-1") == .array([.bulk(Array("b".utf8))]))
        #expect(harness.store.blockedClients.count == 0)
        await harness.shutdown()
    }

    @Test func test_aTimedOutPop_answersNull_andLeavesTheQueue() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        #expect(await harness.run("BZPOPMIN", "z", "0.02") == .nullArray)
        #expect(await harness.run("ZADD", "z", "1", "m") == .integer(1))
        #expect(await harness.run("ZCARD", "z") == .integer(1))
        #expect(harness.store.blockedClients.count == 0)
        await harness.shutdown()
    }

    @Test func test_aCancelledWait_takesNothingFromLaterPushes() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        let waiting = Task { await harness.run("BLPOP", "q", "0") }
        #expect(await eventually { harness.store.blockedClients.count == 1 })
        waiting.cancel()
        #expect(await waiting.value == .nullArray)
        #expect(await harness.run("RPUSH", "q", "v") == .integer(1))
        #expect(await harness.run("LLEN", "q") == .integer(1))
        await harness.shutdown()
    }

    @Test func test_aStoppingRegion_releasesItsWaiters_withItsUnavailability() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        let waiting = Task { await harness.run("BLMOVE", "{t}a", "{t}b", "LEFT", "LEFT", "0") }
        #expect(await eventually { harness.store.blockedClients.count == 1 })
        let id = harness.store.directory.layout.region(forSlot: KeySlot.of(Array("{t}a".utf8))).id
        let region = try #require(await harness.store.directory.region(id: id))
        await region.stopServingWaiters()
        #expect(await waiting.value == RegionDirectory.unavailable(id))
        await harness.shutdown()
    }
}
