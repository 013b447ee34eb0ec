// The collection infrastructure (DESIGN §6): members under the collection's version, O(1)
// deletes that hide members at once, exact counts, RENAME/COPY re-keying, and the GC cycle.
import Engine
import RESP
@testable import Store
import Testing

@Suite struct CollectionStorageTests {
    static let entries = StringCommands.entries + KeyCommands.entries + FlushCommands.entries + HashCommands.entries + SetCommands.entries

    /// How many `sub` entries the engine holds, stale or live.
    static func storedMembers(_ harness: StoreHarness) throws -> Int {
        try harness.engine.scan(.sub, from: [], to: nil, limit: .max, reverse: false).count
    }

    @Test func test_memberKey_layoutIsSlotLengthKeyVersionMember() throws {
        let stored = MemberKey.stored([0x61, 0x00], version: 0x0102, member: [0x00, 0x7A])
        let slot = KeySlot.of([0x61, 0x00])
        #expect(stored == [UInt8(slot >> 8), UInt8(slot & 0xFF), 0, 0, 0, 2, 0x61, 0x00, 0, 0, 0, 0, 0, 0, 1, 2, 0x00, 0x7A])
        let decoded = try #require(MemberKey.decode(stored))
        #expect(decoded.key == [0x61, 0x00] && decoded.version == 0x0102 && decoded.member == [0x00, 0x7A])
        #expect(MemberKey.end(ofPrefix: [1, 0xFF]) == [2])
        #expect(MemberKey.end(ofPrefix: [0xFF, 0xFF]) == nil)
    }

    @Test func test_overwritingOrDeletingACollection_hidesItsMembersAtOnce() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        #expect(await harness.run("HSET", "h", "a", "1", "b", "2") == .integer(2))
        #expect(await harness.run("SET", "h", "string") == .simpleString("OK"))
        #expect(await harness.run("HSET", "h", "c", "3") == StringCommands.wrongType)
        #expect(await harness.run("DEL", "h") == .integer(1))
        #expect(await harness.run("HSET", "h", "c", "3") == .integer(1))
        #expect(await harness.run("HGETALL", "h") == .map([RESPValue.Entry(key: .bulk("c"), value: .bulk("3"))]))
        #expect(await harness.run("HLEN", "h") == .integer(1))
        // The first hash's two members are still stored, under a version nothing reads.
        #expect(try Self.storedMembers(harness) == 3)
        await harness.shutdown()
    }

    @Test func test_aNewCollection_skipsAVersionThatStillHasStaleMembers() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        // The version the next entry will propose: the clock's microseconds (DESIGN §6).
        let proposal = UInt64(harness.clock.nowMicroseconds())
        var batch = WriteBatch()
        batch.put(.sub, key: MemberKey.stored(Array("h".utf8), version: proposal, member: Array("ghost".utf8)), value: Array("boo".utf8))
        _ = try harness.engine.write(batch)
        #expect(await harness.run("HSET", "h", "a", "1") == .integer(1))
        #expect(await harness.run("HGETALL", "h") == .map([RESPValue.Entry(key: .bulk("a"), value: .bulk("1"))]))
        #expect(await harness.run("HGET", "h", "ghost") == .nullBulk)
        await harness.shutdown()
    }

    @Test func test_anExpiredSet_readsAsMissing_andIsRecreatedEmpty() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        #expect(await harness.run("SADD", "s", "a", "b") == .integer(2))
        #expect(await harness.run("PEXPIRE", "s", "10") == .integer(1))
        harness.clock.advance(milliseconds: 11)
        #expect(await harness.run("SISMEMBER", "s", "a") == .integer(0))
        #expect(await harness.run("SADD", "s", "c") == .integer(1))
        #expect(await harness.run("SMEMBERS", "s") == .set([.bulk("c")]))
        #expect(await harness.run("TTL", "s") == .integer(-1))
        await harness.shutdown()
    }

    @Test func test_removingTheLastMember_deletesTheKey_andCountsStayExact() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        #expect(await harness.run("SADD", "s", "a", "b", "a") == .integer(2))
        #expect(await harness.run("SCARD", "s") == .integer(2))
        #expect(await harness.run("DBSIZE") == .integer(1))
        #expect(await harness.run("SREM", "s", "a", "b", "c") == .integer(2))
        #expect(await harness.run("EXISTS", "s") == .integer(0))
        #expect(await harness.run("DBSIZE") == .integer(0))
        #expect(await harness.run("HSET", "h", "f", "v") == .integer(1))
        #expect(await harness.run("HDEL", "h", "f") == .integer(1))
        #expect(await harness.run("TYPE", "h") == .simpleString("none"))
        await harness.shutdown()
    }

    @Test func test_renameAndCopy_reKeyTheMembers() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("HSET", "{t}a", "f", "1")
        #expect(await harness.run("RENAME", "{t}a", "{t}b") == .simpleString("OK"))
        #expect(await harness.run("HGET", "{t}b", "f") == .bulk("1"))
        #expect(await harness.run("COPY", "{t}b", "{t}c") == .integer(1))
        #expect(await harness.run("HSET", "{t}c", "f", "2") == .integer(0))
        #expect(await harness.run("HGET", "{t}b", "f") == .bulk("1"))
        #expect(await harness.run("HGET", "{t}c", "f") == .bulk("2"))
        await harness.shutdown()
    }

    @Test func test_garbageCycle_removesOnlyStaleMembers() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("SADD", "gone", "1", "2", "3")
        _ = await harness.run("SADD", "kept", "x", "y")
        _ = await harness.run("HSET", "replaced", "f", "v")
        _ = await harness.run("DEL", "gone")
        _ = await harness.run("SET", "replaced", "now a string")
        #expect(try Self.storedMembers(harness) == 6)
        let cycle = MemberGarbageCycle(store: harness.store, entriesPerRegionPerRound: 2)
        for descriptor in harness.store.directory.layout.regions {
            var resume: [UInt8]? = await cycle.round(descriptor, after: nil)
            while let last = resume { resume = await cycle.round(descriptor, after: last) }
        }
        #expect(try Self.storedMembers(harness) == 2)
        #expect(await harness.run("SMEMBERS", "kept") == .set([.bulk("x"), .bulk("y")]))
        await harness.shutdown()
    }

    @Test func test_garbageApply_keepsMembersOfTheLiveVersion() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("SADD", "s", "m")
        let stored = try harness.engine.scan(.sub, from: [], to: nil, limit: 1, reverse: false)
        let region = try #require(await harness.store.directory.region(id: harness.store.directory.layout.region(forSlot: KeySlot.of(Array("s".utf8))).id))
        let entry = WriteEntry(nowMilliseconds: 0, seed: 0, versionProposal: 0,
                               arguments: [Array(MemberGarbageCycle.applyName.utf8)] + stored.map(\.key))
        #expect(await region.propose(entry).reply == .integer(0))
        #expect(await harness.run("SISMEMBER", "s", "m") == .integer(1))
        await harness.shutdown()
    }

    @Test func test_multiKeyCommandsAcrossSlots_answerCrossSlot() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        let crossSlot = RESPValue.error("CROSSSLOT Keys in request don't hash to the same slot")
        #expect(await harness.run("SINTER", "a", "b") == crossSlot)
        #expect(await harness.run("SUNIONSTORE", "a", "b") == crossSlot)
        #expect(await harness.run("SMOVE", "a", "b", "m") == crossSlot)
        #expect(await harness.run("SINTERCARD", "2", "a", "b") == crossSlot)
        #expect(await harness.run("SINTERCARD", "2", "{a}1", "{a}2") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_scanTypeFindsHashesAndSets() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("HSET", "h", "f", "v")
        _ = await harness.run("SADD", "s", "m")
        _ = await harness.run("SET", "t", "v")
        #expect(await harness.run("SCAN", "0", "TYPE", "hash", "COUNT", "1000") == .array([.bulk("0"), .array([.bulk("h")])]))
        #expect(await harness.run("SCAN", "0", "TYPE", "set", "COUNT", "1000") == .array([.bulk("0"), .array([.bulk("s")])]))
        #expect(await harness.run("TYPE", "h") == .simpleString("hash"))
        #expect(await harness.run("TYPE", "s") == .simpleString("set"))
        await harness.shutdown()
    }
}
