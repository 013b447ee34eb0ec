// EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT with NX/XX/GT/LT, TTL and friends, PERSIST, on a manual clock.
import RESP
@testable import Store
import Testing

@Suite struct ExpireCommandTests {
    /// The harness's clock starts here.
    static let start: Int64 = 1_700_000_000_000

    @Test func test_everyForm_setsTheSameAbsoluteExpiry() async throws {
        let harness = try StoreHarness()
        for key in ["a", "b", "c", "d"] { _ = await harness.run("SET", key, "v") }
        #expect(await harness.run("EXPIRE", "a", "100") == .integer(1))
        #expect(await harness.run("PEXPIRE", "b", "100000") == .integer(1))
        #expect(await harness.run("EXPIREAT", "c", String(Self.start / 1000 + 100)) == .integer(1))
        #expect(await harness.run("PEXPIREAT", "d", String(Self.start + 100_000)) == .integer(1))
        for key in ["a", "b", "c", "d"] {
            #expect(await harness.run("PEXPIRETIME", key) == .integer(Self.start + 100_000))
            #expect(await harness.run("EXPIRETIME", key) == .integer(Self.start / 1000 + 100))
            #expect(await harness.run("TTL", key) == .integer(100))
            #expect(await harness.run("PTTL", key) == .integer(100_000))
        }
        #expect(await harness.run("EXPIRE", "missing", "100") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_normalize_makesRelativeTimesAbsolute_inOnePexpireatEntry() {
        let context = NormalizeContext(nowMilliseconds: 5_000)
        let argv = ["EXPIRE", "k", "10", "gt", "GT"].map { Array($0.utf8) }
        guard case .entry(let entry) = ExpireCommands.normalize("expire", unit: .seconds, relative: true)(argv, context) else {
            Issue.record("EXPIRE did not normalize to an entry")
            return
        }
        #expect(entry.map { String(decoding: $0, as: UTF8.self) } == ["pexpireat", "k", "15000", "GT"])
        let absolute = ["PEXPIREAT", "k", "-3"].map { Array($0.utf8) }
        guard case .entry(let past) = ExpireCommands.normalize("pexpireat", unit: .milliseconds, relative: false)(absolute, context) else {
            Issue.record("PEXPIREAT did not normalize to an entry")
            return
        }
        #expect(past.map { String(decoding: $0, as: UTF8.self) } == ["pexpireat", "k", "-3"])
    }

    @Test func test_ttl_roundsSecondsToNearest_andNeverGoesBelowZero() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "k", "v", "PX", "1499")
        #expect(await harness.run("TTL", "k") == .integer(1))
        harness.clock.advance(milliseconds: 999)
        #expect(await harness.run("PTTL", "k") == .integer(500))
        #expect(await harness.run("TTL", "k") == .integer(1))
        harness.clock.advance(milliseconds: 1)
        #expect(await harness.run("TTL", "k") == .integer(0))
        _ = await harness.run("SET", "p", "v")
        #expect(await harness.run("TTL", "p") == .integer(-1))
        #expect(await harness.run("PTTL", "p") == .integer(-1))
        #expect(await harness.run("EXPIRETIME", "p") == .integer(-1))
        #expect(await harness.run("PEXPIRETIME", "p") == .integer(-1))
        #expect(await harness.run("TTL", "nope") == .integer(-2))
        #expect(await harness.run("PEXPIRETIME", "nope") == .integer(-2))
        await harness.shutdown()
    }

    @Test func test_ttlArithmetic_atTheLargestExpiry_doesNotOverflow() {
        let largest = KeyRecord.string([], expireAt: Int64.max)
        #expect(TimeToLiveCommands.reply(for: largest, now: 0, inMilliseconds: false, absolute: true) == 9_223_372_036_854_776)
        #expect(TimeToLiveCommands.reply(for: largest, now: 0, inMilliseconds: true, absolute: true) == Int64.max)
        #expect(TimeToLiveCommands.reply(for: largest, now: -5, inMilliseconds: true, absolute: false) == Int64.max)
        let earlier = KeyRecord.string([], expireAt: 9_223_372_036_854_775_307)
        #expect(TimeToLiveCommands.reply(for: earlier, now: 0, inMilliseconds: false, absolute: true) == 9_223_372_036_854_775)
        let past = KeyRecord.string([], expireAt: Int64.min + 1)
        #expect(TimeToLiveCommands.reply(for: past, now: 10, inMilliseconds: true, absolute: false) == 0)
    }

    @Test func test_timeInThePast_deletesTheKey_andAnswersOne() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "a", "v")
        _ = await harness.run("SET", "b", "v")
        _ = await harness.run("SET", "c", "v")
        #expect(await harness.run("EXPIRE", "a", "-1") == .integer(1))
        #expect(await harness.run("PEXPIREAT", "b", String(Self.start)) == .integer(1))
        #expect(await harness.run("EXPIREAT", "c", "0") == .integer(1))
        #expect(await harness.run("DBSIZE") == .integer(0))
        #expect(await harness.run("EXPIRE", "a", "-1") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_conditions_nxXxGtLt() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "k", "v")
        // No expiry: XX and GT refuse (no expiry counts as infinite), LT and NX set it.
        #expect(await harness.run("EXPIRE", "k", "100", "XX") == .integer(0))
        #expect(await harness.run("EXPIRE", "k", "100", "GT") == .integer(0))
        #expect(await harness.run("EXPIRE", "k", "100", "LT") == .integer(1))
        #expect(await harness.run("PERSIST", "k") == .integer(1))
        #expect(await harness.run("EXPIRE", "k", "100", "NX") == .integer(1))
        #expect(await harness.run("EXPIRE", "k", "200", "NX") == .integer(0))
        #expect(await harness.run("EXPIRE", "k", "50", "GT") == .integer(0))
        #expect(await harness.run("EXPIRE", "k", "100", "GT") == .integer(0))
        #expect(await harness.run("EXPIRE", "k", "200", "GT", "XX") == .integer(1))
        #expect(await harness.run("EXPIRE", "k", "300", "LT") == .integer(0))
        #expect(await harness.run("EXPIRE", "k", "200", "lt") == .integer(0))
        #expect(await harness.run("EXPIRE", "k", "150", "LT") == .integer(1))
        #expect(await harness.run("TTL", "k") == .integer(150))
        // A refused condition never deletes, even with a time in the past.
        #expect(await harness.run("EXPIRE", "k", "-1", "NX") == .integer(0))
        #expect(await harness.run("EXISTS", "k") == .integer(1))
        #expect(await harness.run("EXPIRE", "k", "-1", "LT") == .integer(1))
        #expect(await harness.run("EXISTS", "k") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_errors_inRedisOrder() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "k", "v")
        let incompatible = RESPValue.error("ERR NX and XX, GT or LT options at the same time are not compatible")
        #expect(await harness.run("EXPIRE", "k", "10", "NX", "XX") == incompatible)
        #expect(await harness.run("EXPIRE", "k", "10", "nx", "gt") == incompatible)
        #expect(await harness.run("EXPIRE", "k", "10", "LT", "NX") == incompatible)
        #expect(await harness.run("EXPIRE", "k", "10", "GT", "LT") == .error("ERR GT and LT options at the same time are not compatible"))
        #expect(await harness.run("EXPIRE", "k", "10", "foo") == .error("ERR Unsupported option foo"))
        // Options are read before the number, and all of them before judging combinations.
        #expect(await harness.run("EXPIRE", "k", "abc", "NX", "XX", "Bar") == .error("ERR Unsupported option Bar"))
        #expect(await harness.run("EXPIRE", "k", "abc") == .error("ERR value is not an integer or out of range"))
        #expect(await harness.run("EXPIRE", "k", "1.5") == .error("ERR value is not an integer or out of range"))
        #expect(await harness.run("EXPIRE", "k") == .error("ERR wrong number of arguments for 'expire' command"))
        #expect(await harness.run("PERSIST", "k", "x") == .error("ERR wrong number of arguments for 'persist' command"))
        #expect(await harness.run("TTL") == .error("ERR wrong number of arguments for 'ttl' command"))
        #expect(await harness.run("EXISTS", "k") == .integer(1))
        await harness.shutdown()
    }

    @Test func test_hugeTimes_overflowToInvalidExpireTime_withoutTrapping() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "k", "v")
        let max = String(Int64.max)
        #expect(await harness.run("EXPIRE", "k", max) == .error("ERR invalid expire time in 'expire' command"))
        #expect(await harness.run("EXPIRE", "k", "9223372036854776") == .error("ERR invalid expire time in 'expire' command"))
        // Fits after ×1000 but not after adding now.
        #expect(await harness.run("EXPIRE", "k", "9223372036854775") == .error("ERR invalid expire time in 'expire' command"))
        #expect(await harness.run("PEXPIRE", "k", max) == .error("ERR invalid expire time in 'pexpire' command"))
        #expect(await harness.run("EXPIREAT", "k", max) == .error("ERR invalid expire time in 'expireat' command"))
        #expect(await harness.run("EXPIRE", "k", String(Int64.min)) == .error("ERR invalid expire time in 'expire' command"))
        #expect(await harness.run("EXPIRE", "k", "-9223372036854776") == .error("ERR invalid expire time in 'expire' command"))
        #expect(await harness.run("EXISTS", "k") == .integer(1))
        // The largest absolute times are fine.
        #expect(await harness.run("EXPIREAT", "k", "9223372036854775") == .integer(1))
        #expect(await harness.run("PEXPIREAT", "k", max) == .integer(1))
        #expect(await harness.run("PEXPIRETIME", "k") == .integer(Int64.max))
        #expect(await harness.run("EXPIRETIME", "k") == .integer(9_223_372_036_854_776))
        // Very negative times are simply in the past.
        #expect(await harness.run("PEXPIRE", "k", String(Int64.min)) == .integer(1))
        #expect(await harness.run("EXISTS", "k") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_persist_removesOnlyAnExistingExpiry() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "k", "v", "EX", "10")
        _ = await harness.run("SET", "p", "v")
        #expect(await harness.run("PERSIST", "k") == .integer(1))
        #expect(await harness.run("TTL", "k") == .integer(-1))
        #expect(await harness.run("PERSIST", "k") == .integer(0))
        #expect(await harness.run("PERSIST", "p") == .integer(0))
        #expect(await harness.run("PERSIST", "missing") == .integer(0))
        #expect(await harness.run("GET", "k") == .bulk("v"))
        await harness.shutdown()
    }

    @Test func test_expiredKey_cannotBeGivenANewExpiry() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "k", "v", "PX", "10")
        harness.clock.advance(milliseconds: 11)
        #expect(await harness.run("EXPIRE", "k", "100") == .integer(0))
        #expect(await harness.run("PERSIST", "k") == .integer(0))
        #expect(await harness.run("TTL", "k") == .integer(-2))
        await harness.shutdown()
    }
}
