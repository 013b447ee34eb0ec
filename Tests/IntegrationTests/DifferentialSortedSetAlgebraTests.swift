// Differential tests of the Redis 7.0 sorted set commands over several keys or random picks —
// ZUNION ZINTER ZDIFF and their STORE forms, ZINTERCARD, ZMPOP, ZRANDMEMBER, ZSCAN — against
// redis-server 7.0, in RESP2 and RESP3, each case from an empty keyspace. Keys share a hash
// tag: Cairn answers CROSSSLOT otherwise (docs/COMPATIBILITY.md).
import Foundation
import TestSupport
import Testing

private let algebraCases: [DifferentialCase] = [
    .commands("zunion zinter zdiff", [
        ["ZADD", "{t}a", "1", "x", "2", "y", "3", "w"], ["ZADD", "{t}b", "10", "y", "20", "z", "30", "w"], ["SADD", "{t}s", "x", "z", "q"],
        ["ZUNION", "2", "{t}a", "{t}b"], ["ZUNION", "2", "{t}a", "{t}b", "WITHSCORES"], ["ZUNION", "3", "{t}a", "{t}b", "{t}s", "WITHSCORES"],
        ["ZINTER", "2", "{t}a", "{t}b", "WITHSCORES"], ["ZINTER", "3", "{t}a", "{t}b", "{t}s"], ["ZINTER", "2", "{t}a", "{t}s", "withscores"],
        ["ZDIFF", "2", "{t}a", "{t}b", "WITHSCORES"], ["ZDIFF", "3", "{t}b", "{t}a", "{t}s", "WITHSCORES"], ["ZDIFF", "1", "{t}s", "WITHSCORES"],
        ["ZUNION", "2", "{t}a", "{t}b", "WEIGHTS", "2", "0.5", "WITHSCORES"], ["ZUNION", "2", "{t}a", "{t}b", "AGGREGATE", "MIN", "WITHSCORES"],
        ["ZUNION", "2", "{t}a", "{t}b", "AGGREGATE", "max", "WEIGHTS", "-1", "1", "WITHSCORES"],
        ["ZINTER", "2", "{t}a", "{t}b", "WEIGHTS", "1", "-1", "AGGREGATE", "SUM", "WITHSCORES"],
        ["ZINTER", "2", "{t}a", "{t}b", "AGGREGATE", "MIN", "AGGREGATE", "MAX", "WITHSCORES"],
        ["ZUNION", "1", "{t}a", "WITHSCORES", "WITHSCORES"], ["ZUNION", "2", "{t}a", "{t}nope", "WITHSCORES"],
        ["ZINTER", "2", "{t}a", "{t}nope"], ["ZDIFF", "2", "{t}nope", "{t}a"], ["ZUNION", "1", "{t}nope"], ["ZDIFF", "2", "{t}a", "{t}a"],
    ]),
    .commands("algebra syntax errors", [
        ["ZADD", "{t}a", "1", "x"], ["ZUNION", "0", "{t}a"], ["ZINTER", "-1", "{t}a"], ["ZDIFF", "x", "{t}a"], ["ZUNION", "2", "{t}a"],
        ["ZUNION", "9223372036854775807", "{t}a"], ["ZUNION", "-9223372036854775808", "{t}a"], ["ZUNION", "1", "{t}a", "WEIGHTS", "1", "2"],
        ["ZUNION", "2", "{t}a", "{t}b", "WEIGHTS", "1"], ["ZUNION", "1", "{t}a", "WEIGHTS", "x"], ["ZUNION", "1", "{t}a", "WEIGHTS", "nan"],
        ["ZUNION", "1", "{t}a", "WEIGHTS", "1e400"], ["ZUNION", "1", "{t}a", "WEIGHTS"], ["ZUNION", "1", "{t}a", "AGGREGATE", "foo"],
        ["ZUNION", "1", "{t}a", "AGGREGATE"], ["ZUNION", "1", "{t}a", "FOO"], ["ZDIFF", "1", "{t}a", "WEIGHTS", "1"],
        ["ZDIFF", "1", "{t}a", "AGGREGATE", "SUM"], ["ZINTER", "1", "{t}a", "LIMIT", "1"], ["ZUNION"], ["ZUNION", "1"],
        ["ZUNIONSTORE", "{t}d", "1", "{t}a", "WITHSCORES"], ["ZUNIONSTORE", "{t}d", "0", "{t}a"], ["ZINTERSTORE", "{t}d", "x", "{t}a"],
        ["ZDIFFSTORE", "{t}d", "2", "{t}a"], ["ZUNIONSTORE", "{t}d", "1"], ["ZINTERSTORE", "{t}d", "1", "{t}a", "WEIGHTS", "1", "1"],
        ["EXISTS", "{t}d"],
    ]),
    .commands("algebra wrong types", [
        ["ZADD", "{t}a", "1", "x"], ["SET", "{t}str", "v"], ["RPUSH", "{t}list", "x"], ["ZUNION", "2", "{t}a", "{t}str"],
        ["ZINTER", "2", "{t}nope", "{t}list"], ["ZDIFF", "2", "{t}a", "{t}str"], ["ZINTERCARD", "2", "{t}a", "{t}str"],
        ["ZUNION", "2", "{t}a", "{t}str", "WEIGHTS", "x"], ["ZUNIONSTORE", "{t}d", "2", "{t}a", "{t}str"], ["EXISTS", "{t}d"],
        ["ZUNIONSTORE", "{t}str", "1", "{t}a"], ["TYPE", "{t}str"], ["ZINTERSTORE", "{t}list", "2", "{t}a", "{t}nope"], ["EXISTS", "{t}list"],
    ]),
    .commands("store forms", [
        ["ZADD", "{t}a", "1", "x", "2", "y"], ["SADD", "{t}s", "x", "z"], ["ZADD", "{t}d", "5", "old"],
        ["ZUNIONSTORE", "{t}d", "2", "{t}a", "{t}s", "WEIGHTS", "3", "2"], ["ZRANGE", "{t}d", "0", "-1", "WITHSCORES"],
        ["ZINTERSTORE", "{t}d", "2", "{t}a", "{t}s", "AGGREGATE", "MAX"], ["ZRANGE", "{t}d", "0", "-1", "WITHSCORES"],
        ["ZDIFFSTORE", "{t}d", "2", "{t}a", "{t}s"], ["ZRANGE", "{t}d", "0", "-1", "WITHSCORES"],
        ["ZINTERSTORE", "{t}a", "2", "{t}a", "{t}d"], ["ZRANGE", "{t}a", "0", "-1", "WITHSCORES"],
        ["ZDIFFSTORE", "{t}d", "2", "{t}d", "{t}a"], ["EXISTS", "{t}d"], ["ZUNIONSTORE", "{t}d", "1", "{t}nope"], ["EXISTS", "{t}d"],
        ["SET", "{t}d", "v"], ["EXPIRE", "{t}d", "100"], ["ZUNIONSTORE", "{t}d", "1", "{t}s"], ["TTL", "{t}d"], ["TYPE", "{t}d"],
        ["ZINTERSTORE", "{t}d", "2", "{t}s", "{t}nope"], ["EXISTS", "{t}d"],
    ]),
    .commands("zintercard", [
        ["ZADD", "{t}a", "1", "x", "2", "y", "3", "w"], ["ZADD", "{t}b", "1", "y", "2", "w", "3", "v"], ["SADD", "{t}s", "y", "w"],
        ["ZINTERCARD", "2", "{t}a", "{t}b"], ["ZINTERCARD", "3", "{t}a", "{t}b", "{t}s"], ["ZINTERCARD", "2", "{t}a", "{t}b", "LIMIT", "1"],
        ["ZINTERCARD", "2", "{t}a", "{t}b", "LIMIT", "0"], ["ZINTERCARD", "2", "{t}a", "{t}b", "LIMIT", "10"],
        ["ZINTERCARD", "2", "{t}a", "{t}b", "LIMIT", "-1"], ["ZINTERCARD", "2", "{t}a", "{t}b", "LIMIT", "x"],
        ["ZINTERCARD", "2", "{t}a", "{t}b", "LIMIT"], ["ZINTERCARD", "2", "{t}a", "{t}b", "WITHSCORES"],
        ["ZINTERCARD", "2", "{t}a", "{t}b", "WEIGHTS", "1", "1"], ["ZINTERCARD", "0", "{t}a"], ["ZINTERCARD", "3", "{t}a", "{t}b"],
        ["ZINTERCARD", "2", "{t}a", "{t}nope"], ["ZINTERCARD", "1", "{t}nope"], ["ZINTERCARD", "1"],
    ]),
    .commands("infinities, nan and binary members", [
        ["ZADD", "{t}i", "1", "a", "inf", "b", "-inf", "c"], ["ZADD", "{t}j", "1", "a", "-inf", "b", "-inf", "c"],
        ["ZUNION", "2", "{t}i", "{t}j", "WEIGHTS", "inf", "-inf", "WITHSCORES"], ["ZUNION", "2", "{t}i", "{t}j", "WITHSCORES"],
        ["ZINTER", "2", "{t}i", "{t}j", "WITHSCORES"], ["ZINTER", "2", "{t}i", "{t}j", "AGGREGATE", "MAX", "WITHSCORES"],
        ["ZINTER", "2", "{t}i", "{t}j", "WEIGHTS", "0", "1", "WITHSCORES"], ["ZUNION", "1", "{t}i", "WEIGHTS", "0", "WITHSCORES"],
        ["ZUNION", "2", "{t}i", "{t}j", "WEIGHTS", "-inf", "inf", "AGGREGATE", "MIN", "WITHSCORES"],
        ["ZUNIONSTORE", "{t}d", "2", "{t}i", "{t}j"], ["ZRANGE", "{t}d", "0", "-1", "WITHSCORES"],
        ["ZADD", "{t}b\u{0}", "1", "m\u{0}1", "2", "m\u{0}2", "3", ""], ["SADD", "{t}s\u{0}", "m\u{0}2", "", "n\u{0}"],
        ["ZUNION", "2", "{t}b\u{0}", "{t}s\u{0}", "WITHSCORES"], ["ZINTER", "2", "{t}b\u{0}", "{t}s\u{0}", "WITHSCORES"],
        ["ZDIFF", "2", "{t}b\u{0}", "{t}s\u{0}", "WITHSCORES"], ["ZINTERCARD", "2", "{t}b\u{0}", "{t}s\u{0}"],
        ["ZDIFFSTORE", "{t}d\u{0}", "2", "{t}s\u{0}", "{t}b\u{0}"], ["ZRANGE", "{t}d\u{0}", "0", "-1", "WITHSCORES"],
    ]),
]

private let popCases: [DifferentialCase] = [
    .commands("zmpop", [
        ["ZADD", "{t}a", "1", "x", "2", "y", "3", "z", "-inf", "bottom"], ["ZMPOP", "1", "{t}a", "MIN"], ["ZMPOP", "1", "{t}a", "MAX", "COUNT", "2"],
        ["ZMPOP", "2", "{t}nope", "{t}a", "min", "count", "10"], ["EXISTS", "{t}a"], ["ZMPOP", "2", "{t}nope", "{t}a", "MIN"],
        ["ZADD", "{t}b", "5", "q"], ["ZMPOP", "3", "{t}nope", "{t}a", "{t}b", "MAX", "COUNT", "1"], ["EXISTS", "{t}b"],
        ["ZADD", "{t}b\u{0}", "1", "m\u{0}1", "inf", "m\u{0}2"], ["ZMPOP", "1", "{t}b\u{0}", "MAX"],
    ]),
    .commands("zmpop errors", [
        ["ZADD", "{t}a", "1", "x"], ["SET", "{t}str", "v"], ["ZMPOP", "0", "{t}a", "MIN"], ["ZMPOP", "-1", "{t}a", "MIN"], ["ZMPOP", "x", "{t}a", "MIN"],
        ["ZMPOP", "9223372036854775807", "{t}a", "MIN"], ["ZMPOP", "2", "{t}a", "MIN"], ["ZMPOP", "1", "{t}a", "FOO"], ["ZMPOP", "1", "{t}a", "MIN", "COUNT", "0"],
        ["ZMPOP", "1", "{t}a", "MIN", "COUNT", "-1"], ["ZMPOP", "1", "{t}a", "MIN", "COUNT", "x"], ["ZMPOP", "1", "{t}a", "MIN", "COUNT"],
        ["ZMPOP", "1", "{t}a", "MIN", "COUNT", "1", "COUNT", "1"], ["ZMPOP", "1", "{t}a", "MIN", "FOO"], ["ZMPOP", "1", "{t}a"], ["ZMPOP", "1"],
        ["ZMPOP", "2", "{t}str", "{t}a", "MIN"], ["ZMPOP", "2", "{t}a", "{t}str", "MIN"], ["ZMPOP", "2", "{t}nope", "{t}str", "MAX"],
        ["ZCARD", "{t}a"],
    ]),
]

private let randomCases: [DifferentialCase] = [
    .commands("zrandmember one member", [
        ["ZADD", "z", "2.5", "only"], ["ZRANDMEMBER", "z"], ["ZRANDMEMBER", "z", "1"], ["ZRANDMEMBER", "z", "-3"], ["ZRANDMEMBER", "z", "5"],
        ["ZRANDMEMBER", "z", "1", "WITHSCORES"], ["ZRANDMEMBER", "z", "-2", "withscores"], ["ZRANDMEMBER", "z", "3", "WITHSCORES"],
        ["ZRANDMEMBER", "z", "0"], ["ZRANDMEMBER", "z", "0", "WITHSCORES"], ["ZRANDMEMBER", "nope"], ["ZRANDMEMBER", "nope", "3"],
        ["ZRANDMEMBER", "nope", "-3", "WITHSCORES"], ["ZRANDMEMBER", "z", "x"], ["ZRANDMEMBER", "z", "1", "foo"], ["ZRANDMEMBER", "z", "x", "foo"],
        ["ZRANDMEMBER", "z", "1", "WITHSCORES", "x"], ["ZRANDMEMBER", "z", "-9223372036854775808"],
        ["ZRANDMEMBER", "z", "4611686018427387903", "WITHSCORES"], ["ZRANDMEMBER", "z", "4611686018427387904", "WITHSCORES"],
        ["ZRANDMEMBER", "nope", "-4611686018427387904", "WITHSCORES"], ["ZRANDMEMBER", "z", "9223372036854775807"],
        ["SET", "s", "v"], ["ZRANDMEMBER", "s"], ["ZRANDMEMBER", "s", "1"], ["ZRANDMEMBER", "s", "0"], ["ZRANDMEMBER", "s", "x"],
        ["ZADD", "inf", "inf", "m\u{0}"], ["ZRANDMEMBER", "inf", "-2", "WITHSCORES"],
    ]),
    .commands("zrandmember whole set", [["ZADD", "z", "3", "c", "1", "a", "2", "b"], ["ZRANDMEMBER", "z", "3", "WITHSCORES"],
                                        ["ZRANDMEMBER", "z", "10"]]),
    // Equal scores, so that RESP3's doubles (which `shape` keeps) agree whatever is picked.
    .commands("zrandmember many", [["ZADD", "z", "1", "a", "1", "b", "1", "c"], ["ZRANDMEMBER", "z"], ["ZRANDMEMBER", "z", "2"],
                                   ["ZRANDMEMBER", "z", "-5"], ["ZRANDMEMBER", "z", "2", "WITHSCORES"], ["ZRANDMEMBER", "z", "-5", "WITHSCORES"]],
              mode: .shape),
]

private let scanCases: [DifferentialCase] = [
    // Redis answers a small (listpack) sorted set whole, in score order, whatever the cursor and
    // COUNT: so does Cairn.
    .commands("zscan", [
        ["ZADD", "z", "1.5", "a", "3", "b", "-0", "c", "1e20", "d", "0.1", "e", "inf", "f", "-inf", "g", "4503599627370496", "h",
         "-4503599627370495", "i"],
        ["ZSCAN", "z", "0"], ["ZSCAN", "z", "0", "COUNT", "100"], ["ZSCAN", "z", "0", "MATCH", "[a-c]"], ["ZSCAN", "z", "0", "MATCH", "zz*"],
        ["ZSCAN", "nope", "0"], ["ZSCAN", "z", "x"], ["ZSCAN", "z", "-1"], ["ZSCAN", "z", "5"], ["ZSCAN", "z", "0", "COUNT", "1"], ["ZSCAN", "z", "18446744073709551615", "COUNT", "2"], ["ZSCAN", "z", "0", "COUNT", "0"], ["ZSCAN", "z", "0", "COUNT", "x"],
        ["ZSCAN", "z", "0", "TYPE", "zset"], ["ZSCAN", "z", "0", "FOO", "1"], ["ZSCAN", "z", "0", "MATCH"], ["ZSCAN", "z"],
        ["SET", "s", "v"], ["ZSCAN", "s", "0"], ["ZADD", "b\u{0}", "1", "m\u{0}1", "2", "m\u{0}2"], ["ZSCAN", "b\u{0}", "0", "MATCH", "m?1"],
    ]),
]

/// The numkeys commands inside MULTI/EXEC: part of the block's one-slot entry, their own
/// argument errors answered in place.
private let blockCases: [DifferentialCase] = [
    .commands("numkeys commands in a block", [
        ["MULTI"], ["ZADD", "{t}a", "1", "x", "2", "y"], ["SADD", "{t}s", "x"], ["ZUNIONSTORE", "{t}d", "2", "{t}a", "{t}s"],
        ["ZMPOP", "1", "{t}a", "MIN"], ["ZUNION", "2", "{t}a", "{t}d", "WITHSCORES"], ["ZINTER", "2", "{t}a", "{t}d"], ["ZDIFF", "1", "{t}d"],
        ["ZINTERCARD", "1", "{t}d"], ["SINTERCARD", "1", "{t}s"], ["ZRANGESTORE", "{t}e", "{t}d", "0", "-1"], ["ZUNION", "0", "{t}a"],
        ["ZMPOP", "0", "{t}a", "MIN"], ["ZDIFFSTORE", "{t}d", "0", "{t}a"], ["SINTERCARD", "0", "{t}a"], ["EXEC"],
        ["ZRANGE", "{t}d", "0", "-1", "WITHSCORES"], ["ZRANGE", "{t}e", "0", "-1"],
    ]),
]

@Suite struct DifferentialSortedSetAlgebraTests {
    @Test func test_numkeysCommandsInABlock_matchRedisInBothProtocols() async throws {
        try await compare(blockCases, resp3: true, flushBetweenCases: true)
    }

    @Test func test_unionInterDiffAndStores_matchRedisInBothProtocols() async throws {
        try await compare(algebraCases, resp3: true, flushBetweenCases: true)
    }

    @Test func test_zmpop_matchesRedisInBothProtocols() async throws {
        try await compare(popCases, resp3: true, flushBetweenCases: true)
    }

    @Test func test_zrandmember_matchesRedisInBothProtocols() async throws {
        try await compare(randomCases, resp3: true, flushBetweenCases: true)
    }

    @Test func test_zscan_matchesRedisInBothProtocols() async throws {
        try await compare(scanCases, resp3: true, flushBetweenCases: true)
    }
}
