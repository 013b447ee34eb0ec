// Server commands that involve several connections: pub/sub delivery, MONITOR, CLIENT KILL and
// LIST, SHUTDOWN, and the node-wide query buffer cap.
import Foundation
import Glibc
import TestSupport
import Testing

@Suite struct ServerCommandsProcessTests {
    private func startNode(_ settings: [String] = [], _ name: String = #function) async throws -> (NodeProcess, Int) {
        try await NodeProcess.startSingle(settings, name: name)
    }

    private static func text(_ reply: [UInt8]?) -> String? { reply.map { String(decoding: $0, as: UTF8.self) } }

    @Test func test_publish_reachesChannelAndPatternSubscribersOnOtherConnections() async throws {
        let (node, port) = try await startNode()
        defer { node.signal(SIGKILL) }
        let outcome = await BlockingTask { () -> [String?] in
            guard let subscriber = RESPTestClient(port: port), let pusher = RESPTestClient(port: port),
                  let publisher = RESPTestClient(port: port) else { return [] }
            let subscribed = Self.text(subscriber.command(["SUBSCRIBE", "news"]))
            _ = pusher.command(["HELLO", "3"])
            let patterned = Self.text(pusher.command(["PSUBSCRIBE", "n*"]))
            let count = Self.text(publisher.command(["PUBLISH", "news", "hello"]))
            return [subscribed, patterned, count, Self.text(subscriber.readReply()), Self.text(pusher.readReply()),
                    Self.text(publisher.command(["PUBSUB", "NUMSUB", "news"])), Self.text(publisher.command(["PUBSUB", "NUMPAT"]))]
        }.value
        #expect(outcome == [
            "*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n",
            ">3\r\n$10\r\npsubscribe\r\n$2\r\nn*\r\n:1\r\n",
            ":2\r\n",
            "*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n",
            ">4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$5\r\nhello\r\n",
            "*2\r\n$4\r\nnews\r\n:1\r\n",
            ":1\r\n",
        ])
        #expect(await node.stop() == 0)
    }

    @Test func test_monitor_seesOtherClientsCommands_butNeverPasswords() async throws {
        let (node, port) = try await startNode()
        defer { node.signal(SIGKILL) }
        let lines = await BlockingTask { () -> [String] in
            guard let monitor = RESPTestClient(port: port), let client = RESPTestClient(port: port) else { return [] }
            guard monitor.command(["MONITOR"]) == Array("+OK\r\n".utf8) else { return ["MONITOR refused"] }
            _ = client.command(["AUTH", "secret"])
            _ = client.command(["SET", "k", "a\"b\n"])
            return [Self.text(monitor.readReply()) ?? "nothing"]
        }.value
        let line = try #require(lines.first)
        #expect(line.hasPrefix("+"))
        #expect(line.hasSuffix(" \"SET\" \"k\" \"a\\\"b\\n\"\r\n"), "\(line)")
        #expect(line.range(of: #"^\+\d+\.\d{6} \[0 127\.0\.0\.1:\d+\] "#, options: .regularExpression) != nil, "\(line)")
        #expect(await node.stop() == 0)
    }

    @Test func test_clientKill_closesTheOtherConnection_andListShowsNames() async throws {
        let (node, port) = try await startNode()
        defer { node.signal(SIGKILL) }
        let outcome = await BlockingTask { () -> (String?, String?, Bool) in
            guard let victim = RESPTestClient(port: port), let killer = RESPTestClient(port: port) else { return (nil, nil, false) }
            _ = victim.command(["CLIENT", "SETNAME", "victim"])
            let id = Self.text(victim.command(["CLIENT", "ID"]))?.dropFirst().prefix { $0.isNumber } ?? ""
            let list = Self.text(killer.command(["CLIENT", "LIST"]))
            let killed = Self.text(killer.command(["CLIENT", "KILL", "ID", String(id)]))
            return (list, killed, victim.isClosedByServer())
        }.value
        #expect(outcome.0?.contains(" name=victim ") == true)
        #expect(outcome.1 == ":1\r\n")
        #expect(outcome.2)
        #expect(await node.stop() == 0)
    }

    @Test func test_shutdown_stopsTheNodeCleanly() async throws {
        let (node, port) = try await startNode()
        defer { node.signal(SIGKILL) }
        let closedWithoutReply = await BlockingTask { () -> Bool in
            guard let client = RESPTestClient(port: port) else { return false }
            client.send(raw: RESPTestClient.encode(["SHUTDOWN", "NOSAVE"]))
            return client.readReply() == nil
        }.value
        #expect(closedWithoutReply)
        #expect(await node.waitForExit() == 0)
    }

    @Test func test_queryBufferTotal_disconnectsTheClientThatPassesIt_andOthersKeepWorking() async throws {
        let (node, port) = try await startNode(["resp.max-query-buffer-total=1MB"])
        defer { node.signal(SIGKILL) }
        let outcome = await BlockingTask { () -> (String?, String?) in
            guard let greedy = RESPTestClient(port: port), let polite = RESPTestClient(port: port) else { return (nil, nil) }
            // A bulk string announced at 4 MB and sent in part: the node must hold it unparsed.
            greedy.send(raw: Array("*2\r\n$4\r\nECHO\r\n$4000000\r\n".utf8) + [UInt8](repeating: 120, count: 1_500_000))
            return (Self.text(greedy.readReply()), Self.text(polite.command(["PING"])))
        }.value
        #expect(outcome.0?.hasPrefix("-ERR Protocol error: the query buffers of all clients exceed") == true, "\(outcome.0 ?? "nil")")
        #expect(outcome.1 == "+PONG\r\n")
        #expect(await node.stop() == 0)
    }

    @Test func test_subscriberThatNeverReads_isDisconnectedAtThePushOutputLimit() async throws {
        let (node, port) = try await startNode()
        defer { node.signal(SIGKILL) }
        let outcome = await BlockingTask { () -> (Bool, String?, Int) in
            guard let subscriber = RESPTestClient(port: port), let publisher = RESPTestClient(port: port) else { return (false, nil, 0) }
            guard subscriber.command(["SUBSCRIBE", "firehose"]) != nil else { return (false, nil, 0) }
            // 48 MB of messages that the subscriber never reads: past the 32 MB pubsub limit,
            // the node drops it instead of buffering without bound.
            let message = String(repeating: "m", count: 100_000)
            var lastCount = -1
            for _ in 0..<480 {
                guard let reply = publisher.command(["PUBLISH", "firehose", message]) else { break }
                lastCount = Int(String(decoding: reply.dropFirst().prefix { $0 != 13 }, as: UTF8.self)) ?? -1
            }
            let numsub = publisher.command(["PUBSUB", "NUMSUB", "firehose"]).map { String(decoding: $0, as: UTF8.self) }
            return (true, numsub, lastCount)
        }.value
        #expect(outcome.0)
        // Once dropped, the subscription is gone: later PUBLISHes reach nobody.
        #expect(outcome.1 == "*2\r\n$8\r\nfirehose\r\n:0\r\n")
        #expect(outcome.2 == 0)
        #expect(await node.stop() == 0)
    }
}
