// INCR, DECR, INCRBY, DECRBY and INCRBYFLOAT through the store: overflow, bad numbers, TTLs, texts.
import RESP
@testable import Store
import Testing

@Suite struct IncrementCommandTests {
    @Test func test_integerCommands_countFromZero() async throws {
        let harness = try StoreHarness.forStrings()
        #expect(await harness.run("INCR", "n") == .integer(1))
        #expect(await harness.run("INCRBY", "n", "41") == .integer(42))
        #expect(await harness.run("DECR", "n") == .integer(41))
        #expect(await harness.run("DECRBY", "n", "-9") == .integer(50))
        #expect(await harness.run("DECRBY", "m", "5") == .integer(-5))
        #expect(await harness.run("GET", "n") == bulk("50"))
        await harness.shutdown()
    }

    @Test func test_integerCommands_neverOverflow() async throws {
        let harness = try StoreHarness.forStrings()
        let overflow = RESPValue.error("ERR increment or decrement would overflow")
        _ = await harness.run("SET", "max", "9223372036854775807")
        #expect(await harness.run("INCR", "max") == overflow)
        #expect(await harness.run("INCRBY", "max", "-9223372036854775808") == .integer(-1))
        _ = await harness.run("SET", "min", "-9223372036854775808")
        #expect(await harness.run("DECR", "min") == overflow)
        #expect(await harness.run("INCRBY", "min", "-1") == overflow)
        #expect(await harness.run("DECRBY", "min", "1") == overflow)
        #expect(await harness.run("DECRBY", "x", "-9223372036854775808") == .error("ERR decrement would overflow"))
        #expect(await harness.run("INCRBY", "x", "9223372036854775808") == notAnInteger)
        #expect(await harness.run("GET", "min") == bulk("-9223372036854775808"))
        #expect(await harness.run("EXISTS", "x") == .integer(0))
        await harness.shutdown()
    }

    @Test(arguments: ["abc", "", " 1", "1 ", "01", "+1", "-0", "1.0", "1e3", "99999999999999999999"])
    func test_integerCommands_refuseNonIntegers(_ text: String) async throws {
        let harness = try StoreHarness.forStrings()
        _ = await harness.run("SET", "k", text)
        #expect(await harness.run("INCR", "k") == notAnInteger)
        #expect(await harness.run("INCRBY", "n", text) == notAnInteger)
        #expect(await harness.run("GET", "k") == bulk(text))
        await harness.shutdown()
    }

    @Test func test_increments_keepTheTTL() async throws {
        let harness = try StoreHarness.forStrings()
        _ = await harness.run("SET", "n", "1", "PX", "100")
        _ = await harness.run("SET", "f", "1", "PX", "100")
        #expect(await harness.run("INCR", "n") == .integer(2))
        #expect(await harness.run("INCRBYFLOAT", "f", "0.5") == bulk("1.5"))
        harness.clock.advance(milliseconds: 101)
        #expect(await harness.run("MGET", "n", "f") == .array([.nullBulk, .nullBulk]))
        #expect(await harness.run("INCR", "n") == .integer(1), "an expired key starts from zero")
        await harness.shutdown()
    }

    @Test func test_wrongType_comesBeforeTheIncrementCheck_onlyForFloats() async throws {
        let harness = try StoreHarness.forStrings()
        _ = await harness.run("MAKELIST", "l")
        #expect(await harness.run("INCR", "l") == wrongType)
        // INCRBY reads its increment first, INCRBYFLOAT looks at the key first (as in Redis).
        #expect(await harness.run("INCRBY", "l", "x") == notAnInteger)
        #expect(await harness.run("INCRBYFLOAT", "l", "x") == wrongType)
        await harness.shutdown()
    }

    @Test func test_incrbyfloat_writesRedisTexts() async throws {
        let harness = try StoreHarness.forStrings()
        #expect(await harness.run("INCRBYFLOAT", "f", "0.1") == bulk("0.1"))
        #expect(await harness.run("INCRBYFLOAT", "f", "0.2") == bulk("0.3"))
        #expect(await harness.run("INCRBYFLOAT", "f", "-0.3") == bulk("0"))
        #expect(await harness.run("INCRBYFLOAT", "f", "1e2") == bulk("100"))
        #expect(await harness.run("INCRBYFLOAT", "f", "-0.0000000000000000001") == bulk("100"), "below half a unit of 100")
        #expect(await harness.run("INCRBYFLOAT", "f", "-0.00000000000001") == bulk("99.99999999999999"))
        _ = await harness.run("SET", "g", "10.50")
        #expect(await harness.run("INCRBYFLOAT", "g", "0.1") == bulk("10.6"))
        _ = await harness.run("SET", "h", "5.0e3")
        #expect(await harness.run("INCRBYFLOAT", "h", "2.0e2") == bulk("5200"))
        #expect(await harness.run("GET", "h") == bulk("5200"))
        #expect(await harness.run("INCRBYFLOAT", "z", "-0.0000000000000000001") == bulk("0"), "-0 is written as 0")
        await harness.shutdown()
    }

    @Test func test_incrbyfloat_refusesBadNumbersAndInfinities() async throws {
        let harness = try StoreHarness.forStrings()
        let notAFloat = RESPValue.error("ERR value is not a valid float")
        let notFinite = RESPValue.error("ERR increment would produce NaN or Infinity")
        #expect(await harness.run("INCRBYFLOAT", "f", "abc") == notAFloat)
        #expect(await harness.run("INCRBYFLOAT", "f", " 1") == notAFloat)
        #expect(await harness.run("INCRBYFLOAT", "f", "nan") == notAFloat)
        #expect(await harness.run("INCRBYFLOAT", "f", "1e5000") == notAFloat)
        #expect(await harness.run("INCRBYFLOAT", "f", "inf") == notFinite)
        _ = await harness.run("SET", "big", "1e4932")
        #expect(await harness.run("INCRBYFLOAT", "big", "1e4932") == notFinite)
        _ = await harness.run("SET", "s", "1.5x")
        #expect(await harness.run("INCRBYFLOAT", "s", "1") == notAFloat)
        #expect(await harness.run("EXISTS", "f") == .integer(0))
        #expect(await harness.run("GET", "big") == bulk("1e4932"))
        await harness.shutdown()
    }
}
