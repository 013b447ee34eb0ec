// Commands through the store: routing to regions, CROSSSLOT, fan-out, expiry, durability.
import Engine
import RESP
@testable import Store
import Testing

@Suite struct RegionExecutionTests {
    @Test func test_setThenGet_goesThroughTheKeysRegion() async throws {
        let harness = try StoreHarness()
        #expect(await harness.run("SET", "k", "v") == .simpleString("OK"))
        #expect(await harness.run("GET", "k") == .bulk(Array("v".utf8)))
        #expect(await harness.run("GET", "missing") == .nullBulk)
        await harness.shutdown()
    }

    @Test func test_mgetAndDel_spanSlots_andKeepKeyOrder() async throws {
        let harness = try StoreHarness()
        let keys = (0..<40).map { "key:\($0)" }
        for key in keys where key.hasSuffix("1") || key.hasSuffix("7") { _ = await harness.run("SET", key, "v" + key) }
        let reply = await harness.run([Array("MGET".utf8)] + keys.map { Array($0.utf8) })
        let expected = RESPValue.array(keys.map { $0.hasSuffix("1") || $0.hasSuffix("7") ? .bulk(Array(("v" + $0).utf8)) : .nullBulk })
        #expect(reply == expected)
        #expect(await harness.run([Array("DEL".utf8)] + keys.map { Array($0.utf8) }) == .integer(8))
        #expect(await harness.run("DBSIZE") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_multiKeyWrite_acrossSlots_isCrossSlot_butHashTagsShareOne() async throws {
        let harness = try StoreHarness(entries: StringCommands.entries + [
            CommandEntry(spec: CommandSpec("pairset", arity: -3, flags: [.write], firstKey: 1, lastKey: -1, keyStep: 2, summary: "test"),
                         data: .write(normalize: nil) { _ in .simpleString("OK") }),
        ])
        #expect(await harness.run("PAIRSET", "a", "1", "b", "2") == .error("CROSSSLOT Keys in request don't hash to the same slot"))
        #expect(await harness.run("PAIRSET", "{u}a", "1", "{u}b", "2") == .simpleString("OK"))
        await harness.shutdown()
    }

    @Test func test_expiredKey_readsAsAbsent_andTheExpiryCycleDeletesIt() async throws {
        let harness = try StoreHarness()
        #expect(await harness.run("SET", "t", "v", "PX", "100") == .simpleString("OK"))
        #expect(await harness.run("DBSIZE") == .integer(1))
        harness.clock.advance(milliseconds: 101)
        #expect(await harness.run("GET", "t") == .nullBulk)
        // Not yet deleted: DBSIZE counts it, as Redis does until its expiry cycle runs.
        #expect(await harness.run("DBSIZE") == .integer(1))
        let cycle = ExpiryCycle(store: harness.store)
        for region in harness.store.directory.layout.regions { _ = await cycle.round(region, after: nil) }
        #expect(await harness.run("DBSIZE") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_expiryDelete_sparesAKeyRewrittenMeanwhile() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "t", "old", "PXAT", "1700000000050")
        _ = await harness.run("SET", "t", "new")
        let region = try #require(await harness.store.directory.region(id: harness.store.directory.layout.region(forSlot: KeySlot.of(Array("t".utf8))).id))
        let entry = WriteEntry(nowMilliseconds: 1_700_000_000_100, seed: 0, versionProposal: 0,
                               arguments: [Array("expiredel".utf8), Array("t".utf8), Array("1700000000050".utf8)])
        #expect(await region.propose(entry).reply == .integer(0))
        #expect(await harness.run("GET", "t") == .bulk(Array("new".utf8)))
        await harness.shutdown()
    }

    @Test func test_flushall_emptiesEveryRegion() async throws {
        let harness = try StoreHarness()
        for number in 0..<100 { _ = await harness.run("SET", "k\(number)", "v") }
        #expect(await harness.run("DBSIZE") == .integer(100))
        #expect(await harness.run("FLUSHALL", "SYNC") == .simpleString("OK"))
        #expect(await harness.run("DBSIZE") == .integer(0))
        #expect(await harness.run("FLUSHALL", "FOO") == .error("ERR syntax error"))
        await harness.shutdown()
    }

    @Test func test_olderGeneration_isFencedOff() async throws {
        let harness = try StoreHarness()
        let descriptor = harness.store.directory.layout.regions[0]
        let old = try #require(await harness.store.directory.region(id: descriptor.id))
        let newer = try Region(descriptor: descriptor, generation: 2, loop: harness.loops.loops[0], engine: harness.engine,
                               applies: harness.table.applies, directory: harness.store.directory)
        harness.store.directory.register(newer)
        let entry = WriteEntry(nowMilliseconds: 0, seed: 0, versionProposal: 0,
                               arguments: [Array("set".utf8), Array("{a}".utf8), Array("x".utf8)])
        #expect(await old.propose(entry).reply == RegionDirectory.unavailable(descriptor.id))
        await harness.shutdown()
    }
}
