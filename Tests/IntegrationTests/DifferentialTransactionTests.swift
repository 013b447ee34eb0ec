// Differential tests of MULTI, EXEC, DISCARD, WATCH and UNWATCH against redis-server 7.0, in
// both protocols: queueing, queue-time errors (EXECABORT), errors inside EXEC, session commands
// in a block, reads seeing the block's writes, and WATCH aborts caused by a second connection.
// A block's keys share a hash tag: Cairn runs a block in one slot (DESIGN §5).
import Foundation
import TestSupport
import Testing

private let transactionCases: [DifferentialCase] = [
    .commands("a block runs in order", [["MULTI"], ["SET", "{t}a", "1"], ["INCR", "{t}a"], ["GET", "{t}a"], ["SET", "{t}s", "x"],
                                        ["INCR", "{t}s"], ["APPEND", "{t}s", "y"], ["EXEC"], ["GET", "{t}a"], ["GET", "{t}s"]]),
    .commands("reads see the block's writes", [["SET", "{t}b", "old"], ["MULTI"], ["SET", "{t}a", "5"], ["INCRBY", "{t}a", "3"],
                                               ["MGET", "{t}a", "{t}b", "{t}c"], ["EXISTS", "{t}a", "{t}b", "{t}c"], ["DEL", "{t}a", "{t}c"],
                                               ["EXISTS", "{t}a"], ["TYPE", "{t}b"], ["STRLEN", "{t}b"], ["RENAME", "{t}b", "{t}c"],
                                               ["GET", "{t}c"], ["EXEC"], ["MGET", "{t}a", "{t}b", "{t}c"]]),
    .commands("expiry inside a block", [["MULTI"], ["SET", "k", "v", "EX", "100"], ["TTL", "k"], ["PERSIST", "k"], ["TTL", "k"],
                                        ["EXPIRE", "k", "50"], ["TTL", "k"], ["SET", "k", "v", "PX", "0"], ["EXEC"], ["TTL", "k"]]),
    .commands("errors at EXEC are elements", [["MULTI"], ["SET", "k", "v", "XX", "NX"], ["INCRBY", "k", "x"], ["SET", "k", "v"],
                                              ["EXPIRE", "k", "abc"], ["GETRANGE", "k", "a", "b"], ["EXEC"], ["GET", "k"]]),
    .commands("nesting and stray EXEC DISCARD", [["EXEC"], ["DISCARD"], ["MULTI"], ["MULTI"], ["SET", "k", "1"], ["EXEC"], ["EXEC"],
                                                 ["GET", "k"]]),
    .commands("unknown command aborts", [["MULTI"], ["SET", "k", "1"], ["FOO", "bar"], ["GET"], ["CLIENT", "NOSUCH"], ["EXEC"], ["GET", "k"],
                                         ["EXEC"]]),
    .commands("EXEC with arguments aborts", [["MULTI"], ["SET", "k", "1"], ["EXEC", "x"], ["GET", "k"], ["EXEC"], ["EXEC", "y"]]),
    .commands("arity of the transaction commands", [["MULTI", "x"], ["DISCARD", "x"], ["WATCH"], ["UNWATCH", "x"], ["MULTI"], ["WATCH"],
                                                    ["DISCARD"], ["MULTI"], ["MULTI", "x"], ["EXEC"]]),
    .commands("discard", [["MULTI"], ["SET", "k", "1"], ["DISCARD"], ["GET", "k"], ["DISCARD"], ["MULTI"], ["EXEC"]]),
    .commands("session commands run at EXEC", [["MULTI"], ["PING"], ["ECHO", "x"], ["CLIENT", "SETNAME", "in-block"], ["CLIENT", "GETNAME"],
                                               ["SET", "k", "v"], ["PING", "hi"], ["GET", "k"], ["EXEC"], ["CLIENT", "GETNAME"]]),
    .commands("commands refused in a block", [["MULTI"], ["SAVE"], ["SHUTDOWN"], ["PING"], ["EXEC"]]),
    .commands("monitor in a block", [["MULTI"], ["MONITOR"], ["PING"], ["EXEC"], ["PING"]]),
    .commands("watch inside multi", [["MULTI"], ["WATCH", "k"], ["SET", "k", "1"], ["EXEC"], ["GET", "k"]]),
    .commands("unwatch queued and alone", [["UNWATCH"], ["WATCH", "k"], ["UNWATCH"], ["SET", "k", "1"], ["MULTI"], ["UNWATCH"], ["GET", "k"],
                                           ["EXEC"]]),
    .commands("own write after WATCH aborts", [["SET", "k", "1"], ["WATCH", "k"], ["SET", "k", "2"], ["MULTI"], ["INCR", "k"], ["EXEC"],
                                               ["GET", "k"]]),
    .commands("own write before WATCH does not", [["SET", "k", "1"], ["WATCH", "k", "{k}other"], ["MULTI"], ["INCR", "k"], ["EXEC"],
                                                  ["GET", "k"]]),
    .commands("a failed write is no change", [["SET", "k", "1"], ["WATCH", "k"], ["SET", "k", "2", "NX"], ["EXPIRE", "k", "10", "XX"],
                                              ["DEL", "{k}x"], ["MULTI"], ["INCR", "k"], ["EXEC"]]),
    .commands("EXEC and DISCARD forget watches", [["WATCH", "k"], ["MULTI"], ["EXEC"], ["SET", "k", "1"], ["MULTI"], ["INCR", "k"], ["EXEC"],
                                                  ["WATCH", "k"], ["MULTI"], ["DISCARD"], ["SET", "k", "5"], ["MULTI"], ["INCR", "k"], ["EXEC"]]),
    .commands("EXECABORT forgets watches", [["WATCH", "k"], ["MULTI"], ["NOSUCH"], ["EXEC"], ["SET", "k", "1"], ["MULTI"], ["INCR", "k"],
                                            ["EXEC"]]),
    .commands("reset ends a block", [["MULTI"], ["SET", "k", "1"], ["RESET"], ["EXEC"], ["GET", "k"]]),
    .commands("keyless block", [["SET", "k", "v"], ["MULTI"], ["DBSIZE"], ["PING"], ["FLUSHALL"], ["DBSIZE"], ["EXEC"], ["GET", "k"]]),
    .commands("pipelined blocks", [["MULTI"], ["INCR", "n"], ["INCR", "n"], ["EXEC"], ["MULTI"], ["INCRBY", "n", "10"], ["GET", "n"], ["EXEC"],
                                   ["GET", "n"]]),
    .commands("subscribe in a block", [["MULTI"], ["SUBSCRIBE", "a"], ["EXEC"], ["PING"], ["UNSUBSCRIBE", "a"], ["PING"]]),
    .commands("subscribed mode refuses MULTI", [["SUBSCRIBE", "c"], ["MULTI"], ["EXEC"], ["UNSUBSCRIBE"], ["MULTI"], ["EXEC"]], replies: 6),
]

@Suite struct DifferentialTransactionTests {
    @Test func test_transactions_matchRedisInBothProtocols() async throws {
        try await compare(transactionCases, resp3: true, flushBetweenCases: true)
    }

    /// WATCH aborts caused by another connection: each script runs on both servers, commands in
    /// order, each on connection 0 or 1, and every reply is compared.
    @Test(arguments: [false, true])
    func test_watch_abortsWhenAnotherClientChangesTheKey(resp3: Bool) async throws {
        let scripts: [(String, [(Int, [String])])] = [
            ("other client writes", [(0, ["SET", "k", "1"]), (0, ["WATCH", "k"]), (1, ["SET", "k", "1"]), (0, ["MULTI"]),
                                     (0, ["INCR", "k"]), (0, ["EXEC"]), (0, ["GET", "k"])]),
            ("other client creates", [(0, ["WATCH", "k"]), (1, ["SET", "k", "x"]), (0, ["MULTI"]), (0, ["SET", "k", "mine"]),
                                      (0, ["EXEC"]), (0, ["GET", "k"])]),
            ("other client deletes", [(0, ["SET", "k", "1"]), (0, ["WATCH", "k"]), (1, ["DEL", "k"]), (0, ["MULTI"]), (0, ["INCR", "k"]),
                                      (0, ["EXEC"])]),
            ("other client's no-op", [(0, ["WATCH", "k"]), (1, ["DEL", "k"]), (1, ["SET", "{k}x", "1"]), (0, ["MULTI"]), (0, ["INCR", "k"]),
                                      (0, ["EXEC"])]),
            ("flushall of a watched key", [(0, ["SET", "k", "1"]), (0, ["WATCH", "k"]), (1, ["FLUSHALL"]), (0, ["MULTI"]), (0, ["INCR", "k"]),
                                           (0, ["EXEC"])]),
            ("flushall of a missing key", [(0, ["WATCH", "k"]), (1, ["FLUSHALL"]), (0, ["MULTI"]), (0, ["INCR", "k"]), (0, ["EXEC"])]),
            ("other client after UNWATCH", [(0, ["WATCH", "k"]), (1, ["SET", "k", "1"]), (0, ["UNWATCH"]), (0, ["MULTI"]), (0, ["INCR", "k"]),
                                            (0, ["EXEC"])]),
            ("one of several watched keys", [(0, ["WATCH", "{a}1", "{a}2"]), (0, ["WATCH", "{a}3"]), (1, ["SET", "{a}3", "x"]),
                                             (0, ["MULTI"]), (0, ["SET", "{a}1", "y"]), (0, ["EXEC"]), (0, ["MGET", "{a}1", "{a}3"])]),
        ]
        let redis = try #require(RedisServerProcess(), "redis-server 7.0 must be installed")
        defer { redis.stop() }
        let (node, cairnPort) = try await NodeProcess.startSingle(name: "watch-two-connections-\(resp3)")
        defer { node.signal(SIGKILL) }
        for (name, script) in scripts {
            let expected = await BlockingTask { runScript(script, port: redis.port, resp3: resp3) }.value
            let actual = await BlockingTask { runScript(script, port: cairnPort, resp3: resp3) }.value
            #expect(actual == expected, "\(name), RESP\(resp3 ? 3 : 2)")
        }
        #expect(await node.stop() == 0)
    }

    /// CLIENT LIST from another connection shows an open block: flag `x`, `multi=<queued>`.
    @Test func test_clientList_showsAnOpenBlock() async throws {
        let script: [(Int, [String])] = [(0, ["MULTI"]), (0, ["SET", "k", "1"]), (0, ["GET", "k"]), (1, ["CLIENT", "LIST"])]
        let redis = try #require(RedisServerProcess(), "redis-server 7.0 must be installed")
        defer { redis.stop() }
        let (node, cairnPort) = try await NodeProcess.startSingle(name: "client-list-multi")
        defer { node.signal(SIGKILL) }
        for port in [redis.port, cairnPort] {
            let replies = await BlockingTask { runScript(script, port: port, resp3: false) }.value
            let fields = replies.last.map { list in
                list.split(separator: "\n").map { line in
                    line.split(separator: " ").filter { $0.hasPrefix("flags=") || $0.hasPrefix("multi=") }.joined(separator: " ")
                }
            } ?? []
            #expect(fields.contains("flags=x multi=2") && fields.contains("flags=N multi=-1"), "port \(port): \(fields)")
        }
        #expect(await node.stop() == 0)
    }

    /// Expiry and WATCH, compared with Redis (connection -1 pauses 150 ms): a key live at WATCH
    /// that expires changed; a key already expired at WATCH whose deletion (DEL, FLUSHALL) is
    /// all that happened did not; one written again did.
    @Test func test_watch_andExpiry_matchRedis() async throws {
        let scripts: [(String, [(Int, [String])])] = [
            ("expires after WATCH", [(0, ["SET", "k", "1", "PX", "100"]), (0, ["WATCH", "k"]), (0, ["MULTI"]), (0, ["INCR", "k"]), (-1, []),
                                     (0, ["EXEC"]), (0, ["GET", "k"])]),
            ("expired before WATCH, then deleted", [(0, ["SET", "k", "1", "PX", "20"]), (-1, []), (0, ["WATCH", "k"]), (1, ["DEL", "k"]),
                                                    (0, ["MULTI"]), (0, ["INCR", "k"]), (0, ["EXEC"])]),
            ("expired before WATCH, then flushed", [(0, ["SET", "k", "1", "PX", "20"]), (-1, []), (0, ["WATCH", "k"]), (1, ["FLUSHALL"]),
                                                    (0, ["MULTI"]), (0, ["INCR", "k"]), (0, ["EXEC"])]),
            ("expired before WATCH, then written", [(0, ["SET", "k", "1", "PX", "20"]), (-1, []), (0, ["WATCH", "k"]), (1, ["SET", "k", "2"]),
                                                    (0, ["MULTI"]), (0, ["INCR", "k"]), (0, ["EXEC"])]),
        ]
        let redis = try #require(RedisServerProcess(), "redis-server 7.0 must be installed")
        defer { redis.stop() }
        let (node, cairnPort) = try await NodeProcess.startSingle(name: "watch-expiry")
        defer { node.signal(SIGKILL) }
        for (name, script) in scripts {
            let expected = await BlockingTask { runScript(script, port: redis.port, resp3: false) }.value
            let actual = await BlockingTask { runScript(script, port: cairnPort, resp3: false) }.value
            #expect(actual == expected, "\(name)")
        }
        #expect(await node.stop() == 0)
    }
}

/// Runs `script` on two fresh connections to `port` after emptying the keyspace.
private func runScript(_ script: [(Int, [String])], port: Int, resp3: Bool) -> [String] {
    guard let first = RESPTestClient(port: port, timeoutSeconds: 10), let second = RESPTestClient(port: port, timeoutSeconds: 10) else {
        return ["no connection"]
    }
    var setup: [(Int, [String])] = [(0, ["FLUSHALL"])]
    if resp3 { setup += [(0, ["HELLO", "3"]), (1, ["HELLO", "3"])] }
    _ = runScript(setup, clients: [first, second])
    return runScript(script, clients: [first, second])
}

/// Sends each command on its connection and waits for its reply before the next.
private func runScript(_ script: [(Int, [String])], clients: [RESPTestClient]) -> [String] {
    script.compactMap { connection, command in
        guard connection >= 0 else {
            usleep(150_000)
            return nil
        }
        clients[connection].send(raw: RESPTestClient.encode(command))
        return clients[connection].readReply().map { String(decoding: $0, as: UTF8.self) } ?? "no reply"
    }
}
