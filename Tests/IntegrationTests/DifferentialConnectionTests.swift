// Differential tests (DESIGN §11): the same bytes to Cairn and to redis-server 7.0, replies
// compared byte for byte — connection commands, errors, inline requests, pipelines, protocol errors.
import Foundation
import TestSupport
import Testing

private let connectionCases: [DifferentialCase] = [
    .commands("ping", [["PING"], ["ping", "hello world"], ["PiNg"], ["PING", "a", "b"]]),
    .commands("echo", [["ECHO", "x"], ["ECHO", ""], ["ECHO"], ["ECHO", "a", "b"], ["echo", "bin\u{0}ary\r\n"]]),
    .commands("unknown commands", [["FOO"], ["foo", "bar", "baz"], ["nosuch", String(repeating: "a", count: 300), "b"],
                                   ["x", "a\r\nb"], Array(repeating: "abcdefghij", count: 30)]),
    .commands("select", [["SELECT", "0"], ["SELECT", "abc"], ["SELECT", "99999999999999999999"], ["SELECT"], ["select", "0", "1"]]),
    .commands("hello errors", [["HELLO", "4"], ["HELLO", "abc"], ["HELLO", "2", "FOO"], ["HELLO", "2", "SETNAME", "a b"],
                               ["HELLO", "2", "SETNAME"]]),
    .commands("hello 3", [["HELLO", "3"], ["PING"], ["ECHO", "x"], ["HELLO", "2"], ["PING"]], mode: .shapeAt([0, 3])),
    .commands("hello setname", [["HELLO", "2", "SETNAME", "cairn-test"]], mode: .shape),
    .commands("quit", [["PING"], ["QUIT"]], closes: true),
    .commands("client names", [["CLIENT", "GETNAME"], ["CLIENT", "SETNAME", "abc"], ["CLIENT", "GETNAME"], ["client", "setname", ""],
                               ["CLIENT", "GETNAME"], ["CLIENT", "SETNAME", "a b"], ["CLIENT", "SETNAME", "caf\u{e9}"],
                               ["HELLO", "2", "SETNAME", "via-hello"], ["CLIENT", "GETNAME"], ["HELLO", "3", "SETNAME", ""],
                               ["CLIENT", "GETNAME"]], mode: .shapeAt([7, 9])),
    .commands("client errors", [["CLIENT"], ["CLIENT", "foo"], ["client", "foo", "bar"], ["CLIENT", "SETNAME"], ["CLIENT", "SETNAME", "a", "b"],
                                ["CLIENT", "GETNAME", "x"], ["CLIENT", "ID", "x"], ["CLIENT", "NO-EVICT", "on"],
                                ["CLIENT", "NO-EVICT", "maybe"], ["CLIENT", "\u{0}x"]]),
    .commands("client id", [["CLIENT", "ID"]], mode: .shape),
    .commands("auth without a password", [["AUTH", "x"], ["AUTH", "default", "x"], ["AUTH", "bob", "x"], ["AUTH", "a", "b", "c"],
                                          ["AUTH"], ["PING"]]),
    .commands("hello auth without a password", [["HELLO", "3", "AUTH", "default", "anything"], ["PING"]], mode: .shapeAt([0])),
    .commands("hello auth unknown user", [["HELLO", "3", "AUTH", "bob", "x"], ["PING"]]),
    .raw("inline", "PING\r\nECHO \"a b\"\r\necho 'c\\'d'\r\n\r\nPING x\n", replies: 4),
    .raw("pipeline", String(repeating: "*1\r\n$4\r\nPING\r\n", count: 50) + "*2\r\n$4\r\nECHO\r\n$3\r\nend\r\n", replies: 51),
    .raw("invalid bulk length", "*1\r\n$-5\r\n", replies: 1, closes: true),
    .raw("invalid multibulk length", "*3000000000\r\n", replies: 1, closes: true),
    .raw("expected dollar", "PING\r\n*1\r\nxPING\r\n", replies: 2, closes: true),
    .raw("unbalanced quotes", "ECHO \"abc\r\n", replies: 1, closes: true),
    .raw("too big inline", String(repeating: "a", count: 70000), replies: 1, closes: true),
]

private let password = "s3cret-pass"

private let passwordCases: [DifferentialCase] = [
    .commands("before auth", [["PING"], ["ECHO", "x"], ["FOO"], ["ECHO"], ["SELECT", "0"], ["HELLO", "3"], ["HELLO", "2", "SETNAME", "x"]]),
    .commands("auth attempts", [["AUTH", "wrong"], ["PING"], ["AUTH", "a", "b", "c"], ["AUTH", "bob", password], ["AUTH", password],
                                ["PING"], ["ECHO", "in"]]),
    .commands("auth as default", [["AUTH", "default", password], ["PING"]]),
    .commands("hello auth", [["HELLO", "3", "AUTH", "default", password], ["PING"], ["ECHO", "x"]], mode: .shapeAt([0])),
    .commands("hello wrong auth", [["HELLO", "3", "AUTH", "default", "nope"], ["PING"]]),
    .commands("quit before auth", [["QUIT"]], closes: true),
    .raw("unauthenticated multibulk length", "*11\r\n", replies: 1, closes: true),
    .raw("unauthenticated bulk length", "*1\r\n$16385\r\n", replies: 1, closes: true),
    .raw("authenticated limits are larger", "AUTH \(password)\r\n*11\r\n" + String(repeating: "$4\r\nPING\r\n", count: 11), replies: 2),
]

@Suite struct DifferentialConnectionTests {
    @Test func test_connectionCommands_matchRedisByteForByte() async throws {
        try await compare(connectionCases)
    }

    @Test func test_requirepass_matchesRedisByteForByte() async throws {
        try await compare(passwordCases, redisArguments: ["--requirepass", password],
                          cairnSettings: ["resp.requirepass=\(password)"])
    }

    @Test func test_listedDivergence_selectOtherThanZero() async throws {
        // docs/COMPATIBILITY.md: one keyspace per cluster, as Redis Cluster.
        let (node, port) = try await NodeProcess.startSingle()
        defer { node.signal(SIGKILL) }
        let reply = await BlockingTask { RESPTestClient(port: port)?.command(["SELECT", "1"]) }.value
        #expect(reply == Array("-ERR DB index is out of range\r\n".utf8))
        #expect(await node.stop() == 0)
    }

    @Test func test_maxClients_refusesTheExtraConnectionWithRedisError() async throws {
        let (node, port) = try await NodeProcess.startSingle(["resp.max-clients=2"])
        defer { node.signal(SIGKILL) }
        let outcome = await BlockingTask { () -> ([UInt8]?, [UInt8]?, [UInt8]?) in
            let first = RESPTestClient(port: port), second = RESPTestClient(port: port)
            let a = first?.command(["PING"]), b = second?.command(["PING"])
            let third = RESPTestClient(port: port)
            let c = third?.readReply()
            return (a, b, c)
        }.value
        #expect(outcome.0 == Array("+PONG\r\n".utf8))
        #expect(outcome.1 == Array("+PONG\r\n".utf8))
        #expect(outcome.2 == Array("-ERR max number of clients reached\r\n".utf8))
        // Once a client leaves, a new one is admitted.
        let later = await BlockingTask { () -> [UInt8]? in
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if let reply = RESPTestClient(port: port)?.command(["PING"]), reply == Array("+PONG\r\n".utf8) { return reply }
                usleep(50_000)
            }
            return nil
        }.value
        #expect(later == Array("+PONG\r\n".utf8))
        #expect(await node.stop() == 0)
    }
}
