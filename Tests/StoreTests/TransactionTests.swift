// MULTI/EXEC through the store: a block is one entry (atomic), WATCH aborts, EXECABORT, the
// entry's nested encoding, and the bounded record of key changes WATCH relies on.
import Engine
import RESP
@testable import Store
import Testing

/// One connection as the session drives it: the transaction gate first, then the table, the
/// watch list kept in request order.
private final class TransactionClient: @unchecked Sendable {
    let harness: StoreHarness
    var session = SessionState(clientID: 7)
    var watches: [WatchedKey] = []

    init(_ harness: StoreHarness) {
        self.harness = harness
    }

    func send(_ words: String...) async -> RESPValue {
        let argv = words.map { Array($0.utf8) }
        switch TransactionGate.route(argv, commands: harness.table, session: &session) {
        case .notTransactional: return await harness.run(argv)
        case .reply(let reply): return reply
        case .forgetWatches(let reply):
            watches.removeAll()
            return reply
        case .watch(let keys):
            switch await harness.store.watch(keys) {
            case .success(let watched):
                watches += watched
                return .simpleString("OK")
            case .failure(let error): return error.reply
            }
        case .exec(let items):
            let applied = await harness.store.execute(transaction: items, watching: watches)
            watches.removeAll()
            return applied.reply
        }
    }
}

private func makeHarness() throws -> StoreHarness {
    try StoreHarness(entries: StringCommands.entries + KeyCommands.entries + FlushCommands.entries + ConnectionCommands.entries
        + TransactionCommands.entries)
}


@Suite struct TransactionTests {
    @Test func test_block_runsInOrderAndSeesItsOwnWrites() async throws {
        let harness = try makeHarness()
        let client = TransactionClient(harness)
        #expect(await client.send("MULTI") == .simpleString("OK"))
        #expect(await client.send("SET", "{t}a", "1") == .simpleString("QUEUED"))
        #expect(await client.send("INCR", "{t}a") == .simpleString("QUEUED"))
        #expect(await client.send("MGET", "{t}a", "{t}b") == .simpleString("QUEUED"))
        #expect(await client.send("DEL", "{t}a") == .simpleString("QUEUED"))
        #expect(await client.send("EXISTS", "{t}a") == .simpleString("QUEUED"))
        #expect(await client.send("PING") == .simpleString("QUEUED"))
        #expect(await client.send("EXEC") == .array([.simpleString("OK"), .integer(2), .array([bulk("2"), .nullBulk]), .integer(1),
                                                      .integer(0), .simpleString("PONG")]))
        #expect(await harness.run("EXISTS", "{t}a") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_block_isOneEntry_soReadersNeverSeeHalfOfIt() async throws {
        let harness = try makeHarness()
        let sequenceBefore = harness.engine.lastSequence
        let client = TransactionClient(harness)
        _ = await client.send("MULTI")
        _ = await client.send("SET", "{t}a", "1")
        _ = await client.send("SET", "{t}b", "1")
        #expect(await client.send("EXEC") == .array([.simpleString("OK"), .simpleString("OK")]))
        // The in-memory engine advances its sequence by a batch's size: one batch of two puts.
        #expect(harness.engine.lastSequence == sequenceBefore + 2)
        let writer = Task {
            for round in 2...200 {
                _ = await client.send("MULTI")
                _ = await client.send("SET", "{t}a", String(round))
                _ = await client.send("SET", "{t}b", String(round))
                _ = await client.send("EXEC")
            }
        }
        for _ in 0..<200 {
            guard case .array(let values) = await harness.run("MGET", "{t}a", "{t}b") else { Issue.record("MGET"); break }
            #expect(values[0] == values[1], "a reader saw half a block")
        }
        await writer.value
        await harness.shutdown()
    }

    @Test func test_watch_abortsWhenAnotherClientWrites_andNotOtherwise() async throws {
        let harness = try makeHarness()
        let client = TransactionClient(harness)
        _ = await harness.run("SET", "k", "1")
        #expect(await client.send("WATCH", "k") == .simpleString("OK"))
        _ = await harness.run("SET", "k", "1")
        _ = await client.send("MULTI")
        _ = await client.send("INCR", "k")
        #expect(await client.send("EXEC") == .nullArray)
        #expect(await harness.run("GET", "k") == bulk("1"))
        // EXEC forgot the watch: the same block now runs.
        _ = await client.send("MULTI")
        _ = await client.send("INCR", "k")
        #expect(await client.send("EXEC") == .array([.integer(2)]))
        // A write to another key of the region is no change to the watched one.
        _ = await client.send("WATCH", "k")
        _ = await harness.run("SET", "{k}other", "1")
        _ = await client.send("MULTI")
        _ = await client.send("INCR", "k")
        #expect(await client.send("EXEC") == .array([.integer(3)]))
        await harness.shutdown()
    }

    @Test func test_watch_seesExpiryAndFlush() async throws {
        let harness = try makeHarness()
        let client = TransactionClient(harness)
        _ = await harness.run("SET", "k", "1", "PX", "100")
        _ = await client.send("WATCH", "k")
        harness.clock.advance(milliseconds: 200)
        _ = await client.send("MULTI")
        _ = await client.send("INCR", "k")
        #expect(await client.send("EXEC") == .nullArray, "a watched key that expired changed")
        _ = await client.send("WATCH", "missing")
        _ = await harness.run("FLUSHALL")
        _ = await client.send("MULTI")
        _ = await client.send("INCR", "missing")
        #expect(await client.send("EXEC") == .array([.integer(1)]), "FLUSHALL changes only keys that existed")
        _ = await client.send("WATCH", "missing")
        _ = await harness.run("FLUSHALL")
        _ = await client.send("MULTI")
        _ = await client.send("INCR", "missing")
        #expect(await client.send("EXEC") == .nullArray)
        await harness.shutdown()
    }

    @Test func test_queueingErrors_abortTheBlock() async throws {
        let harness = try makeHarness()
        let client = TransactionClient(harness)
        #expect(await client.send("EXEC") == .error("ERR EXEC without MULTI"))
        #expect(await client.send("DISCARD") == .error("ERR DISCARD without MULTI"))
        _ = await client.send("MULTI")
        #expect(await client.send("MULTI") == .error("ERR MULTI calls can not be nested"))
        #expect(await client.send("WATCH", "k") == .error("ERR WATCH inside MULTI is not allowed"))
        #expect(await client.send("SET", "k", "1") == .simpleString("QUEUED"))
        #expect(await client.send("GET") == .error("ERR wrong number of arguments for 'get' command"))
        #expect(await client.send("EXEC") == .error("EXECABORT Transaction discarded because of previous errors."))
        #expect(await harness.run("GET", "k") == .nullBulk)
        _ = await client.send("MULTI")
        #expect(await client.send("EXEC", "x")
            == .error("EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command"))
        #expect(await client.send("EXEC") == .error("ERR EXEC without MULTI"))
        await harness.shutdown()
    }

    @Test func test_keysOfSeveralSlots_areCrossSlot() async throws {
        let harness = try makeHarness()
        let client = TransactionClient(harness)
        let crossSlot = RESPValue.error("CROSSSLOT Keys in request don't hash to the same slot")
        _ = await client.send("MULTI")
        _ = await client.send("SET", "a", "1")
        _ = await client.send("SET", "b", "1")
        #expect(await client.send("EXEC") == crossSlot)
        #expect(await client.send("WATCH", "a", "b") == crossSlot)
        _ = await client.send("WATCH", "a")
        _ = await client.send("MULTI")
        _ = await client.send("SET", "b", "1")
        #expect(await client.send("EXEC") == crossSlot)
        _ = await client.send("MULTI")
        _ = await client.send("SET", "b", "1")
        _ = await client.send("DBSIZE")
        #expect(await client.send("EXEC") == crossSlot, "a keyspace-wide command cannot join a block with keys")
        #expect(await harness.run("EXISTS", "a", "b") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_entry_roundTripsAndRefusesDamage() {
        let entry = TransactionEntry(watches: [WatchedKey(key: [0, 1, 2], sequence: 42, existed: true, wasLive: false)],
                                     steps: [.init(kind: .write, handler: "set", arguments: [Array("set".utf8), [0], []]),
                                             .init(kind: .read, handler: "get", arguments: [Array("get".utf8), [0]])])
        #expect(TransactionEntry.decode(entry.arguments) == entry)
        let arguments = entry.arguments
        for cut in 0..<arguments.count {
            #expect(TransactionEntry.decode(Array(arguments.prefix(cut))) == nil, "truncated at \(cut)")
        }
        var damaged = arguments
        damaged[1] = Array("2".utf8)
        #expect(TransactionEntry.decode(damaged) == nil, "another format")
        #expect(TransactionEntry.decode(arguments + [[1]]) == nil, "trailing arguments")
        let hugeCount = [Array("exec".utf8), Array("1".utf8), Array("99999999999".utf8)]
        #expect(TransactionEntry.decode(hugeCount) == nil)
    }

    @Test func test_damagedOrNestedEntries_answerErrors_andTheRegionKeepsServing() async throws {
        let harness = try makeHarness()
        let now = harness.clock.nowMicroseconds()
        let damaged = await harness.store.propose(slot: 0, arguments: [Array("exec".utf8), Array("1".utf8), Array("5".utf8)],
                                                  nowMicroseconds: now)
        #expect(damaged.reply == .error("ERR malformed transaction entry"))
        let inner = TransactionEntry(watches: [], steps: [])
        let nested = TransactionEntry(watches: [], steps: [.init(kind: .write, handler: "exec", arguments: inner.arguments),
                                                           .init(kind: .read, handler: "nosuch", arguments: [Array("nosuch".utf8)])])
        let applied = await harness.store.propose(slot: 0, arguments: nested.arguments, nowMicroseconds: now)
        #expect(applied.reply == .array([.error("ERR unknown write entry 'exec'"), .error("ERR unknown read 'nosuch'")]))
        #expect(await harness.run("SET", "k", "v") == .simpleString("OK"))
        await harness.shutdown()
    }

    @Test func test_modificationLog_forgetsConservatively() {
        let log = ModificationLog(startSequence: 10, capacity: 2)
        let watch = { (key: String) in WatchedKey(key: Array(key.utf8), sequence: 10, existed: true, wasLive: true) }
        #expect(log.isUnchanged(watch("a")))
        #expect(!log.isUnchanged(WatchedKey(key: Array("a".utf8), sequence: 9, existed: false, wasLive: false)),
                "a watch older than the region's start is unknown")
        var batch = WriteBatch()
        batch.put(.meta, key: StoredKey.meta(Array("a".utf8)), value: [])
        log.record(batch, sequence: 11)
        #expect(!log.isUnchanged(watch("a")))
        #expect(log.isUnchanged(watch("b")))
        for (index, key) in ["b", "c", "d", "e"].enumerated() {
            var next = WriteBatch()
            next.put(.meta, key: StoredKey.meta(Array(key.utf8)), value: [])
            log.record(next, sequence: UInt64(12 + index))
        }
        #expect(!log.isUnchanged(watch("a")), "forgotten keys count as changed")
        #expect(!log.isUnchanged(watch("zz")), "so do keys never seen once stamps were forgotten")
        let late = WatchedKey(key: Array("zz".utf8), sequence: 20, existed: false, wasLive: false)
        #expect(log.isUnchanged(late))
    }
}

@Suite struct TransactionCollectionTests {
    @Test func test_readsInABlock_seeTheBlocksOwnMemberWrites() async throws {
        let harness = try StoreHarness(entries: StringCommands.entries + KeyCommands.entries + HashCommands.entries + SetCommands.entries
                                           + TransactionCommands.entries)
        let client = TransactionClient(harness)
        _ = await client.send("HSET", "{h}", "a", "1")
        #expect(await client.send("MULTI") == .simpleString("OK"))
        #expect(await client.send("HSET", "{h}", "b", "2") == .simpleString("QUEUED"))
        #expect(await client.send("HDEL", "{h}", "a") == .simpleString("QUEUED"))
        #expect(await client.send("HGETALL", "{h}") == .simpleString("QUEUED"))
        #expect(await client.send("HGET", "{h}", "b") == .simpleString("QUEUED"))
        #expect(await client.send("SADD", "{h}s", "x", "y") == .simpleString("QUEUED"))
        #expect(await client.send("SMEMBERS", "{h}s") == .simpleString("QUEUED"))
        let reply = await client.send("EXEC")
        #expect(reply == .array([
            .integer(1), .integer(1), .map([RESPValue.Entry(key: .bulk(Array("b".utf8)), value: .bulk(Array("2".utf8)))]),
            .bulk(Array("2".utf8)), .integer(2), .set([.bulk(Array("x".utf8)), .bulk(Array("y".utf8))]),
        ]))
        await harness.shutdown()
    }
}
