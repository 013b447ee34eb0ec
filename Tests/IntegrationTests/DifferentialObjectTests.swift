// Differential tests of OBJECT ENCODING: the names Redis 7.0 reports by its default thresholds.
import Testing

private let objectCases: [DifferentialCase] = [
    .commands("strings", [["SET", "a", "12345"], ["OBJECT", "ENCODING", "a"], ["SET", "b", "hello"], ["OBJECT", "ENCODING", "b"],
                          ["SET", "c", String(repeating: "x", count: 45)], ["OBJECT", "ENCODING", "c"],
                          ["SET", "d", String(repeating: "x", count: 44)], ["OBJECT", "ENCODING", "d"],
                          ["SET", "e", "-17"], ["OBJECT", "ENCODING", "e"], ["SET", "f", "01"], ["OBJECT", "ENCODING", "f"],
                          ["INCR", "g"], ["OBJECT", "ENCODING", "g"], ["OBJECT", "ENCODING", "nokey"]]),
    .commands("collections", [["RPUSH", "l", "a"], ["OBJECT", "ENCODING", "l"], ["SADD", "s", "1", "2"], ["OBJECT", "ENCODING", "s"],
                              ["SADD", "t", "a"], ["OBJECT", "ENCODING", "t"], ["HSET", "h", "a", "b"], ["OBJECT", "ENCODING", "h"],
                              ["HSET", "hl", "a", String(repeating: "v", count: 65)], ["OBJECT", "ENCODING", "hl"],
                              ["ZADD", "z", "1", "a"], ["OBJECT", "ENCODING", "z"],
                              ["ZADD", "zl", "1", String(repeating: "m", count: 65)], ["OBJECT", "ENCODING", "zl"]]),
    .commands("errors", [["OBJECT"], ["OBJECT", "ENCODING"], ["OBJECT", "ENCODING", "a", "b"], ["OBJECT", "FOO"]]),
]

@Suite struct DifferentialObjectTests {
    @Test func test_objectEncoding_matchesRedisInBothProtocols() async throws {
        try await compare(objectCases, resp3: true, flushBetweenCases: true)
    }
}
