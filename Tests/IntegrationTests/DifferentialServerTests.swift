// Differential tests of server commands on one connection: pub/sub, CLIENT REPLY/KILL/LIST
// errors, SLOWLOG, TIME, ROLE, SAVE, SHUTDOWN's refusals, RESET, INFO's empty sections.
import Testing

private let serverCases: [DifferentialCase] = [
    .commands("subscribed mode", [["SUBSCRIBE", "a", "b"], ["PING"], ["PING", "x"], ["GET", "k"], ["PSUBSCRIBE", "p*"],
                                  ["UNSUBSCRIBE", "a"], ["UNSUBSCRIBE", "b"], ["PUNSUBSCRIBE", "p*"], ["PING"], ["UNSUBSCRIBE"],
                                  ["PUNSUBSCRIBE", "x"]], replies: 12),
    .commands("publish refused in subscribed RESP2", [["SUBSCRIBE", "a"], ["PUBLISH", "a", "hi"], ["RESET"], ["PUBLISH", "a", "x"]]),
    .commands("publish to oneself in RESP3", [["HELLO", "3"], ["SUBSCRIBE", "a"], ["PSUBSCRIBE", "*"], ["PUBLISH", "a", "hi"],
                                              ["PUBLISH", "zz", "x"], ["RESET"], ["PUBLISH", "a", "gone"]], replies: 10, mode: .shapeAt([0])),
    .commands("pubsub introspection", [["PUBSUB", "NUMPAT"], ["PUBSUB", "CHANNELS"], ["PUBSUB", "NUMSUB", "a", "b"], ["PUBSUB", "FOO"],
                                       ["PUBSUB", "CHANNELS", "a", "b"], ["PUBSUB", "NUMPAT", "x"], ["PUBSUB"], ["PUBLISH", "a"],
                                       ["SUBSCRIBE"]]),
    .commands("client reply", [["CLIENT", "REPLY", "OFF"], ["PING"], ["CLIENT", "REPLY", "ON"], ["CLIENT", "REPLY", "SKIP"], ["PING", "1"],
                               ["PING", "2"], ["CLIENT", "REPLY", "MAYBE"], ["CLIENT", "REPLY"]], replies: 4),
    .commands("client kill and list errors", [["CLIENT", "KILL", "1.2.3.4:5"], ["CLIENT", "KILL", "ID", "99999"], ["CLIENT", "KILL", "ID", "0"],
                                              ["CLIENT", "KILL", "ID", "x"], ["CLIENT", "KILL", "TYPE", "foo"], ["CLIENT", "KILL", "USER", "bob"],
                                              ["CLIENT", "KILL", "SKIPME", "maybe"], ["CLIENT", "KILL", "ID", "1", "ADDR"],
                                              ["CLIENT", "KILL", "FOO", "bar"], ["CLIENT", "LIST", "TYPE", "foo"], ["CLIENT", "LIST", "ID", "abc"],
                                              ["CLIENT", "LIST", "TYPE", "pubsub"], ["CLIENT", "LIST", "FOO"], ["CLIENT", "INFO", "x"]]),
    .commands("client list and info", [["CLIENT", "LIST"], ["CLIENT", "INFO"], ["CLIENT", "KILL", "TYPE", "normal"]], mode: .shape),
    .commands("slowlog", [["SLOWLOG", "RESET"], ["SLOWLOG", "LEN"], ["SLOWLOG", "GET", "-2"], ["SLOWLOG", "GET", "x"], ["SLOWLOG", "GET", "1", "2"],
                          ["SLOWLOG", "FOO"], ["SLOWLOG", "HELP"], ["SLOWLOG"]]),
    .commands("time role lastsave", [["TIME"], ["ROLE"], ["LASTSAVE"], ["TIME", "x"], ["ROLE", "x"]], mode: .shape),
    .commands("role exactly", [["ROLE"]]),
    .commands("save", [["SAVE"], ["SAVE", "x"], ["BGSAVE", "foo"], ["BGSAVE", "SCHEDULE", "x"]]),
    .commands("shutdown refusals", [["SHUTDOWN", "ABORT"], ["SHUTDOWN", "NOSAVE", "SAVE"], ["SHUTDOWN", "FOO"], ["SHUTDOWN", "ABORT", "NOW"],
                                    ["PING"]]),
    .commands("reset", [["CLIENT", "SETNAME", "x"], ["RESET"], ["CLIENT", "GETNAME"], ["RESET", "x"]]),
    .commands("info sections that are empty or exact", [["INFO", "keyspace"], ["INFO", "nosuchsection"], ["INFO", "modules"],
                                                        ["INFO", "cluster"], ["INFO", "keyspace", "modules"]]),
    .commands("info kind", [["INFO"], ["INFO", "server", "clients"], ["INFO", "all"], ["INFO", "default"]], mode: .kind),
    .commands("monitor acknowledges", [["MONITOR"]]),
]

@Suite struct DifferentialServerTests {
    @Test func test_serverCommands_matchRedisInBothProtocols() async throws {
        try await compare(serverCases, resp3: true, flushBetweenCases: true)
    }
}
