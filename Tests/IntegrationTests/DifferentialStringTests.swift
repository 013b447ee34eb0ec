// Differential tests of the string commands beyond SET/GET, in RESP2 and RESP3 (issue 4).
import Foundation
import TestSupport
import Testing

/// A case whose arguments may be any bytes (bit patterns that are not UTF-8).
private func binaryCase(_ name: String, _ commands: [[[UInt8]]]) -> DifferentialCase {
    DifferentialCase(name: name, requests: commands.map(encodeRequest), replies: commands.count)
}

private func encodeRequest(_ arguments: [[UInt8]]) -> [UInt8] {
    var out = Array("*\(arguments.count)\r\n".utf8)
    for argument in arguments { out += Array("$\(argument.count)\r\n".utf8) + argument + [13, 10] }
    return out
}

private func words(_ words: String...) -> [[UInt8]] {
    words.map { Array($0.utf8) }
}

private let setVariantCases: [DifferentialCase] = [
    .commands("setnx", [["SETNX", "k", "1"], ["SETNX", "k", "2"], ["GET", "k"], ["SETNX", "k"], ["SETNX", "k", "v", "x"], ["SETNX"]]),
    .commands("setex and psetex", [["SETEX", "k", "100", "v"], ["GET", "k"], ["PSETEX", "k", "100000", "w"], ["GET", "k"],
                                   ["SETEX", "k", "0", "v"], ["SETEX", "k", "-1", "v"], ["SETEX", "k", "abc", "v"], ["SETEX", "k", "1.5", "v"],
                                   ["SETEX", "k", "9223372036854775807", "v"], ["PSETEX", "k", "9223372036854775807", "v"],
                                   ["PSETEX", "k", "0", "v"], ["SETEX", "k", "100"], ["PSETEX", "k"], ["GET", "k"],
                                   ["SETEX", "n", "99999999999999999999", "v"], ["EXISTS", "n"]]),
    .commands("getset", [["GETSET", "k", "1"], ["GETSET", "k", "2"], ["GET", "k"], ["SET", "t", "v", "EX", "100"], ["GETSET", "t", "w"],
                         ["GET", "t"], ["GETSET", "k"], ["GETSET", "k", "a", "b"]]),
    .commands("getdel", [["SET", "k", "v"], ["GETDEL", "k"], ["GETDEL", "k"], ["EXISTS", "k"], ["SET", "n", "12"], ["GETDEL", "n"],
                         ["GETDEL"], ["GETDEL", "a", "b"], ["DBSIZE"]]),
    .commands("getex options", [["SET", "k", "v"], ["GETEX", "k"], ["GETEX", "k", "EX", "100"], ["GETEX", "k", "PX", "100000"],
                                ["GETEX", "k", "EXAT", "4000000000"], ["GETEX", "k", "PXAT", "4000000000000"], ["GETEX", "k", "PERSIST"],
                                ["GETEX", "k", "ex", "1", "ex", "100"], ["GETEX", "k", "PXAT", "9223372036854775807"], ["GETEX", "missing"],
                                ["GETEX", "missing", "PERSIST"], ["GET", "k"]]),
    .commands("getex errors", [["SET", "k", "v"], ["GETEX", "missing", "EX", "abc"], ["GETEX", "missing", "EX", "0"],
                               ["GETEX", "k", "EX", "abc"], ["GETEX", "k", "EX", "0"], ["GETEX", "k", "EX", "-1"],
                               ["GETEX", "k", "PX", "9223372036854775807"], ["GETEX", "k", "EX", "9223372036854775807"],
                               ["GETEX", "k", "EXAT", "9223372036854775807"], ["GETEX", "k", "PXAT", "0"], ["GETEX", "k", "EX"],
                               ["GETEX", "missing", "EX"], ["GETEX", "k", "PERSIST", "EX", "1"], ["GETEX", "k", "EX", "1", "PERSIST"],
                               ["GETEX", "k", "EX", "1", "PX", "1"], ["GETEX", "k", "KEEPTTL"], ["GETEX", "k", "NX"], ["GETEX", "k", "GET"],
                               ["GETEX", "k", "FOO"], ["GETEX"], ["GET", "k"]]),
    .commands("getex with a past time deletes", [["SET", "k", "v"], ["GETEX", "k", "PXAT", "1"], ["EXISTS", "k"], ["SET", "k", "v"],
                                                  ["GETEX", "k", "EXAT", "1"], ["GET", "k"], ["DBSIZE"]]),
    .commands("mset and msetnx", [["MSET", "{t}a", "1", "{t}b", "2"], ["MGET", "{t}a", "{t}b"], ["MSET", "{t}a", "3", "{t}a", "4"],
                                  ["GET", "{t}a"], ["MSET", "{t}a"], ["MSET", "{t}a", "1", "{t}b"], ["MSET", "a", "1", "b"], ["MSET"],
                                  ["MSETNX", "{t}c", "1", "{t}d", "2"], ["MSETNX", "{t}c", "5", "{t}e", "6"], ["MGET", "{t}c", "{t}d", "{t}e"],
                                  ["MSETNX", "{t}x", "1", "{t}x", "2"], ["GET", "{t}x"], ["MSETNX", "{t}y", "1", "{t}z"], ["MSETNX", "{t}y"],
                                  ["SET", "{t}t", "v", "EX", "100"], ["MSET", "{t}t", "w"], ["GET", "{t}t"], ["DBSIZE"]]),
]

private let integerCases: [DifferentialCase] = [
    .commands("incr and decr", [["INCR", "n"], ["INCR", "n"], ["DECR", "n"], ["INCRBY", "n", "10"], ["INCRBY", "n", "-20"],
                                ["DECRBY", "n", "5"], ["DECRBY", "n", "-5"], ["GET", "n"], ["DECR", "fresh"], ["DECRBY", "other", "7"],
                                ["SET", "t", "5", "EX", "100"], ["INCR", "t"], ["GET", "t"]]),
    .commands("integer overflow", [["SET", "m", "9223372036854775807"], ["INCR", "m"], ["INCRBY", "m", "0"], ["INCRBY", "m", "1"],
                                   ["DECRBY", "m", "-1"], ["SET", "m", "-9223372036854775808"], ["DECR", "m"], ["INCRBY", "m", "-1"],
                                   ["DECRBY", "m", "9223372036854775807"], ["DECRBY", "m", "-9223372036854775808"],
                                   ["INCRBY", "m", "9223372036854775807"], ["DECRBY", "x", "-9223372036854775808"],
                                   ["INCRBY", "x", "-9223372036854775808"], ["INCRBY", "x", "-1"], ["GET", "m"]]),
    .commands("integer parsing", [["INCRBY", "n", "abc"], ["INCRBY", "n", "1.5"], ["INCRBY", "n", ""], ["INCRBY", "n", " 1"],
                                  ["INCRBY", "n", "+1"], ["INCRBY", "n", "01"], ["INCRBY", "n", "-0"], ["INCRBY", "n", "9223372036854775808"],
                                  ["DECRBY", "n", "1e3"], ["SET", "s", "abc"], ["INCR", "s"], ["SET", "s", " 1"], ["INCR", "s"],
                                  ["SET", "s", "01"], ["DECR", "s"], ["SET", "s", "1.0"], ["INCRBY", "s", "1"], ["SET", "s", ""],
                                  ["INCR", "s"], ["SET", "s", "99999999999999999999"], ["INCR", "s"], ["SET", "s", "-0"], ["INCR", "s"],
                                  ["SET", "s", "0"], ["INCR", "s"], ["EXISTS", "n"]]),
    .commands("integer arity", [["INCR"], ["INCR", "a", "b"], ["DECR"], ["INCRBY", "n"], ["DECRBY", "n", "1", "2"], ["INCRBYFLOAT", "n"]]),
    .raw("pipelined increments keep order", (0..<300).map { "INCR c\($0 % 3)\r\nINCRBY c\($0 % 3) -2\r\n" }.joined(), replies: 600),
]

/// Increments applied one after another to one key: rounding in the 64-bit significand shows up
/// in the 17 decimals Redis writes.
private let floatSteps = ["0.1", "0.2", "-0.3", "1.1e-3", "-7.77", "123456789.987654321", "3.14159265358979323846264338327950288",
                          "-123456789", "1e-17", "5e-18", "2.5", "-1.25e2", "0.333333333333333333333", "1e10", "-9999999999.99",
                          "0x1.8p1", "1E3", ".5", "5.", "+7", "-0"]

private let floatCases: [DifferentialCase] = [
    .commands("incrbyfloat steps", floatSteps.map { ["INCRBYFLOAT", "f", $0] } + [["GET", "f"]]),
    .commands("incrbyfloat on stored numbers", [["SET", "f", "10.50"], ["INCRBYFLOAT", "f", "0.1"], ["SET", "f", "5.0e3"],
                                                ["INCRBYFLOAT", "f", "2.0e2"], ["SET", "f", "9223372036854775807"], ["INCRBYFLOAT", "f", "1"],
                                                ["SET", "f", "0"], ["INCRBYFLOAT", "f", "-0.0000000000000000001"], ["INCRBYFLOAT", "g", "3.7e-4940"],
                                                ["INCRBYFLOAT", "g", "0x1p-16445"], ["SET", "t", "1", "EX", "100"], ["INCRBYFLOAT", "t", "1.5"],
                                                ["INCR", "t"], ["INCRBYFLOAT", "h", "1.5e308"], ["INCRBYFLOAT", "h", "1e4000"],
                                                ["INCRBYFLOAT", "h", "-1e4000"], ["GET", "h"]]),
    .commands("incrbyfloat errors", [["INCRBYFLOAT", "f", "abc"], ["INCRBYFLOAT", "f", " 1"], ["INCRBYFLOAT", "f", "1 "],
                                     ["INCRBYFLOAT", "f", ""], ["INCRBYFLOAT", "f", "nan"], ["INCRBYFLOAT", "f", "inf"],
                                     ["INCRBYFLOAT", "f", "-infinity"], ["INCRBYFLOAT", "f", "1e5000"], ["INCRBYFLOAT", "f", "1e-5000"],
                                     ["INCRBYFLOAT", "f", "0x"], ["INCRBYFLOAT", "f", "1e"], ["INCRBYFLOAT", "f", "1,5"], ["SET", "s", "1.5x"],
                                     ["INCRBYFLOAT", "s", "1"], ["SET", "big", "1e4932"], ["INCRBYFLOAT", "big", "1e4932"],
                                     ["INCRBYFLOAT", "big", "-inf"], ["SET", "i", "inf"], ["INCRBYFLOAT", "i", "-inf"], ["INCRBYFLOAT", "i", "0"],
                                     ["EXISTS", "f"], ["GET", "big"]]),
]

private let rangeCases: [DifferentialCase] = [
    .commands("append and strlen", [["APPEND", "k", "Hello"], ["APPEND", "k", " World"], ["GET", "k"], ["STRLEN", "k"], ["STRLEN", "missing"],
                                    ["APPEND", "e", ""], ["EXISTS", "e"], ["STRLEN", "e"], ["SET", "n", "10"], ["APPEND", "n", "5"],
                                    ["INCR", "n"], ["SET", "t", "v", "EX", "100"], ["APPEND", "t", "w"], ["GET", "t"],
                                    ["APPEND", "b", "\u{0}\r\n"], ["STRLEN", "b"], ["GET", "b"], ["APPEND"], ["APPEND", "k"], ["STRLEN"],
                                    ["STRLEN", "a", "b"]]),
    .commands("getrange", [["SET", "s", "Hello World"], ["GETRANGE", "s", "0", "4"], ["GETRANGE", "s", "-5", "-1"],
                           ["GETRANGE", "s", "-1", "-5"], ["GETRANGE", "s", "5", "1"], ["GETRANGE", "s", "-100", "-90"],
                           ["GETRANGE", "s", "-100", "100"], ["GETRANGE", "s", "0", "9223372036854775807"],
                           ["GETRANGE", "s", "-9223372036854775808", "-1"], ["GETRANGE", "s", "10", "10"], ["GETRANGE", "s", "11", "20"],
                           ["GETRANGE", "s", "3", "-3"], ["GETRANGE", "missing", "0", "-1"], ["GETRANGE", "missing", "x", "1"],
                           ["GETRANGE", "s", "0", "1.5"], ["GETRANGE", "s", "0", "9223372036854775808"], ["SET", "n", "12345"],
                           ["GETRANGE", "n", "1", "-2"], ["SET", "e", ""], ["GETRANGE", "e", "0", "-1"], ["GETRANGE", "e", "-1", "0"],
                           ["GETRANGE", "s", "0"]]),
    .commands("setrange", [["SET", "s", "Hello World"], ["SETRANGE", "s", "6", "Redis"], ["GET", "s"], ["SETRANGE", "p", "3", "hi"],
                           ["GET", "p"], ["SETRANGE", "none", "3", ""], ["EXISTS", "none"], ["SETRANGE", "s", "100", ""],
                           ["SETRANGE", "s", "536870911", "ab"], ["SETRANGE", "s", "536870912", "a"],
                           ["SETRANGE", "s", "9223372036854775807", "a"], ["SETRANGE", "none", "536870912", ""],
                           ["SETRANGE", "none", "536870912", "x"], ["SETRANGE", "s", "-1", "a"], ["SETRANGE", "s", "-1", ""],
                           ["SETRANGE", "s", "1.5", "a"], ["SETRANGE", "s", "x", "a"], ["SET", "n", "10"], ["SETRANGE", "n", "0", "9"],
                           ["GET", "n"], ["SET", "t", "abc", "EX", "100"], ["SETRANGE", "t", "1", "X"], ["GET", "t"],
                           ["SETRANGE", "s", "0"], ["SETRANGE", "s", "0", "a", "b"], ["GET", "s"]]),
]

private let bitCases: [DifferentialCase] = [
    .commands("setbit and getbit", [["SETBIT", "b", "7", "1"], ["SETBIT", "b", "7", "1"], ["GET", "b"], ["SETBIT", "b", "17", "1"],
                                    ["STRLEN", "b"], ["SETBIT", "b", "7", "0"], ["GETBIT", "b", "17"], ["GETBIT", "b", "7"],
                                    ["GETBIT", "b", "4294967295"], ["GETBIT", "missing", "3"], ["SETBIT", "z", "0", "0"], ["STRLEN", "z"],
                                    ["SET", "n", "1"], ["GETBIT", "n", "2"], ["GETBIT", "n", "7"], ["SETBIT", "n", "7", "0"], ["GET", "n"],
                                    ["SET", "t", "a", "EX", "100"], ["SETBIT", "t", "6", "1"], ["GET", "t"]]),
    .commands("setbit and getbit errors", [["SETBIT", "b", "-1", "1"], ["SETBIT", "b", "4294967296", "1"], ["SETBIT", "b", "x", "1"],
                                           ["SETBIT", "b", "9223372036854775807", "1"], ["SETBIT", "b", "1.0", "1"], ["SETBIT", "b", "0", "2"],
                                           ["SETBIT", "b", "0", "-1"], ["SETBIT", "b", "0", "x"], ["SETBIT", "b", "0", "01"],
                                           ["SETBIT", "b", "x", "x"], ["GETBIT", "b", "-1"], ["GETBIT", "b", "4294967296"], ["GETBIT", "b", "x"],
                                           ["GETBIT", "missing", "x"], ["SETBIT", "b", "0"], ["GETBIT", "b"], ["EXISTS", "b"]]),
    .commands("bitcount", [["SET", "foo", "foobar"], ["BITCOUNT", "foo"], ["BITCOUNT", "foo", "0", "0"], ["BITCOUNT", "foo", "1", "1"],
                           ["BITCOUNT", "foo", "1", "1", "byte"], ["BITCOUNT", "foo", "5", "30", "BIT"], ["BITCOUNT", "foo", "-3", "-1", "bit"],
                           ["BITCOUNT", "foo", "-1", "-5", "FOO"], ["BITCOUNT", "foo", "-5", "-1"], ["BITCOUNT", "foo", "3", "1"],
                           ["BITCOUNT", "foo", "0", "1", "FOO"], ["BITCOUNT", "foo", "0"], ["BITCOUNT", "foo", "0", "1", "BIT", "x"],
                           ["BITCOUNT", "foo", "a", "1"], ["BITCOUNT", "foo", "0", "b"], ["BITCOUNT", "missing", "a", "b", "c", "d"],
                           ["BITCOUNT", "foo", "-9223372036854775808", "9223372036854775807", "BIT"], ["BITCOUNT", "foo", "100", "200"],
                           ["BITCOUNT", "foo", "47", "47", "BIT"], ["SET", "n", "12345"], ["BITCOUNT", "n"], ["SET", "e", ""],
                           ["BITCOUNT", "e"], ["BITCOUNT", "e", "0", "-1"], ["BITCOUNT"]]),
    binaryCase("bitpos", [
        words("SET", "a") + [[0xFF, 0xF0, 0x00]], words("BITPOS", "a", "0"), words("BITPOS", "a", "1"),
        words("SET", "b") + [[0x00, 0xFF, 0xF0]], words("BITPOS", "b", "1", "0"), words("BITPOS", "b", "1", "2"),
        words("BITPOS", "b", "1", "2", "-1", "BYTE"), words("BITPOS", "b", "1", "7", "15", "BIT"), words("BITPOS", "b", "0", "1", "1"),
        words("BITPOS", "b", "0", "9", "15", "bit"), words("BITPOS", "b", "0", "9", "19", "bit"), words("BITPOS", "b", "1", "-3", "-1", "BIT"),
        words("SET", "c") + [[0x00, 0x00, 0x00]], words("BITPOS", "c", "1"), words("BITPOS", "c", "1", "7", "-3", "BIT"),
        words("BITPOS", "c", "0", "-1"), words("SET", "ones") + [[0xFF, 0xFF]], words("BITPOS", "ones", "0"), words("BITPOS", "ones", "0", "0"),
        words("BITPOS", "ones", "0", "0", "-1"), words("BITPOS", "ones", "0", "1", "1", "BIT"), words("BITPOS", "ones", "0", "3", "BIT"),
        words("BITPOS", "ones", "0", "9", "-1", "BIT"), words("BITPOS", "ones", "1", "5", "3"), words("BITPOS", "ones", "1", "-1", "-2"),
        words("BITPOS", "ones", "0", "-9223372036854775808", "9223372036854775807", "BIT"), words("BITPOS", "ones", "1", "100"),
        words("BITPOS", "missing", "0"), words("BITPOS", "missing", "1", "x"), words("BITPOS", "ones", "2"), words("BITPOS", "ones", "x"),
        words("BITPOS", "ones", "-1"), words("BITPOS", "ones", "0", "x", "1", "FOO"), words("BITPOS", "ones", "0", "0", "x", "FOO"),
        words("BITPOS", "ones", "0", "0", "1", "BIT", "x"), words("SET", "e", ""), words("BITPOS", "e", "0"), words("BITPOS", "e", "1"),
        words("BITPOS", "e", "0", "0", "-1"), words("SET", "n", "12"), words("BITPOS", "n", "1"), words("BITPOS", "n", "0", "1"),
        words("BITPOS", "ones"),
    ]),
    binaryCase("bitop", [
        words("SET", "{t}a") + [[0xF0, 0x0F, 0xAA]], words("SET", "{t}b") + [[0xFF, 0x01]],
        words("BITOP", "AND", "{t}d", "{t}a", "{t}b"), words("GET", "{t}d"), words("BITOP", "or", "{t}d", "{t}a", "{t}b", "{t}missing"),
        words("GET", "{t}d"), words("BITOP", "Xor", "{t}d", "{t}a", "{t}b"), words("GET", "{t}d"), words("BITOP", "NOT", "{t}d", "{t}b"),
        words("GET", "{t}d"), words("BITOP", "AND", "{t}d", "{t}a", "{t}a"), words("GET", "{t}d"),
        words("BITOP", "XOR", "{t}d", "{t}a", "{t}a", "{t}a"), words("GET", "{t}d"), words("BITOP", "AND", "{t}d", "{t}missing"),
        words("EXISTS", "{t}d"), words("BITOP", "NOT", "{t}d", "{t}a", "{t}b"), words("BITOP", "NAND", "{t}d", "{t}a"),
        words("BITOP", "NOT", "{t}d"), words("BITOP", "AND", "{t}d"), words("SET", "{t}t", "v", "EX", "100"),
        words("BITOP", "OR", "{t}t", "{t}b"), words("GET", "{t}t"), words("SET", "{t}n", "12"), words("BITOP", "NOT", "{t}d", "{t}n"),
        words("GET", "{t}d"), words("BITOP", "AND", "{t}a", "{t}a", "{t}b"), words("GET", "{t}a"), words("DBSIZE"),
    ]),
]

/// Every case starts from an empty keyspace and includes the commands' errors; keys that meet
/// in one command share a hash tag.
@Suite struct DifferentialStringTests {
    @Test func test_stringCommands_matchRedisInBothProtocols() async throws {
        try await compare(setVariantCases + integerCases + floatCases + rangeCases + bitCases, resp3: true, flushBetweenCases: true)
    }

    @Test func test_listedDivergence_crossSlotMultiKeyWrites() async throws {
        // docs/COMPATIBILITY.md: keys of one multi-key write must share a slot (DESIGN §5);
        // Redis without cluster mode accepts them.
        let (node, port) = try await NodeProcess.startSingle()
        defer { node.signal(SIGKILL) }
        let replies = await BlockingTask { () -> [[UInt8]?] in
            guard let client = RESPTestClient(port: port) else { return [] }
            return [["MSET", "a", "1", "b", "2"], ["MSETNX", "a", "1", "b", "2"], ["BITOP", "AND", "a", "b"], ["BITOP", "OR", "{x}d", "{x}s", "b"],
                    ["MSET", "a", "1", "b"], ["MSET", "{x}a", "1", "{x}b", "2"], ["DBSIZE"]].map { client.command($0) }
        }.value
        let crossSlot = Array("-CROSSSLOT Keys in request don't hash to the same slot\r\n".utf8)
        #expect(replies == [crossSlot, crossSlot, crossSlot, crossSlot,
                            Array("-ERR wrong number of arguments for 'mset' command\r\n".utf8), Array("+OK\r\n".utf8), Array(":2\r\n".utf8)])
        #expect(await node.stop() == 0)
    }
}
