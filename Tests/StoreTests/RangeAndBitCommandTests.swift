// APPEND, STRLEN, GETRANGE, SETRANGE and the bit commands through the store, edge cases first.
import RESP
@testable import Store
import Testing

@Suite struct RangeAndBitCommandTests {
    private func bytes(_ values: [UInt8]) -> RESPValue {
        .bulk(values)
    }

    @Test func test_appendAndStrlen() async throws {
        let harness = try StoreHarness.forStrings()
        #expect(await harness.run("APPEND", "k", "") == .integer(0))
        #expect(await harness.run("EXISTS", "k") == .integer(1), "APPEND creates the key even with nothing to append")
        #expect(await harness.run("APPEND", "k", "Hello") == .integer(5))
        _ = await harness.run("SET", "t", "a", "PX", "100")
        #expect(await harness.run("APPEND", "t", "bc") == .integer(3))
        #expect(await harness.run("STRLEN", "t") == .integer(3))
        harness.clock.advance(milliseconds: 101)
        #expect(await harness.run("STRLEN", "t") == .integer(0), "APPEND kept the TTL")
        #expect(await harness.run("STRLEN", "k") == .integer(5))
        _ = await harness.run("MAKELIST", "l")
        #expect(await harness.run("APPEND", "l", "x") == wrongType)
        #expect(await harness.run("STRLEN", "l") == wrongType)
        await harness.shutdown()
    }

    @Test func test_getrange_negativeAndHugeIndexes() async throws {
        let harness = try StoreHarness.forStrings()
        _ = await harness.run("SET", "s", "Hello World")
        #expect(await harness.run("GETRANGE", "s", "0", "4") == bulk("Hello"))
        #expect(await harness.run("GETRANGE", "s", "-5", "-1") == bulk("World"))
        #expect(await harness.run("GETRANGE", "s", "-1", "-5") == bulk(""))
        #expect(await harness.run("GETRANGE", "s", "5", "1") == bulk(""))
        #expect(await harness.run("GETRANGE", "s", "-100", "-90") == bulk("H"), "both clamp to the first byte")
        #expect(await harness.run("GETRANGE", "s", "0", "9223372036854775807") == bulk("Hello World"))
        #expect(await harness.run("GETRANGE", "s", "-9223372036854775808", "-1") == bulk("Hello World"))
        #expect(await harness.run("GETRANGE", "missing", "0", "-1") == bulk(""))
        #expect(await harness.run("GETRANGE", "missing", "x", "1") == notAnInteger, "the indexes are read first")
        _ = await harness.run("SET", "empty", "")
        #expect(await harness.run("GETRANGE", "empty", "0", "-1") == bulk(""))
        await harness.shutdown()
    }

    @Test func test_setrange_padsWithZeros_andRefusesHugeOffsets() async throws {
        let harness = try StoreHarness.forStrings()
        _ = await harness.run("SET", "s", "Hello World")
        #expect(await harness.run("SETRANGE", "s", "6", "Redis") == .integer(11))
        #expect(await harness.run("GET", "s") == bulk("Hello Redis"))
        #expect(await harness.run("SETRANGE", "p", "3", "hi") == .integer(5))
        #expect(await harness.run("GET", "p") == bytes([0, 0, 0, 104, 105]))
        #expect(await harness.run("SETRANGE", "none", "3", "") == .integer(0))
        #expect(await harness.run("EXISTS", "none") == .integer(0), "setting nothing does not create the key")
        #expect(await harness.run("SETRANGE", "s", "100", "") == .integer(11))
        let tooLong = RESPValue.error("ERR string exceeds maximum allowed size (proto-max-bulk-len)")
        #expect(await harness.run("SETRANGE", "s", "536870911", "ab") == tooLong)
        #expect(await harness.run("SETRANGE", "s", "9223372036854775807", "a") == tooLong, "no overflow past Int64.max")
        #expect(await harness.run("SETRANGE", "s", "-1", "a") == .error("ERR offset is out of range"))
        #expect(await harness.run("SETRANGE", "s", "1.5", "a") == notAnInteger)
        _ = await harness.run("MAKELIST", "l")
        #expect(await harness.run("SETRANGE", "l", "0", "") == wrongType)
        #expect(await harness.run("SETRANGE", "l", "-1", "a") == .error("ERR offset is out of range"), "the offset is checked first")
        await harness.shutdown()
    }

    @Test func test_maximumLength_isRedisDefault_andOverflowSafe() {
        #expect(StringCommands.fitsMaximumLength(536_870_911, adding: 1))
        #expect(!StringCommands.fitsMaximumLength(536_870_912, adding: 1))
        #expect(!StringCommands.fitsMaximumLength(.max, adding: 1))
    }

    @Test func test_setbitAndGetbit() async throws {
        let harness = try StoreHarness.forStrings()
        #expect(await harness.run("SETBIT", "b", "7", "1") == .integer(0))
        #expect(await harness.run("SETBIT", "b", "7", "1") == .integer(1))
        #expect(await harness.run("GET", "b") == bytes([1]))
        #expect(await harness.run("SETBIT", "b", "17", "1") == .integer(0))
        #expect(await harness.run("GET", "b") == bytes([1, 0, 0x40]))
        #expect(await harness.run("SETBIT", "b", "7", "0") == .integer(1))
        #expect(await harness.run("GETBIT", "b", "17") == .integer(1))
        #expect(await harness.run("GETBIT", "b", "7") == .integer(0))
        #expect(await harness.run("GETBIT", "b", "4294967295") == .integer(0), "past the end reads 0")
        #expect(await harness.run("GETBIT", "missing", "3") == .integer(0))
        #expect(await harness.run("SETBIT", "z", "0", "0") == .integer(0))
        #expect(await harness.run("GET", "z") == bytes([0]), "setting a bit to 0 still creates the key")
        await harness.shutdown()
    }

    @Test func test_setbit_refusesBadOffsetsAndBits_beforeTheType() async throws {
        let harness = try StoreHarness.forStrings()
        let offsetError = RESPValue.error("ERR bit offset is not an integer or out of range")
        let bitError = RESPValue.error("ERR bit is not an integer or out of range")
        _ = await harness.run("MAKELIST", "l")
        for offset in ["-1", "4294967296", "9223372036854775807", "x", "1.0", ""] {
            #expect(await harness.run("SETBIT", "l", offset, "1") == offsetError, "\(offset)")
            #expect(await harness.run("GETBIT", "l", offset) == offsetError, "\(offset)")
        }
        for bit in ["2", "-1", "x", "01"] {
            #expect(await harness.run("SETBIT", "l", "0", bit) == bitError, "\(bit)")
        }
        #expect(await harness.run("SETBIT", "l", "0", "1") == wrongType)
        #expect(await harness.run("GETBIT", "l", "0") == wrongType)
        await harness.shutdown()
    }

    @Test func test_bitcount_byteAndBitRanges() async throws {
        let harness = try StoreHarness.forStrings()
        _ = await harness.run("SET", "foo", "foobar")
        #expect(await harness.run("BITCOUNT", "foo") == .integer(26))
        #expect(await harness.run("BITCOUNT", "foo", "0", "0") == .integer(4))
        #expect(await harness.run("BITCOUNT", "foo", "1", "1") == .integer(6))
        #expect(await harness.run("BITCOUNT", "foo", "1", "1", "byte") == .integer(6))
        #expect(await harness.run("BITCOUNT", "foo", "5", "30", "BIT") == .integer(17))
        #expect(await harness.run("BITCOUNT", "foo", "-3", "-1", "BIT") == .integer(1))
        #expect(await harness.run("BITCOUNT", "foo", "-1", "-5", "FOO") == .integer(0), "Redis answers 0 before reading the unit")
        #expect(await harness.run("BITCOUNT", "foo", "0", "1", "FOO") == .error("ERR syntax error"))
        #expect(await harness.run("BITCOUNT", "foo", "0") == .error("ERR syntax error"))
        #expect(await harness.run("BITCOUNT", "foo", "a", "1") == notAnInteger)
        #expect(await harness.run("BITCOUNT", "missing", "a", "b", "c", "d") == .integer(0), "Redis 7.0 looks the key up first")
        #expect(await harness.run("BITCOUNT", "foo", "-9223372036854775808", "9223372036854775807", "BIT") == .integer(26))
        await harness.shutdown()
    }

    @Test func test_bitpos_setAndClearBits() async throws {
        let harness = try StoreHarness.forStrings()
        _ = await harness.run([Array("SET".utf8), Array("a".utf8), [0xFF, 0xF0, 0x00]])
        #expect(await harness.run("BITPOS", "a", "0") == .integer(12))
        _ = await harness.run([Array("SET".utf8), Array("b".utf8), [0x00, 0xFF, 0xF0]])
        #expect(await harness.run("BITPOS", "b", "1", "0") == .integer(8))
        #expect(await harness.run("BITPOS", "b", "1", "2") == .integer(16))
        #expect(await harness.run("BITPOS", "b", "1", "2", "-1", "BYTE") == .integer(16))
        #expect(await harness.run("BITPOS", "b", "1", "7", "15", "BIT") == .integer(8))
        _ = await harness.run([Array("SET".utf8), Array("c".utf8), [0x00, 0x00, 0x00]])
        #expect(await harness.run("BITPOS", "c", "1") == .integer(-1))
        #expect(await harness.run("BITPOS", "c", "1", "7", "-3", "BIT") == .integer(-1))
        _ = await harness.run([Array("SET".utf8), Array("ones".utf8), [0xFF, 0xFF]])
        #expect(await harness.run("BITPOS", "ones", "0") == .integer(16), "without an end the string continues with zeros")
        #expect(await harness.run("BITPOS", "ones", "0", "0") == .integer(16))
        #expect(await harness.run("BITPOS", "ones", "0", "0", "-1") == .integer(-1), "with an end it does not")
        #expect(await harness.run("BITPOS", "ones", "0", "1", "1", "BIT") == .integer(-1))
        #expect(await harness.run("BITPOS", "missing", "0") == .integer(0))
        #expect(await harness.run("BITPOS", "missing", "1", "x") == .integer(-1), "a missing key answers before the range is read")
        #expect(await harness.run("BITPOS", "ones", "2") == .error("ERR The bit argument must be 1 or 0."))
        #expect(await harness.run("BITPOS", "ones", "0", "3", "BIT") == notAnInteger)
        #expect(await harness.run("BITPOS", "ones", "0", "x", "1", "FOO") == notAnInteger, "the start is read before the unit")
        #expect(await harness.run("BITPOS", "ones", "0", "0", "x", "FOO") == .error("ERR syntax error"), "the unit before the end")
        _ = await harness.run("SET", "empty", "")
        #expect(await harness.run("BITPOS", "empty", "0") == .integer(-1))
        await harness.shutdown()
    }

    @Test func test_bitop_combinesPaddedSources() async throws {
        let harness = try StoreHarness.forStrings()
        _ = await harness.run([Array("SET".utf8), Array("{t}a".utf8), [0xF0, 0x0F, 0xAA]])
        _ = await harness.run([Array("SET".utf8), Array("{t}b".utf8), [0xFF, 0x01]])
        #expect(await harness.run("BITOP", "AND", "{t}d", "{t}a", "{t}b") == .integer(3))
        #expect(await harness.run("GET", "{t}d") == bytes([0xF0, 0x01, 0x00]))
        #expect(await harness.run("BITOP", "or", "{t}d", "{t}a", "{t}b", "{t}missing") == .integer(3))
        #expect(await harness.run("GET", "{t}d") == bytes([0xFF, 0x0F, 0xAA]))
        #expect(await harness.run("BITOP", "XOR", "{t}d", "{t}a", "{t}b") == .integer(3))
        #expect(await harness.run("GET", "{t}d") == bytes([0x0F, 0x0E, 0xAA]))
        #expect(await harness.run("BITOP", "NOT", "{t}d", "{t}b") == .integer(2))
        #expect(await harness.run("GET", "{t}d") == bytes([0x00, 0xFE]))
        #expect(await harness.run("BITOP", "AND", "{t}d", "{t}missing") == .integer(0))
        #expect(await harness.run("EXISTS", "{t}d") == .integer(0), "an empty result deletes the destination")
        #expect(await harness.run("BITOP", "NOT", "{t}d", "{t}a", "{t}b") == .error("ERR BITOP NOT must be called with a single source key."))
        #expect(await harness.run("BITOP", "NAND", "{t}d", "{t}a") == .error("ERR syntax error"))
        #expect(await harness.run("BITOP", "AND", "d", "{t}a") == .error("CROSSSLOT Keys in request don't hash to the same slot"))
        _ = await harness.run("MAKELIST", "{t}l")
        #expect(await harness.run("BITOP", "OR", "{t}d", "{t}a", "{t}l") == wrongType)
        #expect(await harness.run("BITOP", "OR", "{t}l", "{t}a") == .integer(3), "the destination is replaced whatever its type")
        await harness.shutdown()
    }
}
