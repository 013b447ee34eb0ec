// Differential tests (DESIGN §11) for COMMAND and CONFIG: the same requests to Cairn and to
// redis-server 7.0, in RESP2 and RESP3, replies compared byte for byte unless a case says
// otherwise; CONFIG SET's live effects seen from other connections; the listed divergences.
import Foundation
import TestSupport
import Testing

/// How an introspection case's replies are compared (DESIGN §11's modes).
enum IntrospectionComparison: Sendable {
    case exact
    /// Same reply kinds; bulk contents may differ (DifferentialConnectionTests' `shape`).
    case shape
    /// The top-level pairs (a map, or RESP2's flat array of pairs) in any order: CONFIG GET
    /// lists what matched in hash order in Redis.
    case unorderedPairs
    /// The top-level elements in any order: COMMAND LIST lists commands in hash order in Redis.
    case unorderedElements
    /// Every aggregate's elements in any order, at every depth: a container's subcommands,
    /// which Redis lists in hash order and Cairn by name.
    case unorderedNested
}

struct IntrospectionCase: Sendable, CustomStringConvertible {
    let name: String
    let commands: [[String]]
    var comparison: IntrospectionComparison = .exact

    var description: String { name }

    init(_ name: String, _ commands: [[String]], _ comparison: IntrospectionComparison = .exact) {
        self.name = name
        self.commands = commands
        self.comparison = comparison
    }
}

/// Cairn's own commands, as COMMAND INFO describes them: exactly Redis's descriptions.
private let cairnCommandNames = [
    "ping", "echo", "quit", "select", "auth", "hello", "client|id", "client|getname", "client|setname", "client|no-evict",
    "client|help", "config|get", "config|set", "config|resetstat", "config|rewrite", "config|help", "command|count",
    "command|docs", "command|getkeys", "command|getkeysandflags", "command|help", "command|info", "command|list",
]

private let introspectionCases: [IntrospectionCase] = [
    IntrospectionCase("command info", [["COMMAND", "INFO"] + cairnCommandNames + ["nosuch", "CLIENT|ID", "client|", "ping|x", "Ping"]]),
    IntrospectionCase("command containers", [["COMMAND", "INFO", "config"], ["COMMAND", "INFO", "command"]], .unorderedNested),
    IntrospectionCase("command help", [["COMMAND", "HELP"], ["command", "help"]]),
    IntrospectionCase("command errors", [
        ["COMMAND", "foo"], ["COMMAND", "COUNT", "x"], ["COMMAND", "HELP", "x"], ["COMMAND", "GETKEYS"], ["COMMAND", "GETKEYS", "ping"],
        ["COMMAND", "GETKEYS", "nosuch", "a"], ["COMMAND", "GETKEYS", "ping", "a"], ["COMMAND", "GETKEYS", "client", "id"],
        ["COMMAND", "GETKEYS", "client", "nosuch"], ["COMMAND", "GETKEYS", "CONFIG", "GET", "x"], ["COMMAND", "GETKEYSANDFLAGS", "echo", "x"],
        ["COMMAND", "LIST", "x"], ["COMMAND", "LIST", "FILTERBY", "foo", "x"], ["COMMAND", "LIST", "FILTERBY", "pattern"],
        ["COMMAND", "LIST", "FILTERBY", "module", "x"], ["COMMAND", "LIST", "FILTERBY", "aclcat", "nosuch"],
        ["COMMAND", "LIST", "FILTERBY", "pattern", "nosuch*"], ["COMMAND", "DOCS", "nosuch"],
    ]),
    // The docs Redis gives without arguments or history are exactly what Cairn records.
    IntrospectionCase("command docs", [[
        "COMMAND", "DOCS", "client|id", "client|getname", "client|help", "quit", "command|count", "command|getkeys",
        "command|getkeysandflags", "command|help", "config|help", "config|resetstat", "config|rewrite", "nosuch",
    ]]),
    IntrospectionCase("command list by pattern", [["COMMAND", "LIST", "FILTERBY", "PATTERN", "config*"]], .unorderedElements),
    IntrospectionCase("command list of command", [["COMMAND", "LIST", "FILTERBY", "pattern", "COMMAND*"]], .unorderedElements),
    IntrospectionCase("command list by name", [["COMMAND", "LIST", "FILTERBY", "pattern", "client|[gs]etname"]], .unorderedElements),
    IntrospectionCase("config help", [["CONFIG", "HELP"]]),
    IntrospectionCase("config get one name", [
        ["CONFIG", "GET", "maxclients"], ["CONFIG", "GET", "MAXCLIENTS"], ["CONFIG", "GET", "timeout"], ["CONFIG", "GET", "requirepass"],
        ["CONFIG", "GET", "proto-max-bulk-len"], ["CONFIG", "GET", "save"], ["CONFIG", "GET", "hash-max-ziplist-entries"],
        ["CONFIG", "GET", "maxclient[s]"], ["CONFIG", "GET", "max\\clients"], ["CONFIG", "GET", "nosuch"],
        ["CONFIG", "GET", "maxclients", "MAXCLIENTS"], ["CONFIG", "GET", "MAXCLIENTS", "maxclients"],
    ]),
    IntrospectionCase("config get patterns", [["CONFIG", "GET", "hash-max-*"]], .unorderedPairs),
    IntrospectionCase("config get more patterns", [["CONFIG", "GET", "zset-max-*"]], .unorderedPairs),
    IntrospectionCase("config get list names", [["CONFIG", "GET", "list-*"]], .unorderedPairs),
    IntrospectionCase("config get several", [["CONFIG", "GET", "maxclients", "timeout", "nosuch", "stream-node-*", "HLL*", "set-max-*"]],
                      .unorderedPairs),
    IntrospectionCase("config set errors", [
        ["CONFIG", "SET", "foo", "bar"], ["CONFIG", "SET", "maxclients", "abc"], ["CONFIG", "SET", "maxclients", "-1"],
        ["CONFIG", "SET", "maxclients", "0"], ["CONFIG", "SET", "MAXCLIENTS", "5kb"], ["CONFIG", "SET", "maxclients", "4294967296"],
        ["CONFIG", "SET", "timeout", "abc"], ["CONFIG", "SET", "timeout", "-1"], ["CONFIG", "SET", "timeout", "1.5"],
        ["CONFIG", "SET", "timeout", "+5"], ["CONFIG", "SET", "timeout", "9999999999"], ["CONFIG", "SET", "proto-max-bulk-len", "1"],
        ["CONFIG", "SET", "proto-max-bulk-len", "abc"], ["CONFIG", "SET", "proto-max-bulk-len", ""], ["CONFIG", "SET", "proto-max-bulk-len", "1M"],
        ["CONFIG", "SET", "proto-max-bulk-len", "99999999999999999999"], ["CONFIG", "SET", "appendonly", "maybe"],
        ["CONFIG", "SET", "hash-max-ziplist-entries", "-1"], ["CONFIG", "SET", "hash-max-listpack-value", "-1"],
        ["CONFIG", "SET", "list-max-listpack-size", "99999999999"], ["CONFIG", "SET", "list-compress-depth", "-1"],
        ["CONFIG", "SET", "set-max-intset-entries", "x"], ["CONFIG", "SET", "zset-max-ziplist-value", "x"],
        ["CONFIG", "SET", "stream-node-max-bytes", "99999999999999999999"], ["CONFIG", "SET", "hll-sparse-max-bytes", "-1"],
        ["CONFIG", "SET", "maxclients", "100", "maxclients", "200"], ["CONFIG", "SET", "maxclients", "10", "MAXCLIENTS", "20"],
        ["CONFIG", "SET", "maxclients", "abc", "foo", "bar"], ["CONFIG", "SET", "foo", "bar", "maxclients", "1"],
        ["CONFIG", "SET", "maxclients"], ["CONFIG", "SET", "timeout", "1", "maxclients"], ["CONFIG", "GET"], ["CONFIG"],
        ["CONFIG", "foo"], ["CONFIG", "RESETSTAT", "x"], ["CONFIG", "REWRITE", "x"],
    ]),
    IntrospectionCase("config set and get back", [
        ["CONFIG", "SET", "maxclients", "100"], ["CONFIG", "GET", "maxclients"], ["CONFIG", "SET", "maxclients", "10000"],
        ["CONFIG", "SET", "proto-max-bulk-len", "2mb"], ["CONFIG", "GET", "proto-max-bulk-len"],
        ["CONFIG", "SET", "proto-max-bulk-len", "1GB"], ["CONFIG", "GET", "proto-max-bulk-len"],
        ["CONFIG", "SET", "proto-max-bulk-len", "512mb"], ["CONFIG", "SET", "hash-max-ziplist-entries", "1", "hash-max-listpack-entries", "2"],
        ["CONFIG", "GET", "hash-max-ziplist-entries"], ["CONFIG", "SET", "hash-max-listpack-entries", "512"],
        ["CONFIG", "SET", "stream-node-max-bytes", "1kb"], ["CONFIG", "GET", "stream-node-max-bytes"],
        ["CONFIG", "SET", "stream-node-max-bytes", "4096"], ["CONFIG", "SET", "save", ""], ["CONFIG", "GET", "save"],
        ["CONFIG", "RESETSTAT"],
    ]),
    IntrospectionCase("config set fails whole", [
        ["CONFIG", "SET", "timeout", "5", "maxclients", "abc"], ["CONFIG", "GET", "timeout"],
    ]),
]

// MARK: Comparing

/// The header line and elements of a top-level aggregate reply (a map's keys and values in turn).
private func topLevelElements(_ reply: [UInt8]) -> (header: String, elements: [[UInt8]])? {
    guard let lineEnd = reply.firstIndex(of: 13) else { return nil }
    let header = String(decoding: reply[1..<lineEnd], as: UTF8.self)
    var offset = lineEnd + 2
    var elements: [[UInt8]] = []
    while offset < reply.count {
        guard let length = RESPReplyFraming.replyLength(reply[offset...]) else { return nil }
        elements.append(Array(reply[offset..<(offset + length)]))
        offset += length
    }
    return (String(decoding: reply.prefix(1), as: UTF8.self) + header, elements)
}

/// A rendering of `reply` in which what `comparison` leaves free no longer shows.
private func comparable(_ reply: [UInt8], _ comparison: IntrospectionComparison) -> String {
    let text = String(decoding: reply, as: UTF8.self)
    switch comparison {
    case .exact:
        return text
    case .shape:
        return shape(reply)
    case .unorderedNested:
        return nested(reply)
    case .unorderedElements, .unorderedPairs:
        guard let (header, elements) = topLevelElements(reply) else { return text }
        let rendered = elements.map { String(decoding: $0, as: UTF8.self) }
        guard case .unorderedPairs = comparison else { return header + "|" + rendered.sorted().joined(separator: "|") }
        let pairs = stride(from: 0, to: rendered.count - 1, by: 2).map { rendered[$0] + rendered[$0 + 1] }
        return header + "|" + pairs.sorted().joined(separator: "|")
    }
}

/// `reply` with the elements of every aggregate sorted, at every depth.
private func nested(_ reply: [UInt8]) -> String {
    guard let first = reply.first, "*~%".utf8.contains(first), let (header, elements) = topLevelElements(reply) else {
        return String(decoding: reply, as: UTF8.self)
    }
    return header + "[" + elements.map(nested).sorted().joined(separator: "|") + "]"
}

/// Sends a case, after `HELLO 3` when `resp3`, and returns the replies (HELLO's left out).
private func exchange(_ testCase: IntrospectionCase, port: Int, resp3: Bool) -> [[UInt8]]? {
    guard let client = RESPTestClient(port: port, timeoutSeconds: 10) else { return nil }
    if resp3, client.command(["HELLO", "3"]) == nil { return nil }
    var replies: [[UInt8]] = []
    for command in testCase.commands {
        guard let reply = client.command(command) else { break }
        replies.append(reply)
    }
    return replies
}

/// A redis-server and a Cairn node side by side, both stopped by `stop()`.
private struct ServerPair {
    let redis: RedisServerProcess
    let node: NodeProcess
    let cairnPort: Int

    static func start(_ name: String = #function) async throws -> ServerPair {
        let redis = try #require(RedisServerProcess(), "redis-server 7.0 must be installed (make test installs it)")
        let node = try NodeProcess(arguments: [
            "start", "--config", packageRoot().appendingPathComponent("config/single.yaml").path,
            "--set", "node.data-dir=\(scratchDirectory(name))/n1", "--set", "resp.listen=127.0.0.1:0",
            "--set", "metrics.listen=127.0.0.1:0",
        ])
        let started = await node.waitForLogLine(msg: "node started")
        guard let port = (started?["addresses.resp"] as? String)?.split(separator: ":").last.flatMap({ Int($0) }) else {
            node.signal(SIGKILL)
            redis.stop()
            throw CancellationError()
        }
        return ServerPair(redis: redis, node: node, cairnPort: port)
    }

    func stop() async {
        redis.stop()
        #expect(await node.stop() == 0)
    }
}

// MARK: Multi-connection scenarios

/// One step of a scenario over several connections to one server.
private enum Step: Sendable {
    case send(Int, [String])
    /// Opens connection `n` and reads a reply it gets unasked (a refusal), if any within a second.
    case connectAndPeek(Int)
    case wait(Duration)
    /// Records whether the server has closed connection `n`.
    case checkClosed(Int)
}

/// Runs `steps` against `port` and returns what each step saw, for comparing two servers.
private func transcript(_ steps: [Step], port: Int) -> [String] {
    var clients: [Int: RESPTestClient] = [:]
    var seen: [String] = []
    for step in steps {
        switch step {
        case .send(let index, let command):
            if clients[index] == nil { clients[index] = RESPTestClient(port: port, timeoutSeconds: 10) }
            let reply = clients[index]?.command(command)
            seen.append("\(index) \(command.joined(separator: " ")) -> " + (reply.map { String(decoding: $0, as: UTF8.self) } ?? "nothing"))
        case .connectAndPeek(let index):
            let client = RESPTestClient(port: port, timeoutSeconds: 1)
            clients[index] = client
            let reply = client?.readReply()
            seen.append("\(index) connect -> " + (reply.map { String(decoding: $0, as: UTF8.self) } ?? "nothing"))
        case .wait(let duration):
            let (seconds, attoseconds) = duration.components
            usleep(UInt32(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
        case .checkClosed(let index):
            seen.append("\(index) closed: \(clients[index]?.isClosedByServer() ?? true)")
        }
    }
    return seen
}

@Suite(.serialized) struct DifferentialIntrospectionTests {
    @Test func test_commandAndConfig_matchRedis_inRESP2AndRESP3() async throws {
        let servers = try await ServerPair.start()
        for resp3 in [false, true] {
            for testCase in introspectionCases {
                let label = "\(testCase) (\(resp3 ? "RESP3" : "RESP2"))"
                let expected = await BlockingTask { exchange(testCase, port: servers.redis.port, resp3: resp3) }.value
                let actual = await BlockingTask { exchange(testCase, port: servers.cairnPort, resp3: resp3) }.value
                let want = try #require(expected, "redis: \(label)")
                let got = try #require(actual, "cairn: \(label)")
                #expect(want.count == testCase.commands.count, "redis gave fewer replies in \(label)")
                #expect(got.map { comparable($0, testCase.comparison) } == want.map { comparable($0, testCase.comparison) }, "\(label)")
            }
        }
        await servers.stop()
    }

    @Test func test_requirepass_changesLive_forNewAuthsAndNewConnections() async throws {
        let servers = try await ServerPair.start()
        let steps: [Step] = [
            .send(1, ["CONFIG", "SET", "requirepass", "pw"]),
            // Connected before: still authenticated. A new connection must authenticate.
            .send(1, ["PING"]), .send(2, ["PING"]), .send(2, ["AUTH", "wrong"]), .send(2, ["AUTH", "pw"]), .send(2, ["PING"]),
            .send(3, ["ECHO", "x"]), .send(1, ["CONFIG", "GET", "requirepass"]),
            // Clearing it frees a client that never authenticated.
            .send(1, ["CONFIG", "SET", "requirepass", ""]), .send(3, ["ECHO", "x"]), .send(4, ["PING"]),
            .send(4, ["AUTH", "pw"]),
        ]
        let want = await BlockingTask { transcript(steps, port: servers.redis.port) }.value
        let got = await BlockingTask { transcript(steps, port: servers.cairnPort) }.value
        #expect(got == want)
        await servers.stop()
    }

    @Test func test_maxclients_andProtoMaxBulkLen_changeLive() async throws {
        let servers = try await ServerPair.start()
        let oversized = "*1\r\n$1048577\r\n"
        let steps: [Step] = [
            .send(1, ["CONFIG", "SET", "maxclients", "2"]), .send(2, ["PING"]), .connectAndPeek(3), .checkClosed(3),
            .send(1, ["CONFIG", "SET", "maxclients", "10000"]), .connectAndPeek(4), .send(4, ["PING"]),
            .send(1, ["CONFIG", "SET", "proto-max-bulk-len", "1mb"]),
        ]
        let want = await BlockingTask { transcript(steps, port: servers.redis.port) }.value
        let got = await BlockingTask { transcript(steps, port: servers.cairnPort) }.value
        #expect(got == want)
        // A bulk one byte over the new limit is a protocol error on a connection opened before the change.
        let oversizedReplies = await BlockingTask { () -> [[UInt8]?] in
            [servers.redis.port, servers.cairnPort].map { port in
                let client = RESPTestClient(port: port, timeoutSeconds: 10)
                _ = client?.command(["PING"])
                _ = RESPTestClient(port: port, timeoutSeconds: 10)?.command(["CONFIG", "SET", "proto-max-bulk-len", "1mb"])
                client?.send(raw: Array(oversized.utf8))
                let reply = client?.readReply()
                _ = RESPTestClient(port: port, timeoutSeconds: 10)?.command(["CONFIG", "SET", "proto-max-bulk-len", "512mb"])
                return reply
            }
        }.value
        #expect(oversizedReplies[0] == Array("-ERR Protocol error: invalid bulk length\r\n".utf8))
        #expect(oversizedReplies[1] == oversizedReplies[0])
        await servers.stop()
    }

    @Test func test_timeout_changesLive_forConnectionsAlreadyOpen() async throws {
        let servers = try await ServerPair.start()
        let steps: [Step] = [
            .send(1, ["PING"]), .send(2, ["CONFIG", "SET", "timeout", "1"]), .wait(.milliseconds(3_500)),
            .checkClosed(1), .send(3, ["CONFIG", "SET", "timeout", "0"]), .send(3, ["CONFIG", "GET", "timeout"]),
        ]
        async let want = BlockingTask { transcript(steps, port: servers.redis.port) }.value
        async let got = BlockingTask { transcript(steps, port: servers.cairnPort) }.value
        let (redisSaw, cairnSaw) = await (want, got)
        #expect(cairnSaw == redisSaw)
        #expect(redisSaw.contains("1 closed: true"))
        await servers.stop()
    }

    /// docs/COMPATIBILITY.md lists these differences; the test pins Cairn's side of each.
    @Test func test_listedDivergences() async throws {
        let servers = try await ServerPair.start()
        let port = servers.cairnPort
        let replies = await BlockingTask { () -> [String] in
            guard let client = RESPTestClient(port: port) else { return [] }
            return [
                ["CONFIG", "GET", "appendonly"], ["CONFIG", "GET", "appendfsync"],
                ["CONFIG", "SET", "appendfsync", "everysec"], ["CONFIG", "SET", "save", "900 1"], ["CONFIG", "SET", "appendonly", "no"],
                ["CONFIG", "REWRITE"], ["CONFIG", "GET", "resp.max-clients"], ["CONFIG", "SET", "resp.timeout", "250ms"],
                ["CONFIG", "GET", "timeout", "resp.timeout"], ["CONFIG", "SET", "resp.listen", "127.0.0.1:1"],
                ["CONFIG", "SET", "resp.timeout", "0s"], ["COMMAND", "DOCS", "ping"],
            ].map { client.command($0).map { String(decoding: $0, as: UTF8.self) } ?? "nothing" }
        }.value
        #expect(replies == [
            "*2\r\n$10\r\nappendonly\r\n$3\r\nyes\r\n",
            "*2\r\n$11\r\nappendfsync\r\n$6\r\nalways\r\n",
            "-ERR CONFIG SET failed (possibly related to argument 'appendfsync') - can't set immutable config\r\n",
            "-ERR CONFIG SET failed (possibly related to argument 'save') - Cairn takes no snapshots; only an empty save is accepted\r\n",
            "-ERR CONFIG SET failed (possibly related to argument 'appendonly') - Cairn always persists every write; appendonly cannot be turned off\r\n",
            "-ERR CONFIG REWRITE is not supported: Cairn never writes its configuration file, so CONFIG SET lasts until the node restarts\r\n",
            "*2\r\n$16\r\nresp.max-clients\r\n$5\r\n10000\r\n",
            "+OK\r\n",
            "*4\r\n$7\r\ntimeout\r\n$1\r\n1\r\n$12\r\nresp.timeout\r\n$5\r\n250ms\r\n",
            "-ERR CONFIG SET failed (possibly related to argument 'resp.listen') - can't set immutable config\r\n",
            "+OK\r\n",
            // Summary, since, group and complexity; Redis adds arguments.
            "*2\r\n$4\r\nping\r\n*8\r\n$7\r\nsummary\r\n$15\r\nPing the server\r\n$5\r\nsince\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n$10\r\nconnection\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n",
        ])
        // COMMAND COUNT counts Cairn's commands, which COMMAND lists.
        let counts = await BlockingTask { () -> (count: [UInt8]?, all: [UInt8]?) in
            let client = RESPTestClient(port: port)
            return (client?.command(["COMMAND", "COUNT"]), client?.command(["COMMAND"]))
        }.value
        let count = try #require(counts.count.map { String(decoding: $0, as: UTF8.self) })
        let all = try #require(counts.all.map { String(decoding: $0, as: UTF8.self) })
        #expect(count.hasPrefix(":") && all.hasPrefix("*" + count.dropFirst().prefix { $0.isNumber } + "\r\n"))
        await servers.stop()
    }
}
