// Differential tests of the set commands against redis-server 7.0, in RESP2 and RESP3, each
// case from an empty keyspace, keys hash-tagged where several meet. Replies whose order Redis
// leaves unspecified (SMEMBERS, SINTER…) are compared as multisets, random picks by shape.
import Foundation
import TestSupport
import Testing

private let singleSetCases: [DifferentialCase] = [
    .commands("sadd srem scard sismember", [["SADD", "s", "a", "b", "a"], ["SADD", "s", "b", "c"], ["SCARD", "s"], ["SCARD", "nope"],
                                            ["SISMEMBER", "s", "a"], ["SISMEMBER", "s", "x"], ["SISMEMBER", "nope", "a"],
                                            ["SMISMEMBER", "s", "a", "x", "c"], ["SMISMEMBER", "nope", "a", "b"], ["SREM", "s", "a", "x", "a"],
                                            ["SREM", "nope", "a"], ["SCARD", "s"], ["SREM", "s", "b", "c"], ["EXISTS", "s"], ["TYPE", "s"],
                                            ["SADD", "s"], ["SREM", "s"], ["SMISMEMBER", "s"], ["SISMEMBER", "s"], ["SCARD", "s", "x"]]),
    .commands("smembers", [["SADD", "s", "x", "y", "z", "1", "2"], ["SMEMBERS", "s"], ["SMEMBERS", "nope"], ["SMEMBERS", "s", "t"], ["TYPE", "s"]],
              mode: .sortedAt([1])),
    .commands("binary members with 0x00", [["SADD", "b\u{0}", "m\u{0}1", "", "m\u{0}2"], ["SISMEMBER", "b\u{0}", "m\u{0}1"],
                                            ["SISMEMBER", "b\u{0}", "m"], ["SISMEMBER", "b\u{0}", ""], ["SCARD", "b\u{0}"], ["SMEMBERS", "b\u{0}"]],
              mode: .sortedAt([5])),
    .commands("spop", [["SADD", "s", "only"], ["SPOP", "s"], ["EXISTS", "s"], ["SPOP", "s"], ["SPOP", "s", "2"], ["SADD", "s", "a"],
                       ["SPOP", "s", "0"], ["SPOP", "s", "-1"], ["SPOP", "s", "x"], ["SPOP", "s", "1", "2"], ["SPOP", "s", "5"], ["EXISTS", "s"],
                       ["SPOP", "nope", "x"], ["SPOP", "nope", "0"], ["SPOP", "s", "9223372036854775807"]]),
    .commands("spop many by shape", [["SADD", "s", "a", "b", "c", "d"], ["SPOP", "s"], ["SPOP", "s", "2"], ["SCARD", "s"], ["SPOP", "s", "5"],
                                     ["EXISTS", "s"]], mode: .shape),
    .commands("srandmember", [["SADD", "s", "only"], ["SRANDMEMBER", "s"], ["SRANDMEMBER", "s", "1"], ["SRANDMEMBER", "s", "-3"],
                              ["SRANDMEMBER", "s", "5"], ["SRANDMEMBER", "s", "0"], ["SRANDMEMBER", "nope"], ["SRANDMEMBER", "nope", "2"],
                              ["SRANDMEMBER", "s", "x"], ["SRANDMEMBER", "s", "1", "2"], ["SRANDMEMBER", "s", "-9223372036854775808"],
                              ["SRANDMEMBER", "s", "9223372036854775807"], ["SCARD", "s"]]),
    .commands("srandmember many by shape", [["SADD", "s", "a", "b", "c"], ["SRANDMEMBER", "s"], ["SRANDMEMBER", "s", "2"],
                                            ["SRANDMEMBER", "s", "-5"], ["SRANDMEMBER", "s", "10"]], mode: .shape),
    .commands("sscan", [["SADD", "s", "a", "bb", "c\u{0}"], ["SSCAN", "s", "0", "MATCH", "b*"], ["SSCAN", "nope", "0"], ["SSCAN", "s", "x"],
                        ["SSCAN", "s", "0", "COUNT", "0"], ["SSCAN", "s", "0", "TYPE", "set"], ["SSCAN", "s"], ["SSCAN", "s", "0", "MATCH", "q*"]]),
    .commands("wrong types", [["SET", "str", "v"], ["SADD", "str", "a"], ["SREM", "str", "a"], ["SCARD", "str"], ["SISMEMBER", "str", "a"],
                              ["SMISMEMBER", "str", "a"], ["SMEMBERS", "str"], ["SPOP", "str"], ["SPOP", "str", "1"], ["SPOP", "str", "x"],
                              ["SRANDMEMBER", "str"], ["SRANDMEMBER", "str", "2"], ["SSCAN", "str", "0"], ["SADD", "s", "a"], ["GET", "s"],
                              ["INCR", "s"], ["HGET", "s", "a"], ["HSET", "s", "a", "b"], ["SET", "s", "v"], ["TYPE", "s"], ["SCARD", "s"]]),
    .commands("overwritten and expired sets lose their members", [
        ["SADD", "s", "a", "b"], ["SET", "s", "v"], ["DEL", "s"], ["SADD", "s", "c"], ["SMEMBERS", "s"], ["SCARD", "s"], ["PEXPIREAT", "s", "1"],
        ["SISMEMBER", "s", "c"], ["SADD", "s", "d"], ["SMEMBERS", "s"], ["TTL", "s"],
    ]),
    .commands("scan type set", [["SADD", "s", "a"], ["HSET", "h", "a", "1"], ["SCAN", "0", "TYPE", "set", "COUNT", "1000"], ["TYPE", "s"]]),
]

private let multiSetCases: [DifferentialCase] = [
    .commands("sinter sunion sdiff", [["SADD", "{k}a", "1", "2", "3", "4"], ["SADD", "{k}b", "3", "4", "5"], ["SADD", "{k}c", "4", "6"],
                                      ["SINTER", "{k}a", "{k}b"], ["SINTER", "{k}a", "{k}b", "{k}c"], ["SINTER", "{k}a", "{k}nope"],
                                      ["SUNION", "{k}a", "{k}b", "{k}nope"], ["SDIFF", "{k}a", "{k}b"], ["SDIFF", "{k}a", "{k}nope", "{k}c"],
                                      ["SDIFF", "{k}nope", "{k}a"], ["SINTER", "{k}a"], ["SUNION", "{k}nope"], ["SINTER"]],
              mode: .sortedAt([3, 4, 6, 7, 8, 10])),
    .commands("store forms", [["SADD", "{k}a", "1", "2", "3"], ["SADD", "{k}b", "2", "3", "4"], ["SINTERSTORE", "{k}d", "{k}a", "{k}b"],
                              ["SCARD", "{k}d"], ["SUNIONSTORE", "{k}d", "{k}a", "{k}b"], ["SCARD", "{k}d"], ["SDIFFSTORE", "{k}d", "{k}a", "{k}b"],
                              ["SMEMBERS", "{k}d"], ["SET", "{k}e", "v", "EX", "100"], ["SUNIONSTORE", "{k}e", "{k}a"], ["TTL", "{k}e"], ["TYPE", "{k}e"],
                              ["SINTERSTORE", "{k}e", "{k}a", "{k}nope"], ["EXISTS", "{k}e"], ["SDIFFSTORE", "{k}a", "{k}a", "{k}b"],
                              ["SMEMBERS", "{k}a"], ["SUNIONSTORE", "{k}a", "{k}a", "{k}b"], ["SCARD", "{k}a"], ["SINTERSTORE", "{k}d"],
                              ["SDIFFSTORE", "{k}d", "{k}a", "{k}a"], ["EXISTS", "{k}d"]],
              mode: .sortedAt([15])),
    .commands("sintercard", [["SADD", "{k}a", "1", "2", "3", "4"], ["SADD", "{k}b", "2", "3", "4", "5"], ["SINTERCARD", "2", "{k}a", "{k}b"],
                             ["SINTERCARD", "2", "{k}a", "{k}b", "LIMIT", "2"], ["SINTERCARD", "2", "{k}a", "{k}b", "LIMIT", "0"],
                             ["SINTERCARD", "1", "{k}a"], ["SINTERCARD", "2", "{k}a", "{k}nope"], ["SINTERCARD", "0", "{k}a"],
                             ["SINTERCARD", "x", "{k}a"], ["SINTERCARD", "3", "{k}a", "{k}b"], ["SINTERCARD", "2", "{k}a", "{k}b", "LIMIT"],
                             ["SINTERCARD", "2", "{k}a", "{k}b", "LIMIT", "-1"], ["SINTERCARD", "2", "{k}a", "{k}b", "LIMIT", "x"],
                             ["SINTERCARD", "2", "{k}a", "{k}b", "FOO", "1"], ["SINTERCARD", "-1", "{k}a"], ["SINTERCARD", "1"]]),
    .commands("smove", [["SADD", "{k}a", "1", "2"], ["SADD", "{k}b", "3"], ["SMOVE", "{k}a", "{k}b", "1"], ["SMOVE", "{k}a", "{k}b", "9"],
                        ["SMOVE", "{k}a", "{k}a", "2"], ["SMOVE", "{k}a", "{k}a", "9"], ["SMOVE", "{k}nope", "{k}b", "1"],
                        ["SMOVE", "{k}a", "{k}c", "2"], ["EXISTS", "{k}a"], ["SMEMBERS", "{k}c"], ["SET", "{k}s", "v"],
                        ["SMOVE", "{k}s", "{k}b", "1"], ["SMOVE", "{k}b", "{k}s", "3"], ["SMOVE", "{k}nope", "{k}s", "3"], ["SMOVE", "{k}b", "{k}c"],
                        ["SCARD", "{k}b"]]),
    .commands("multi-key wrong types", [["SADD", "{k}a", "1"], ["SET", "{k}s", "v"], ["SINTER", "{k}nope", "{k}s"], ["SINTER", "{k}a", "{k}s"],
                                        ["SUNION", "{k}a", "{k}s"], ["SDIFF", "{k}nope", "{k}s"], ["SINTERSTORE", "{k}d", "{k}nope", "{k}s"],
                                        ["SUNIONSTORE", "{k}d", "{k}s"], ["SDIFFSTORE", "{k}d", "{k}a", "{k}s"], ["SINTERCARD", "2", "{k}nope", "{k}s"],
                                        ["SINTERSTORE", "{k}s", "{k}a"], ["TYPE", "{k}s"]]),
    .commands("rename and copy of sets", [
        ["SADD", "{k}a", "x", "y"], ["RENAME", "{k}a", "{k}b"], ["SMEMBERS", "{k}a"], ["SISMEMBER", "{k}b", "y"], ["COPY", "{k}b", "{k}c"],
        ["SREM", "{k}c", "x"], ["SCARD", "{k}b"], ["SCARD", "{k}c"], ["SADD", "{k}d", "q"], ["RENAME", "{k}b", "{k}d"], ["SISMEMBER", "{k}d", "q"],
        ["SCARD", "{k}d"], ["DBSIZE"],
    ]),
]

@Suite struct DifferentialSetTests {
    @Test func test_singleSetCommands_matchRedisInBothProtocols() async throws {
        try await compare(singleSetCases, resp3: true, flushBetweenCases: true)
    }

    @Test func test_multiSetCommands_matchRedisInBothProtocols() async throws {
        try await compare(multiSetCases, resp3: true, flushBetweenCases: true)
    }
}
