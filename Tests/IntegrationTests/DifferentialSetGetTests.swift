// Differential tests of the first data commands: SET (every option), GET, MGET, DEL, EXISTS,
// DBSIZE, FLUSHALL — in RESP2 and RESP3, each case from an empty keyspace.
import Testing

private let setGetCases: [DifferentialCase] = [
    .commands("set and get", [["SET", "k", "v"], ["GET", "k"], ["SET", "k", ""], ["GET", "k"], ["GET", "nope"],
                              ["SET", "bin", "a\u{0}\r\nb"], ["GET", "bin"]]),
    .commands("set nx xx get", [["SET", "k", "1", "NX"], ["SET", "k", "2", "NX"], ["GET", "k"], ["SET", "k", "3", "XX"],
                                ["SET", "m", "3", "XX"], ["SET", "k", "4", "GET"], ["SET", "n", "1", "GET"], ["SET", "k", "5", "NX", "GET"],
                                ["SET", "z", "5", "XX", "GET"], ["GET", "k"], ["EXISTS", "m", "z"]]),
    .commands("set expiry options", [["SET", "k", "v", "EX", "100"], ["SET", "k", "v", "PX", "100000"], ["SET", "k", "v", "EXAT", "4000000000"],
                                     ["SET", "k", "v", "PXAT", "4000000000000"], ["SET", "k", "v", "KEEPTTL"], ["SET", "k", "v", "EX", "1", "EX", "100"],
                                     ["GET", "k"]]),
    .commands("set syntax errors", [["SET", "k", "v", "EX"], ["SET", "k", "v", "NX", "XX"], ["SET", "k", "v", "EX", "1", "PX", "1"],
                                    ["SET", "k", "v", "KEEPTTL", "EX", "1"], ["SET", "k", "v", "FOO"], ["SET", "k", "v", "PERSIST"],
                                    ["SET", "k"], ["SET"], ["GET"], ["GET", "a", "b"]]),
    .commands("set bad expiry", [["SET", "k", "v", "EX", "0"], ["SET", "k", "v", "EX", "-1"], ["SET", "k", "v", "EX", "abc"],
                                 ["SET", "k", "v", "EX", "9223372036854775807"], ["SET", "k", "v", "PX", "9223372036854775807"],
                                 ["SET", "k", "v", "EX", "1.5"], ["SET", "k", "v", "EX", " 1"], ["SET", "k", "v", "EX", "01"],
                                 ["SET", "k", "v", "PXAT", "9223372036854775807"], ["SET", "k", "v", "EX", "99999999999999999999"],
                                 ["EXISTS", "k"]]),
    .commands("set in the past expires at once", [["SET", "k", "v", "PXAT", "1"], ["GET", "k"], ["EXISTS", "k"]]),
    .commands("mget", [["SET", "a", "1"], ["SET", "c", "3"], ["MGET", "a", "b", "c", "a"], ["MGET", "x"], ["MGET"]]),
    .commands("del exists", [["SET", "a", "1"], ["SET", "b", "2"], ["EXISTS", "a", "b", "c", "a"], ["DEL", "a", "c", "a"],
                             ["EXISTS", "a", "b"], ["UNLINK", "b"], ["TOUCH", "b", "q"], ["DEL"], ["EXISTS"]]),
    .commands("dbsize and flushall", [["DBSIZE"], ["SET", "a", "1"], ["SET", "b", "1"], ["DBSIZE"], ["FLUSHALL"], ["DBSIZE"],
                                      ["FLUSHALL", "ASYNC"], ["FLUSHALL", "SYNC"], ["FLUSHALL", "X"], ["FLUSHDB"], ["FLUSHDB", "a", "b"],
                                      ["DBSIZE", "x"]]),
    .raw("pipelined writes and reads keep order",
         (0..<200).map { "SET k\($0 % 7) \($0)\r\nGET k\($0 % 7)\r\n" }.joined(), replies: 400),
]

@Suite struct DifferentialSetGetTests {
    @Test func test_setGetAndFriends_matchRedisInBothProtocols() async throws {
        try await compare(setGetCases, resp3: true, flushBetweenCases: true)
    }
}
