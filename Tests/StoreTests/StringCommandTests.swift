// SET's and GET's variants and MSET/MSETNX through the store: replies, expiry, WRONGTYPE, entries.
import Engine
import RESP
@testable import Store
import Testing

@Suite struct StringCommandTests {
    @Test func test_setnx_setsOnlyAMissingKey() async throws {
        let harness = try StoreHarness.forStrings()
        #expect(await harness.run("SETNX", "k", "1") == .integer(1))
        #expect(await harness.run("SETNX", "k", "2") == .integer(0))
        #expect(await harness.run("GET", "k") == bulk("1"))
        _ = await harness.run("SET", "t", "old", "PX", "10")
        harness.clock.advance(milliseconds: 11)
        #expect(await harness.run("SETNX", "t", "new") == .integer(1), "an expired key counts as missing")
        await harness.shutdown()
    }

    @Test func test_setexAndPsetex_expireRelativeToTheirTime() async throws {
        let harness = try StoreHarness.forStrings()
        #expect(await harness.run("SETEX", "s", "2", "v") == .simpleString("OK"))
        #expect(await harness.run("PSETEX", "p", "1500", "v") == .simpleString("OK"))
        harness.clock.advance(milliseconds: 1500)
        #expect(await harness.run("MGET", "s", "p") == .array([bulk("v"), bulk("v")]))
        harness.clock.advance(milliseconds: 2)
        #expect(await harness.run("MGET", "s", "p") == .array([bulk("v"), .nullBulk]))
        harness.clock.advance(milliseconds: 500)
        #expect(await harness.run("GET", "s") == .nullBulk)
        await harness.shutdown()
    }

    @Test func test_setex_refusesBadExpiries_withItsOwnName() async throws {
        let harness = try StoreHarness.forStrings()
        #expect(await harness.run("SETEX", "k", "0", "v") == .error("ERR invalid expire time in 'setex' command"))
        #expect(await harness.run("PSETEX", "k", "-5", "v") == .error("ERR invalid expire time in 'psetex' command"))
        #expect(await harness.run("SETEX", "k", "9223372036854775807", "v") == .error("ERR invalid expire time in 'setex' command"))
        #expect(await harness.run("PSETEX", "k", "9223372036854775807", "v") == .error("ERR invalid expire time in 'psetex' command"))
        #expect(await harness.run("SETEX", "k", "1x", "v") == notAnInteger)
        #expect(await harness.run("EXISTS", "k") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_getset_returnsTheOldValue_andDropsTheTTL() async throws {
        let harness = try StoreHarness.forStrings()
        #expect(await harness.run("GETSET", "k", "1") == .nullBulk)
        _ = await harness.run("SET", "k", "2", "PX", "100")
        #expect(await harness.run("GETSET", "k", "3") == bulk("2"))
        harness.clock.advance(milliseconds: 200)
        #expect(await harness.run("GET", "k") == bulk("3"))
        _ = await harness.run("MAKELIST", "l")
        #expect(await harness.run("GETSET", "l", "x") == wrongType)
        await harness.shutdown()
    }

    @Test func test_getdel_returnsAndDeletes() async throws {
        let harness = try StoreHarness.forStrings()
        _ = await harness.run("SET", "k", "v")
        #expect(await harness.run("GETDEL", "k") == bulk("v"))
        #expect(await harness.run("GETDEL", "k") == .nullBulk)
        #expect(await harness.run("DBSIZE") == .integer(0))
        _ = await harness.run("MAKELIST", "l")
        #expect(await harness.run("GETDEL", "l") == wrongType)
        #expect(await harness.run("EXISTS", "l") == .integer(1))
        await harness.shutdown()
    }

    @Test func test_getex_setsOrRemovesTheExpiry() async throws {
        let harness = try StoreHarness.forStrings()
        _ = await harness.run("SET", "k", "v")
        #expect(await harness.run("GETEX", "k") == bulk("v"))
        #expect(await harness.run("GETEX", "k", "PX", "100") == bulk("v"))
        #expect(await harness.run("GETEX", "k", "PERSIST") == bulk("v"))
        harness.clock.advance(milliseconds: 200)
        #expect(await harness.run("GET", "k") == bulk("v"), "PERSIST removed the expiry")
        #expect(await harness.run("GETEX", "k", "EXAT", "1700000000") == bulk("v"), "a past EXAT answers the value…")
        #expect(await harness.run("DBSIZE") == .integer(0), "…and deletes the key")
        _ = await harness.run("SET", "k", "v")
        #expect(await harness.run("GETEX", "k", "PXAT", "1700000000300") == bulk("v"))
        harness.clock.advance(milliseconds: 101)
        #expect(await harness.run("GET", "k") == .nullBulk)
        await harness.shutdown()
    }

    @Test func test_getex_checksTheExpiryOnlyForAStringKey() async throws {
        let harness = try StoreHarness.forStrings()
        // Redis: a missing key is nil and another type WRONGTYPE, whatever the expiry says.
        #expect(await harness.run("GETEX", "missing", "EX", "abc") == .nullBulk)
        _ = await harness.run("MAKELIST", "l")
        #expect(await harness.run("GETEX", "l", "EX", "-1") == wrongType)
        _ = await harness.run("SET", "k", "v")
        #expect(await harness.run("GETEX", "k", "EX", "abc") == notAnInteger)
        #expect(await harness.run("GETEX", "k", "EX", "0") == .error("ERR invalid expire time in 'getex' command"))
        #expect(await harness.run("GETEX", "k", "PXAT", "9223372036854775807") == bulk("v"))
        // Syntax errors come first, for any key.
        #expect(await harness.run("GETEX", "missing", "EX") == .error("ERR syntax error"))
        #expect(await harness.run("GETEX", "k", "PERSIST", "EX", "1") == .error("ERR syntax error"))
        #expect(await harness.run("GETEX", "k", "KEEPTTL") == .error("ERR syntax error"))
        await harness.shutdown()
    }

    @Test func test_getex_normalizesToAbsoluteTimes() {
        let now = NormalizeContext(nowMilliseconds: 1_000)
        let normalize = GetVariantCommands.normalizeGetExpire
        let words = { (words: [String]) in words.map { Array($0.utf8) } }
        guard case .entry(let relative) = normalize(words(["GETEX", "k", "EX", "5"]), now),
              case .entry(let refused) = normalize(words(["GETEX", "k", "PX", "x"]), now)
        else {
            Issue.record("GETEX with options should become an entry")
            return
        }
        #expect(relative == words(["getex", "k", "PXAT", "6000"]))
        #expect(refused == words(["getex", "k", "REFUSE", "ERR value is not an integer or out of range"]))
    }

    @Test func test_mset_setsEveryPair_andDropsTTLs() async throws {
        let harness = try StoreHarness.forStrings()
        _ = await harness.run("SET", "{t}a", "old", "PX", "10")
        _ = await harness.run("MAKELIST", "{t}l")
        #expect(await harness.run("MSET", "{t}a", "1", "{t}b", "2", "{t}a", "3", "{t}l", "4") == .simpleString("OK"))
        harness.clock.advance(milliseconds: 20)
        #expect(await harness.run("MGET", "{t}a", "{t}b", "{t}l") == .array([bulk("3"), bulk("2"), bulk("4")]))
        #expect(await harness.run("DBSIZE") == .integer(3))
        await harness.shutdown()
    }

    @Test func test_mset_oddCount_isAnArityError_beforeCrossSlot() async throws {
        let harness = try StoreHarness.forStrings()
        #expect(await harness.run("MSET", "a", "1", "b") == .error("ERR wrong number of arguments for 'mset' command"))
        #expect(await harness.run("MSETNX", "a", "1", "b") == .error("ERR wrong number of arguments for 'msetnx' command"))
        #expect(await harness.run("MSET", "a") == .error("ERR wrong number of arguments for 'mset' command"))
        #expect(await harness.run("MSET", "a", "1", "b", "2") == .error("CROSSSLOT Keys in request don't hash to the same slot"))
        #expect(await harness.run("MSETNX", "a", "1", "b", "2") == .error("CROSSSLOT Keys in request don't hash to the same slot"))
        #expect(await harness.run("DBSIZE") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_msetnx_setsAllOrNothing() async throws {
        let harness = try StoreHarness.forStrings()
        #expect(await harness.run("MSETNX", "{t}a", "1", "{t}b", "2") == .integer(1))
        #expect(await harness.run("MSETNX", "{t}c", "3", "{t}b", "4") == .integer(0))
        #expect(await harness.run("MGET", "{t}a", "{t}b", "{t}c") == .array([bulk("1"), bulk("2"), .nullBulk]))
        #expect(await harness.run("MSETNX", "{t}d", "1", "{t}d", "2") == .integer(1), "a key named twice gets the later value")
        #expect(await harness.run("GET", "{t}d") == bulk("2"))
        await harness.shutdown()
    }

    @Test func test_rewrittenCommand_proposedUnderItsOwnName_appliesTheSame() async throws {
        let harness = try StoreHarness.forStrings()
        let key = Array("k".utf8)
        let region = try #require(await harness.store.directory.region(id: harness.store.directory.layout.region(forSlot: KeySlot.of(key)).id))
        let now: Int64 = 1_700_000_000_000
        let setex = WriteEntry(nowMilliseconds: now, seed: 0, versionProposal: 0,
                               arguments: [Array("setex".utf8), key, Array("1".utf8), Array("v".utf8)])
        #expect(await region.propose(setex).reply == .simpleString("OK"))
        let decr = WriteEntry(nowMilliseconds: now, seed: 0, versionProposal: 0, arguments: [Array("decr".utf8), Array("{k}n".utf8)])
        #expect(await region.propose(decr).reply == .integer(-1))
        let short = WriteEntry(nowMilliseconds: now, seed: 0, versionProposal: 0, arguments: [Array("setex".utf8), key])
        #expect(await region.propose(short).reply == .error("ERR wrong number of arguments for 'setex' command"))
        #expect(await harness.run("GET", "k") == bulk("v"))
        harness.clock.advance(milliseconds: 1001)
        #expect(await harness.run("GET", "k") == .nullBulk, "expired one second after the entry's own time")
        await harness.shutdown()
    }
}
