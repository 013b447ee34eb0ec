// Differential tests of the list commands against redis-server 7.0, in RESP2 and RESP3, each
// case from an empty keyspace, keys hash-tagged where several meet.
import Foundation
import TestSupport
import Testing

private let listCases: [DifferentialCase] = [
    .commands("push pop len", [["RPUSH", "l", "a", "b"], ["LPUSH", "l", "x", "y"], ["LLEN", "l"], ["LRANGE", "l", "0", "-1"], ["LPOP", "l"],
                               ["RPOP", "l"], ["LPOP", "l", "0"], ["RPOP", "l", "5"], ["EXISTS", "l"], ["LPOP", "l"], ["LPOP", "l", "2"],
                               ["LPOP", "l", "-1"], ["LPOP", "l", "x"], ["LPOP", "l", "1", "2"], ["LPUSHX", "l", "a"], ["RPUSHX", "l", "a"],
                               ["RPUSH", "l", "a"], ["LPUSHX", "l", "b", "c"], ["RPUSHX", "l", "d"], ["LRANGE", "l", "0", "-1"], ["LLEN", "nope"],
                               ["RPOP", "l", "9223372036854775807"], ["TYPE", "l"], ["LPUSH", "l"], ["LLEN", "l", "x"]]),
    .commands("index range", [["RPUSH", "l", "a", "b", "c", "d", "e"], ["LINDEX", "l", "0"], ["LINDEX", "l", "-1"], ["LINDEX", "l", "5"],
                              ["LINDEX", "l", "-6"], ["LINDEX", "l", "x"], ["LINDEX", "nope", "x"], ["LINDEX", "l", "-9223372036854775808"],
                              ["LRANGE", "l", "1", "2"], ["LRANGE", "l", "-2", "100"], ["LRANGE", "l", "-100", "-4"], ["LRANGE", "l", "3", "1"],
                              ["LRANGE", "l", "5", "10"], ["LRANGE", "l", "0", "9223372036854775807"], ["LRANGE", "l", "-9223372036854775808", "0"],
                              ["LRANGE", "nope", "0", "-1"], ["LRANGE", "l", "a", "1"], ["LRANGE", "nope", "a", "1"], ["TYPE", "l"]]),
    .commands("lset ltrim", [["RPUSH", "l", "a", "b", "c", "d"], ["LSET", "l", "0", "A"], ["LSET", "l", "-1", "D"], ["LSET", "l", "4", "x"],
                             ["LSET", "l", "x", "x"], ["LSET", "nope", "0", "x"], ["LSET", "nope", "x", "x"], ["LRANGE", "l", "0", "-1"],
                             ["LTRIM", "l", "1", "-1"], ["LRANGE", "l", "0", "-1"], ["LTRIM", "l", "0", "0"], ["LRANGE", "l", "0", "-1"],
                             ["LTRIM", "l", "x", "0"], ["LTRIM", "nope", "0", "1"], ["LTRIM", "l", "2", "1"], ["EXISTS", "l"]]),
    .commands("lrem linsert", [["RPUSH", "l", "a", "b", "a", "c", "a"], ["LREM", "l", "1", "a"], ["LRANGE", "l", "0", "-1"], ["LREM", "l", "-1", "a"],
                               ["LRANGE", "l", "0", "-1"], ["LREM", "l", "0", "x"], ["LREM", "l", "x", "a"], ["LREM", "nope", "0", "a"],
                               ["LINSERT", "l", "BEFORE", "c", "z"], ["LINSERT", "l", "after", "c", "y"], ["LINSERT", "l", "AFTER", "q", "y"],
                               ["LINSERT", "l", "middle", "c", "y"], ["LINSERT", "nope", "BEFORE", "c", "y"], ["LRANGE", "l", "0", "-1"],
                               ["LREM", "l", "0", "b"], ["LREM", "l", "-9223372036854775808", "z"], ["LRANGE", "l", "0", "-1"]]),
    .commands("lpos", [["RPUSH", "l", "a", "b", "a", "c", "a"], ["LPOS", "l", "a"], ["LPOS", "l", "a", "RANK", "2"], ["LPOS", "l", "a", "RANK", "-1"],
                       ["LPOS", "l", "a", "COUNT", "0"], ["LPOS", "l", "a", "COUNT", "2", "RANK", "-1"], ["LPOS", "l", "a", "MAXLEN", "2", "COUNT", "0"],
                       ["LPOS", "l", "x"], ["LPOS", "l", "x", "COUNT", "1"], ["LPOS", "nope", "a"], ["LPOS", "nope", "a", "COUNT", "0"],
                       ["LPOS", "l", "a", "RANK", "0"], ["LPOS", "l", "a", "RANK", "x"], ["LPOS", "l", "a", "COUNT", "-1"],
                       ["LPOS", "l", "a", "MAXLEN", "-1"], ["LPOS", "l", "a", "FOO", "1"], ["LPOS", "l", "a", "RANK"], ["LPOS", "l", "a", "RANK", "9"]]),
    .commands("lmove rpoplpush", [["RPUSH", "{k}a", "1", "2", "3"], ["LMOVE", "{k}a", "{k}b", "LEFT", "RIGHT"], ["LMOVE", "{k}a", "{k}a", "RIGHT", "LEFT"],
                                  ["RPOPLPUSH", "{k}a", "{k}b"], ["LRANGE", "{k}a", "0", "-1"], ["LRANGE", "{k}b", "0", "-1"],
                                  ["LMOVE", "{k}a", "{k}b", "UP", "LEFT"], ["LMOVE", "{k}nope", "{k}b", "LEFT", "LEFT"],
                                  ["RPOPLPUSH", "{k}a", "{k}b"], ["EXISTS", "{k}a"], ["SET", "{k}s", "v"], ["LMOVE", "{k}b", "{k}s", "LEFT", "LEFT"],
                                  ["LMOVE", "{k}nope", "{k}s", "LEFT", "LEFT"], ["RPOPLPUSH", "{k}s", "{k}b"], ["LLEN", "{k}b"]]),
    .commands("lmpop", [["RPUSH", "{k}b", "1", "2", "3"], ["LMPOP", "2", "{k}a", "{k}b", "LEFT"], ["LMPOP", "2", "{k}a", "{k}b", "RIGHT", "COUNT", "5"],
                        ["EXISTS", "{k}b"], ["LMPOP", "2", "{k}a", "{k}b", "LEFT"], ["LMPOP", "0", "{k}a", "LEFT"], ["LMPOP", "x", "{k}a", "LEFT"],
                        ["LMPOP", "3", "{k}a", "{k}b", "LEFT"], ["LMPOP", "1", "{k}a", "UP"], ["LMPOP", "1", "{k}a", "LEFT", "COUNT", "0"],
                        ["LMPOP", "1", "{k}a", "LEFT", "COUNT", "1", "COUNT", "1"], ["LMPOP", "1", "{k}a", "LEFT", "COUNT"],
                        ["SET", "{k}s", "v"], ["RPUSH", "{k}c", "x"], ["LMPOP", "2", "{k}s", "{k}c", "LEFT"], ["LMPOP", "2", "{k}c", "{k}s", "LEFT"],
                        ["LMPOP", "1", "{k}a"]]),
    .commands("edge arguments", [["RPUSH", "{k}a", "x", "y"], ["LMPOP", "9223372036854775807", "{k}a", "LEFT"], ["LMPOP", "2", "{k}a", "{k}b"],
                                 ["LMPOP", "1", "{k}a", "left", "count", "9223372036854775807"], ["LMPOP", "-1", "{k}a", "LEFT"],
                                 ["RPUSH", "{k}a", "1", "2", "3"], ["LMOVE", "{k}a", "{k}a", "left", "right"], ["LMOVE", "{k}a", "{k}a", "RIGHT", "RIGHT"],
                                 ["LRANGE", "{k}a", "0", "-1"], ["LPOS", "{k}a", "2", "RANK", "9223372036854775807"],
                                 ["LPOS", "{k}a", "2", "RANK", "-9223372036854775807", "COUNT", "0"], ["LPOS", "{k}a", "3", "MAXLEN", "9223372036854775807"],
                                 ["LINSERT", "{k}a", "Before", "1", "0"], ["LSET", "{k}a", "-9223372036854775808", "x"],
                                 ["LTRIM", "{k}a", "-9223372036854775808", "9223372036854775807"], ["LRANGE", "{k}a", "0", "-1"],
                                 ["LPUSHX", "{k}a"], ["RPOPLPUSH", "{k}a"], ["LMOVE", "{k}a", "{k}b", "LEFT"]]),
    .commands("in a block", [["MULTI"], ["RPUSH", "{k}a", "1", "2", "3"], ["LMPOP", "2", "{k}x", "{k}a", "RIGHT", "COUNT", "2"],
                             ["LMOVE", "{k}a", "{k}b", "LEFT", "LEFT"], ["LRANGE", "{k}b", "0", "-1"], ["LLEN", "{k}a"], ["EXEC"],
                             ["EXISTS", "{k}a"]]),
    .commands("binary items", [["RPUSH", "b\u{0}", "x\u{0}1", "", "x\u{0}2"], ["LRANGE", "b\u{0}", "0", "-1"], ["LPOS", "b\u{0}", ""],
                               ["LREM", "b\u{0}", "0", "x\u{0}1"], ["LINDEX", "b\u{0}", "0"], ["LPOP", "b\u{0}", "5"], ["EXISTS", "b\u{0}"]]),
    .commands("wrong types", [["SET", "str", "v"], ["LPUSH", "str", "a"], ["RPUSHX", "str", "a"], ["LPOP", "str"], ["RPOP", "str", "2"],
                              ["LLEN", "str"], ["LRANGE", "str", "0", "1"], ["LINDEX", "str", "0"], ["LINDEX", "str", "x"], ["LSET", "str", "0", "x"],
                              ["LSET", "str", "x", "x"], ["LTRIM", "str", "0", "1"], ["LREM", "str", "0", "a"], ["LINSERT", "str", "BEFORE", "a", "b"],
                              ["LPOS", "str", "a"], ["RPUSH", "l", "a"], ["GET", "l"], ["SADD", "l", "a"], ["HGET", "l", "a"], ["TYPE", "l"]]),
    .commands("copy rename scan type", [["RPUSH", "{k}l", "a", "b"], ["RENAME", "{k}l", "{k}m"], ["COPY", "{k}m", "{k}n"], ["RPUSH", "{k}n", "c"],
                                        ["LRANGE", "{k}m", "0", "-1"], ["LRANGE", "{k}n", "0", "-1"], ["SCAN", "0", "TYPE", "list", "MATCH", "{k}m"],
                                        ["EXISTS", "{k}l"]]),
]

@Suite struct DifferentialListTests {
    @Test func test_listCommands_matchRedisInBothProtocols() async throws {
        try await compare(listCases, resp3: true, flushBetweenCases: true)
    }
}
