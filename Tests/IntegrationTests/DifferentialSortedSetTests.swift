// Differential tests of the sorted set commands against redis-server 7.0, in RESP2 and RESP3,
// each case from an empty keyspace: replies, errors, score spellings, binary members.
import Foundation
import TestSupport
import Testing

private let writeCases: [DifferentialCase] = [
    .commands("zadd zscore zcard zrem", [["ZADD", "z", "1", "a", "2", "b", "1.5", "a"], ["ZSCORE", "z", "a"], ["ZSCORE", "z", "x"],
                                         ["ZSCORE", "nope", "a"], ["ZCARD", "z"], ["ZCARD", "nope"], ["ZREM", "z", "a", "x", "a"],
                                         ["ZREM", "nope", "a"], ["ZCARD", "z"], ["ZREM", "z", "b"], ["EXISTS", "z"], ["ZADD", "z", "3.14", "pi"],
                                         ["ZSCORE", "z", "pi"], ["TYPE", "z"], ["ZADD", "z"], ["ZADD", "z", "1"], ["ZREM", "z"], ["ZCARD", "z", "x"],
                                         ["ZSCORE", "z"]]),
    .commands("zadd flags", [["ZADD", "z", "1", "a"], ["ZADD", "z", "NX", "5", "a", "2", "b"], ["ZADD", "z", "XX", "5", "a", "3", "c"],
                             ["ZADD", "z", "CH", "6", "a", "6", "b", "4", "d"], ["ZADD", "z", "GT", "CH", "1", "a", "9", "b"],
                             ["ZADD", "z", "LT", "ch", "1", "a", "10", "b", "7", "e"], ["ZMSCORE", "z", "a", "b", "c", "d", "e"],
                             ["ZADD", "z", "NX", "XX", "1", "a"], ["ZADD", "z", "GT", "LT", "1", "a"], ["ZADD", "z", "NX", "GT", "1", "a"],
                             ["ZADD", "z", "NX", "LT", "1", "a"], ["ZADD", "z", "INCR", "1", "a", "2", "b"], ["ZADD", "z", "1", "a", "2"],
                             ["ZADD", "z", "NX"], ["ZADD", "z", "x", "a"], ["ZADD", "z", "1", "a", "x", "b"], ["ZADD", "z", "XX", "XX", "2", "a"],
                             ["ZADD", "nope", "XX", "1", "a"], ["EXISTS", "nope"], ["ZADD", "nope", "XX", "INCR", "1", "a"], ["EXISTS", "nope"],
                             ["ZADD", "z", "FOO", "1", "a"]]),
    .commands("zadd incr and zincrby", [["ZADD", "z", "INCR", "2", "a"], ["ZADD", "z", "INCR", "1.5", "a"], ["ZADD", "z", "NX", "INCR", "1", "a"],
                                        ["ZADD", "z", "XX", "INCR", "1", "b"], ["ZADD", "z", "GT", "INCR", "-1", "a"],
                                        ["ZADD", "z", "LT", "INCR", "-1", "a"], ["ZADD", "z", "INCR", "0", "a"], ["ZINCRBY", "z", "10", "a"],
                                        ["ZINCRBY", "z", "-0.1", "new"], ["ZINCRBY", "z", "x", "a"], ["ZINCRBY", "z", "1"],
                                        ["ZINCRBY", "z", "inf", "a"], ["ZINCRBY", "z", "-inf", "a"], ["ZSCORE", "z", "a"], ["ZINCRBY", "nope", "1", "m"],
                                        ["ZCARD", "z"], ["ZINCRBY", "z", "1", "a", "b"]]),
    .commands("score spellings", [["ZADD", "z", "1e308", "big", "-1e308", "small", "-0", "negzero", "0", "zero", "inf", "top", "-inf", "bottom"],
                                  ["ZMSCORE", "z", "big", "small", "negzero", "zero", "top", "bottom"], ["ZADD", "z", "+inf", "top2"],
                                  ["ZADD", "z", "nan", "n"], ["ZADD", "z", "1e400", "n"], ["ZADD", "z", " 1", "n"], ["ZADD", "z", "1 ", "n"],
                                  ["ZADD", "z", "", "n"], ["ZADD", "z", "0x10", "hex"], ["ZADD", "z", "1.0000000000000002", "eps"],
                                  ["ZADD", "z", "0.1", "tenth"], ["ZMSCORE", "z", "hex", "eps", "tenth", "top2"], ["ZRANK", "z", "negzero"],
                                  ["ZRANK", "z", "zero"], ["ZADD", "z", "0", "negzero"], ["ZSCORE", "z", "negzero"], ["ZINCRBY", "z", "1e308", "big"],
                                  ["ZCARD", "z"], ["ZRANK", "z", "top"], ["ZREVRANK", "z", "top"], ["ZRANK", "z", "bottom"]]),
    .commands("zrank zrevrank", [["ZADD", "z", "1", "b", "1", "a", "0", "c", "2", "aa"], ["ZRANK", "z", "c"], ["ZRANK", "z", "a"],
                                 ["ZRANK", "z", "b"], ["ZRANK", "z", "aa"], ["ZREVRANK", "z", "c"], ["ZREVRANK", "z", "aa"], ["ZRANK", "z", "x"],
                                 ["ZREVRANK", "z", "x"], ["ZRANK", "nope", "a"], ["ZREVRANK", "nope", "a"], ["ZRANK", "z"], ["ZRANK", "z", "a", "b"]]),
    .commands("binary members with 0x00", [["ZADD", "b\u{0}", "1", "m\u{0}1", "2", "", "0", "m\u{0}2"], ["ZSCORE", "b\u{0}", "m\u{0}1"],
                                            ["ZSCORE", "b\u{0}", "m"], ["ZSCORE", "b\u{0}", ""], ["ZRANK", "b\u{0}", "m\u{0}2"],
                                            ["ZRANK", "b\u{0}", ""], ["ZCARD", "b\u{0}"], ["ZMSCORE", "b\u{0}", "m\u{0}1", "x", ""]]),
    .commands("zmscore", [["ZADD", "z", "1", "a"], ["ZMSCORE", "z", "a", "b"], ["ZMSCORE", "nope", "a", "b"], ["ZMSCORE", "z"]]),
    .commands("wrong types", [["SET", "str", "v"], ["ZADD", "str", "1", "a"], ["ZADD", "str", "x", "a"], ["ZINCRBY", "str", "1", "a"],
                              ["ZREM", "str", "a"], ["ZSCORE", "str", "a"], ["ZMSCORE", "str", "a"], ["ZCARD", "str"], ["ZRANK", "str", "a"],
                              ["ZREVRANK", "str", "a"], ["ZADD", "z", "1", "a"], ["GET", "z"], ["SADD", "z", "a"], ["HGET", "z", "a"],
                              ["SCARD", "z"], ["SET", "z", "v"], ["TYPE", "z"], ["ZADD", "s", "1", "a"], ["SADD", "set", "a"],
                              ["ZADD", "set", "1", "a"]]),
    .commands("overwritten and expired zsets lose their members", [
        ["ZADD", "z", "1", "a", "2", "b"], ["SET", "z", "v"], ["DEL", "z"], ["ZADD", "z", "3", "c"], ["ZSCORE", "z", "a"], ["ZCARD", "z"],
        ["PEXPIREAT", "z", "1"], ["ZSCORE", "z", "c"], ["ZADD", "z", "4", "d"], ["ZRANK", "z", "d"], ["ZCARD", "z"], ["TTL", "z"],
    ]),
    .commands("scan type zset", [["ZADD", "z", "1", "a"], ["SADD", "s", "a"], ["SCAN", "0", "TYPE", "zset", "COUNT", "1000"], ["TYPE", "z"]]),
]

@Suite struct DifferentialSortedSetTests {
    @Test func test_sortedSetWrites_matchRedisInBothProtocols() async throws {
        try await compare(writeCases, resp3: true, flushBetweenCases: true)
    }
}
