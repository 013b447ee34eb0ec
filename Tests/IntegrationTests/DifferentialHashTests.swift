// Differential tests of the hash commands against redis-server 7.0, in RESP2 and RESP3, each
// case from an empty keyspace. Replies whose order Redis leaves unspecified (HKEYS, HVALS,
// HGETALL) are compared as multisets, random picks by shape.
import Foundation
import TestSupport
import Testing

private let writeCases: [DifferentialCase] = [
    .commands("hset hget hmget", [["HSET", "h", "a", "1", "b", "2"], ["HSET", "h", "a", "3", "c", "4"], ["HGET", "h", "a"], ["HGET", "h", "x"],
                                  ["HGET", "nope", "a"], ["HMGET", "h", "a", "x", "c"], ["HMGET", "nope", "a", "b"], ["HLEN", "h"], ["HLEN", "nope"],
                                  ["HMSET", "h", "d", "5"], ["HMSET", "h", "d"], ["HSET", "h", "a"], ["HSET", "h"], ["HGET", "h"], ["HMGET", "h"],
                                  ["TYPE", "h"], ["HSET", "h", "a", "1", "b"]]),
    .commands("hsetnx hdel hexists hstrlen", [["HSETNX", "h", "a", "1"], ["HSETNX", "h", "a", "2"], ["HGET", "h", "a"], ["HEXISTS", "h", "a"],
                                             ["HEXISTS", "h", "b"], ["HEXISTS", "nope", "a"], ["HSTRLEN", "h", "a"], ["HSTRLEN", "h", "b"],
                                             ["HSTRLEN", "nope", "a"], ["HSET", "h", "b", "hello"], ["HSTRLEN", "h", "b"], ["HDEL", "h", "a", "a", "x"],
                                             ["HDEL", "nope", "a"], ["HLEN", "h"], ["HDEL", "h", "b"], ["EXISTS", "h"], ["TYPE", "h"], ["HDEL", "h"]]),
    .commands("hkeys hvals hgetall", [["HSET", "h", "f1", "v1", "f2", "v2", "f3", "v3"], ["HKEYS", "h"], ["HVALS", "h"], ["HGETALL", "h"],
                                      ["HKEYS", "nope"], ["HVALS", "nope"], ["HGETALL", "nope"], ["HGETALL", "h", "x"]],
              mode: .sortedAt([1, 2, 3])),
    .commands("binary fields and values with 0x00", [["HSET", "b\u{0}in", "f\u{0}1", "v\u{0}1", "", ""], ["HGET", "b\u{0}in", "f\u{0}1"],
                                                      ["HGET", "b\u{0}in", ""], ["HSTRLEN", "b\u{0}in", "f\u{0}1"], ["HEXISTS", "b\u{0}in", "f"],
                                                      ["HLEN", "b\u{0}in"], ["HGETALL", "b\u{0}in"]],
              mode: .sortedAt([6])),
    .commands("hincrby", [["HINCRBY", "h", "n", "5"], ["HINCRBY", "h", "n", "-7"], ["HINCRBY", "h", "n", "x"], ["HSET", "h", "s", "abc"],
                          ["HINCRBY", "h", "s", "1"], ["HINCRBY", "h", "n", "9223372036854775807"], ["HSET", "h", "m", "9223372036854775807"],
                          ["HINCRBY", "h", "m", "1"], ["HINCRBY", "h", "m", "-1"], ["HSET", "h", "sp", " 1"], ["HINCRBY", "h", "sp", "1"],
                          ["HINCRBY", "h", "n", "1.5"], ["HGET", "h", "n"], ["HINCRBY", "h", "n"]]),
    .commands("hincrbyfloat", [["HINCRBYFLOAT", "h", "f", "10.5"], ["HINCRBYFLOAT", "h", "f", "0.1"], ["HINCRBYFLOAT", "h", "f", "-5.0e3"],
                               ["HINCRBYFLOAT", "h", "f", "x"], ["HINCRBYFLOAT", "h", "f", "inf"], ["HINCRBYFLOAT", "h", "f", "nan"],
                               ["HSET", "h", "s", "abc"], ["HINCRBYFLOAT", "h", "s", "1"], ["HSET", "h", "i", "3"], ["HINCRBYFLOAT", "h", "i", "1.25"],
                               ["HSET", "h", "big", "1.7e308"], ["HINCRBYFLOAT", "h", "big", "1.7e308"], ["HINCRBYFLOAT", "h", "z", "5.0e3"],
                               ["HGET", "h", "f"]]),
    .commands("wrong types", [["SET", "s", "v"], ["HSET", "s", "a", "1"], ["HSETNX", "s", "a", "1"], ["HGET", "s", "a"], ["HMGET", "s", "a"],
                              ["HDEL", "s", "a"], ["HLEN", "s"], ["HSTRLEN", "s", "a"], ["HEXISTS", "s", "a"], ["HKEYS", "s"], ["HVALS", "s"],
                              ["HGETALL", "s"], ["HINCRBY", "s", "a", "1"], ["HINCRBY", "s", "a", "x"], ["HINCRBYFLOAT", "s", "a", "1"],
                              ["HRANDFIELD", "s"], ["HRANDFIELD", "s", "1"], ["HSCAN", "s", "0"], ["HMSET", "s", "a", "1"],
                              ["HSET", "h", "a", "1"], ["GET", "h"], ["APPEND", "h", "x"], ["INCR", "h"], ["STRLEN", "h"], ["SETRANGE", "h", "0", "x"],
                              ["GETRANGE", "h", "0", "1"], ["MGET", "h", "s"], ["GETDEL", "h"], ["SADD", "h", "x"], ["SET", "h", "v"], ["TYPE", "h"],
                              ["HGET", "h", "a"]]),
    .commands("overwritten and deleted hashes lose their fields", [
        ["HSET", "h", "a", "1", "b", "2"], ["SET", "h", "s"], ["HSET", "h", "c", "3"], ["DEL", "h"], ["HSET", "h", "c", "3"], ["HGETALL", "h"],
        ["HLEN", "h"], ["DEL", "h"], ["HGET", "h", "a"], ["HSET", "h", "a", "x"], ["EXPIRE", "h", "100"], ["TTL", "h"], ["HSET", "h", "b", "y"],
        ["TTL", "h"], ["HDEL", "h", "a", "b"], ["TTL", "h"], ["HGET", "h", "a"],
    ]),
    .commands("rename and copy of hashes", [
        ["HSET", "{k}a", "f", "1", "g", "2"], ["EXPIRE", "{k}a", "100"], ["RENAME", "{k}a", "{k}b"], ["HGETALL", "{k}a"], ["HGET", "{k}b", "g"],
        ["TTL", "{k}b"], ["COPY", "{k}b", "{k}c"], ["HSET", "{k}c", "f", "changed"], ["HGET", "{k}b", "f"], ["HGET", "{k}c", "f"],
        ["SET", "{k}d", "s"], ["RENAME", "{k}b", "{k}d"], ["HLEN", "{k}d"], ["TYPE", "{k}d"], ["HSET", "{k}e", "x", "1"],
        ["COPY", "{k}d", "{k}e"], ["COPY", "{k}d", "{k}e", "REPLACE"], ["HKEYS", "{k}e"], ["RENAMENX", "{k}c", "{k}e"], ["DBSIZE"],
    ]),
    .commands("scan type", [["HSET", "h", "a", "1"], ["SET", "s", "v"], ["SCAN", "0", "TYPE", "hash", "COUNT", "1000"],
                            ["SCAN", "0", "TYPE", "HASH", "COUNT", "1000"]]),
]

private let randomAndScanCases: [DifferentialCase] = [
    .commands("hrandfield one", [["HSET", "h", "only", "v"], ["HRANDFIELD", "h"], ["HRANDFIELD", "h", "1"], ["HRANDFIELD", "h", "-3"],
                                 ["HRANDFIELD", "h", "5"], ["HRANDFIELD", "nope"], ["HRANDFIELD", "nope", "3"], ["HRANDFIELD", "h", "0"],
                                 ["HRANDFIELD", "h", "x"], ["HRANDFIELD", "h", "1", "foo"], ["HRANDFIELD", "h", "1", "WITHVALUES", "x"],
                                 ["HRANDFIELD", "h", "-9223372036854775808"], ["HRANDFIELD", "nope", "x"], ["HRANDFIELD", "h", "0", "WITHVALUES"]]),
    .commands("hrandfield many", [["HSET", "h", "a", "1", "b", "2", "c", "3"], ["HRANDFIELD", "h"], ["HRANDFIELD", "h", "2"],
                                  ["HRANDFIELD", "h", "-5"], ["HRANDFIELD", "h", "10"]],
              mode: .shape),
    .commands("hscan", [["HSET", "h", "a", "1", "bb", "2", "c\u{0}", "3"], ["HSCAN", "h", "0", "MATCH", "b*"], ["HSCAN", "nope", "0"],
                        ["HSCAN", "h", "x"], ["HSCAN", "h", "0", "COUNT", "0"], ["HSCAN", "h", "0", "COUNT", "x"], ["HSCAN", "h", "0", "TYPE", "hash"],
                        ["HSCAN", "h", "0", "FOO", "1"], ["HSCAN", "h", "0", "MATCH"], ["HSCAN", "h"], ["HSCAN", "h", "0", "MATCH", "zz*"]]),
]

/// HRANDFIELD WITHVALUES: RESP3 nests the field/value pairs, RESP2 flattens them.
private let randomWithValuesCases: [DifferentialCase] = [
    .commands("hrandfield withvalues", [["HSET", "h", "only", "v"], ["HRANDFIELD", "h", "1", "WITHVALUES"], ["HRANDFIELD", "h", "-2", "withvalues"],
                                        ["HRANDFIELD", "h", "3", "WITHVALUES"],
                                        ["HRANDFIELD", "h", "4611686018427387903", "WITHVALUES"], ["HRANDFIELD", "h", "4611686018427387904", "WITHVALUES"],
                                        ["HRANDFIELD", "nope", "-4611686018427387904", "WITHVALUES"], ["HRANDFIELD", "h", "9223372036854775807"],
                                        ["HRANDFIELD", "nope", "9223372036854775807", "withvalues"]]),
    .commands("hrandfield withvalues many", [["HSET", "h", "a", "1", "b", "2", "c", "3"], ["HRANDFIELD", "h", "2", "WITHVALUES"],
                                             ["HRANDFIELD", "h", "-5", "WITHVALUES"], ["HRANDFIELD", "h", "10", "WITHVALUES"]],
              mode: .shape),
]

@Suite struct DifferentialHashTests {
    @Test func test_hashWrites_matchRedisInBothProtocols() async throws {
        try await compare(writeCases, resp3: true, flushBetweenCases: true)
    }

    @Test func test_hashRandomFieldAndScan_matchRedisInBothProtocols() async throws {
        try await compare(randomAndScanCases, resp3: true, flushBetweenCases: true)
    }

    @Test func test_hashRandomFieldWithValues_matchesRedisInBothProtocols() async throws {
        try await compare(randomWithValuesCases, resp3: true, flushBetweenCases: true)
    }
}
