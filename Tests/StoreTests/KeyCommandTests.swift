// TYPE, RENAME, RENAMENX, COPY, KEYS, RANDOMKEY and CLUSTER KEYSLOT through the store.
import Engine
import RESP
@testable import Store
import Testing
import Runtime
import TestSupport

@Suite struct KeyCommandTests {
    static let ok = RESPValue.simpleString("OK")
    static let crossSlot = RESPValue.error("CROSSSLOT Keys in request don't hash to the same slot")

    @Test func test_type_namesStringsAndMissingOrExpiredKeysAreNone() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "s", "v")
        _ = await harness.run("SET", "t", "v", "PX", "10")
        #expect(await harness.run("TYPE", "s") == .simpleString("string"))
        #expect(await harness.run("TYPE", "missing") == .simpleString("none"))
        harness.clock.advance(milliseconds: 11)
        #expect(await harness.run("TYPE", "t") == .simpleString("none"))
        #expect(await harness.run("TYPE") == .error("ERR wrong number of arguments for 'type' command"))
        await harness.shutdown()
    }

    @Test func test_rename_movesTheValueAndKeepsItsExpiry() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "{u}a", "1", "PX", "5000")
        _ = await harness.run("SET", "{u}b", "old")
        #expect(await harness.run("RENAME", "{u}a", "{u}b") == Self.ok)
        #expect(await harness.run("GET", "{u}b") == .bulk("1"))
        #expect(await harness.run("PTTL", "{u}b") == .integer(5000))
        #expect(await harness.run("EXISTS", "{u}a") == .integer(0))
        #expect(await harness.run("DBSIZE") == .integer(1))
        #expect(await harness.run("RENAME", "{u}a", "{u}c") == .error("ERR no such key"))
        #expect(await harness.run("RENAME", "{u}b", "{u}b") == Self.ok)
        #expect(await harness.run("RENAME", "{u}zz", "{u}zz") == .error("ERR no such key"))
        #expect(await harness.run("GET", "{u}b") == .bulk("1"))
        await harness.shutdown()
    }

    @Test func test_renamenx_refusesAnExistingDestination() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "{u}a", "1")
        _ = await harness.run("SET", "{u}b", "2")
        #expect(await harness.run("RENAMENX", "{u}a", "{u}b") == .integer(0))
        #expect(await harness.run("RENAMENX", "{u}a", "{u}a") == .integer(0))
        #expect(await harness.run("RENAMENX", "{u}a", "{u}c") == .integer(1))
        #expect(await harness.run("GET", "{u}c") == .bulk("1"))
        #expect(await harness.run("RENAMENX", "{u}a", "{u}d") == .error("ERR no such key"))
        await harness.shutdown()
    }

    @Test func test_renameOverAnExpiredDestination_countsOneKey() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "{u}a", "1")
        _ = await harness.run("SET", "{u}b", "2", "PX", "1")
        harness.clock.advance(milliseconds: 2)
        #expect(await harness.run("RENAMENX", "{u}a", "{u}b") == .integer(1))
        #expect(await harness.run("DBSIZE") == .integer(1))
        #expect(await harness.run("PTTL", "{u}b") == .integer(-1))
        await harness.shutdown()
    }

    @Test func test_renameAndCopy_acrossSlots_areCrossSlot() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "a", "1")
        #expect(KeySlot.of(Array("a".utf8)) != KeySlot.of(Array("b".utf8)))
        #expect(await harness.run("RENAME", "a", "b") == Self.crossSlot)
        #expect(await harness.run("RENAMENX", "a", "b") == Self.crossSlot)
        #expect(await harness.run("COPY", "a", "b") == Self.crossSlot)
        #expect(await harness.run("GET", "a") == .bulk("1"))
        await harness.shutdown()
    }

    @Test func test_copy_duplicatesValueAndExpiry_withReplaceAndDatabaseZero() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "{k}src", "v", "PX", "3000")
        _ = await harness.run("SET", "{k}dst", "old")
        #expect(await harness.run("COPY", "{k}src", "{k}dst") == .integer(0))
        #expect(await harness.run("COPY", "{k}src", "{k}dst", "REPLACE") == .integer(1))
        #expect(await harness.run("GET", "{k}dst") == .bulk("v"))
        #expect(await harness.run("PTTL", "{k}dst") == .integer(3000))
        #expect(await harness.run("COPY", "{k}src", "{k}new", "db", "0") == .integer(1))
        #expect(await harness.run("COPY", "{k}missing", "{k}other") == .integer(0))
        #expect(await harness.run("GET", "{k}src") == .bulk("v"))
        #expect(await harness.run("DBSIZE") == .integer(3))
        await harness.shutdown()
    }

    @Test func test_copy_errorsInRedisOrder() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "{k}a", "v")
        #expect(await harness.run("COPY", "{k}a", "{k}a") == .error("ERR source and destination objects are the same"))
        #expect(await harness.run("COPY", "{k}a", "{k}b", "DB", "1") == .error("ERR DB index is out of range"))
        #expect(await harness.run("COPY", "{k}a", "{k}b", "DB", "x") == .error("ERR value is not an integer or out of range"))
        #expect(await harness.run("COPY", "{k}a", "{k}b", "DB", "2147483648")
            == .error("ERR value is out of range, value must between -2147483648 and 2147483647"))
        #expect(await harness.run("COPY", "{k}a", "{k}b", "DB") == .error("ERR syntax error"))
        #expect(await harness.run("COPY", "{k}a", "{k}b", "FOO") == .error("ERR syntax error"))
        // The option loop reports the first problem it meets.
        #expect(await harness.run("COPY", "{k}a", "{k}b", "DB", "5", "FOO") == .error("ERR DB index is out of range"))
        #expect(await harness.run("COPY", "{k}a", "{k}a", "FOO") == .error("ERR syntax error"))
        #expect(await harness.run("EXISTS", "{k}b") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_keys_matchesAcrossEveryRegion_andSkipsExpiredKeys() async throws {
        let harness = try StoreHarness()
        let names = (0..<300).map { "user:\($0)" } + ["other", "", "a*b", "h[e]llo", "hallo"]
        for name in names { _ = await harness.run("SET", name, "v") }
        _ = await harness.run("SET", "user:gone", "v", "PX", "1")
        harness.clock.advance(milliseconds: 2)
        let all = try keysReply(await harness.run("KEYS", "*"))
        #expect(Set(all) == Set(names))
        #expect(all.count == names.count)
        #expect(Set(try keysReply(await harness.run("KEYS", "user:*"))) == Set((0..<300).map { "user:\($0)" }))
        #expect(Set(try keysReply(await harness.run("KEYS", "user:1?"))) == Set((10..<20).map { "user:\($0)" }))
        // A lone `*` keeps the empty key; `**` is a pattern, and no pattern matches "".
        #expect(try keysReply(await harness.run("KEYS", "**")).contains("") == false)
        #expect(try keysReply(await harness.run("KEYS", "a\\*b")) == ["a*b"])
        #expect(Set(try keysReply(await harness.run("KEYS", "h[^e]llo"))) == ["hallo"])
        #expect(try keysReply(await harness.run("KEYS", "nothing*")).isEmpty)
        await harness.shutdown()
    }

    @Test func test_randomkey_isNilWhenEmpty_andTheKeyWhenThereIsOne() async throws {
        let harness = try StoreHarness()
        #expect(await harness.run("RANDOMKEY") == .nullBulk)
        _ = await harness.run("SET", "only", "v")
        #expect(await harness.run("RANDOMKEY") == .bulk("only"))
        _ = await harness.run("SET", "gone", "v", "PX", "1")
        _ = await harness.run("DEL", "only")
        harness.clock.advance(milliseconds: 2)
        // Counted (not yet deleted by the expiry cycle) but not live: still no key.
        #expect(await harness.run("DBSIZE") == .integer(1))
        #expect(await harness.run("RANDOMKEY") == .nullBulk)
        await harness.shutdown()
    }

    @Test func test_randomkey_reachesEveryKey_spreadOrInOneHashTagSlot() async throws {
        let harness = try StoreHarness()
        let spread = (0..<40).map { "spread:\($0)" }
        let tagged = (0..<40).map { "{hot}:\($0)" }
        for name in spread + tagged { _ = await harness.run("SET", name, "v") }
        var seen: [String: Int] = [:]
        for _ in 0..<4000 {
            guard case .bulk(let key) = await harness.run("RANDOMKEY") else {
                Issue.record("RANDOMKEY gave no key")
                break
            }
            seen[String(decoding: key, as: UTF8.self), default: 0] += 1
        }
        #expect(Set(seen.keys) == Set(spread + tagged))
        // 4000 draws over 80 keys: 50 expected each; a uniform pick stays far from these bounds.
        #expect(seen.values.allSatisfy { $0 >= 15 && $0 <= 110 }, "counts: \(seen.values.sorted())")
        await harness.shutdown()
    }

    @Test func test_randomKeySampler_largeRegion_picksEveryKeyRoughlyEvenly() async throws {
        let harness = try StoreHarness(regions: 1)
        let names = (0..<3000).map { "key:\($0)" }
        for name in names { _ = await harness.run("SET", name, "v") }
        let region = harness.store.directory.layout.regions[0]
        var generator = SplitMix64(seed: 42)
        let read = KeyspaceRead(engine: harness.engine, nowMilliseconds: harness.clock.nowMilliseconds())
        let sampler = RandomKeySampler(region: region, data: read, keyCount: names.count)
        var counts: [String: Int] = [:]
        for _ in 0..<30000 {
            let picked = try sampler.pick(using: &generator)
            let key = try #require(picked)
            counts[String(decoding: key, as: UTF8.self), default: 0] += 1
        }
        // 10 expected per key; Poisson(10) essentially never leaves 0…40, and half the keys
        // should be seen at least ten times.
        #expect(counts.count > 2900, "only \(counts.count) of 3000 keys seen")
        #expect(counts.values.allSatisfy { $0 <= 40 })
        #expect(counts.values.filter { $0 >= 10 }.count > 1300)
        await harness.shutdown()
    }

    @Test func test_clusterKeyslot_answersRedisClusterSlots() async throws {
        let harness = try StoreHarness(entries: StringCommands.entries + KeyCommands.entries + [ClusterCommands.entry])
        #expect(await harness.run("CLUSTER", "KEYSLOT", "foo") == .integer(12182))
        #expect(await harness.run("cluster", "keyslot", "somekey") == .integer(11058))
        let following = await harness.run("CLUSTER", "KEYSLOT", "{user1000}.following")
        #expect(following == (await harness.run("CLUSTER", "KEYSLOT", "{user1000}.followers")))
        #expect(following == .integer(3443))
        #expect(await harness.run("CLUSTER", "KEYSLOT", "") == .integer(0))
        #expect(await harness.run("CLUSTER", "KEYSLOT") == .error("ERR wrong number of arguments for 'cluster|keyslot' command"))
        #expect(await harness.run("CLUSTER") == .error("ERR wrong number of arguments for 'cluster' command"))
        #expect(await harness.run("CLUSTER", "NODES") == .error("ERR unknown subcommand 'NODES'. Try CLUSTER HELP."))
        guard case .array(let help) = await harness.run("CLUSTER", "HELP") else {
            Issue.record("CLUSTER HELP is not an array")
            return
        }
        #expect(help.contains(.simpleString("KEYSLOT <key>")))
        await harness.shutdown()
    }
}

/// The keys of a KEYS reply, as text.
func keysReply(_ reply: RESPValue) throws -> [String] {
    guard case .array(let elements) = reply else { throw UnexpectedReply(reply: reply) }
    return try elements.map { element in
        guard case .bulk(let bytes) = element else { throw UnexpectedReply(reply: element) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

struct UnexpectedReply: Error {
    let reply: RESPValue
}
