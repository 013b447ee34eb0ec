// The RESP server's commands and connections on /metrics: counters move by exactly what ran.
import Foundation
import TestSupport
import Testing

@Suite struct ServerMetricsProcessTests {
    @Test func test_metrics_countCommandsErrorsLatenciesAndConnections() async throws {
        let node = try await RunningNode.start()
        defer { Task { await node.stop() } }
        let before = Exposition(await node.get("/metrics"))

        // Two clients: 3 SETs, 2 GETs, one INCR of a non-number (an error), one unknown command.
        let opened = await BlockingTask { () -> HandedOver<[RESPTestClient]>? in
            guard let first = RESPTestClient(port: node.resp), let second = RESPTestClient(port: node.resp) else { return nil }
            return HandedOver(value: [first, second])
        }.value
        let clients = try #require(opened)
        let replies = await BlockingTask { () -> [String] in
            let first = clients.value[0], second = clients.value[1]
            let sent: [(RESPTestClient, [String])] = [
                (first, ["SET", "a", "1"]), (second, ["SET", "b", "x"]), (first, ["SET", "c", "3"]),
                (first, ["GET", "a"]), (second, ["GET", "missing"]), (second, ["INCR", "b"]), (first, ["NOSUCHCOMMAND", "z"]),
            ]
            return sent.map { client, words in client.command(words).map { String(decoding: $0, as: UTF8.self) } ?? "no reply" }
        }.value
        #expect(replies[0...2].allSatisfy { $0 == "+OK\r\n" }, "\(replies)")
        #expect(replies[3] == "$1\r\n1\r\n" && replies[4] == "$-1\r\n", "\(replies)")
        #expect(replies[5].hasPrefix("-ERR value is not an integer"), "\(replies)")
        #expect(replies[6].hasPrefix("-ERR unknown command"), "\(replies)")

        // Both clients are connected now: the gauge counts them (it is set on each scrape).
        var during = Exposition(await node.get("/metrics"))
        #expect(during.delta("cairn_commands_total", #"command="set""#, since: before) == 3, "\(during.text)")
        #expect(during.delta("cairn_commands_total", #"command="get""#, since: before) == 2)
        #expect(during.delta("cairn_commands_total", #"command="incr""#, since: before) == 1)
        #expect(during.delta("cairn_command_errors_total", #"command="incr""#, since: before) == 1)
        #expect(during.value("cairn_command_errors_total", #"command="set""#) == nil, "a command that never failed has no error series")
        #expect(during.delta("cairn_commands_total", #"command="unknown""#, since: before) == 1)
        #expect(during.delta("cairn_command_errors_total", #"command="unknown""#, since: before) == 1)
        #expect(!during.text.contains("nosuchcommand"), "an unknown word never becomes a label")
        // The histogram counted every call, and every call fell in the largest finite bucket.
        #expect(during.delta("cairn_command_duration_seconds_count", #"command="set""#, since: before) == 3)
        #expect(during.delta("cairn_command_duration_seconds_bucket", #"command="set",le="+Inf""#, since: before) == 3)
        #expect(during.delta("cairn_command_duration_seconds_bucket", #"command="set",le="10.0""#, since: before) == 3)
        #expect(during.value("cairn_command_duration_seconds_bucket", #"command="get",le="0.00005""#) != nil, "\(during.text)")
        #expect((during.value("cairn_command_duration_seconds_sum", #"command="set""#) ?? 0) > 0)
        #expect(during.delta("cairn_connections_total", nil, since: before) == 2)
        #expect(during.delta("cairn_connections", nil, since: before) == 2, "\(during.text)")

        // At max-clients the next connection is refused and counted.
        let refused = await BlockingTask { () -> String? in
            let first = clients.value[0]
            guard first.command(["CONFIG", "SET", "maxclients", "2"]) == Array("+OK\r\n".utf8),
                  let third = RESPTestClient(port: node.resp) else { return nil }
            // The refusal is written unasked, then the connection is closed.
            return third.readReply().map { String(decoding: $0, as: UTF8.self) }
        }.value
        #expect(refused == "-ERR max number of clients reached\r\n")
        during = Exposition(await node.get("/metrics"))
        #expect(during.delta("cairn_connections_rejected_total", nil, since: before) == 1, "\(during.text)")
        #expect(during.delta("cairn_connections_total", nil, since: before) == 2)
        #expect(during.delta("cairn_commands_total", #"command="config|set""#, since: before) == 1)

        // QUIT closes both (the server closes after the reply), which brings the gauge back down.
        let quit = await BlockingTask { () -> Bool in
            clients.value.allSatisfy { $0.command(["QUIT"]) == Array("+OK\r\n".utf8) && $0.isClosedByServer() }
        }.value
        #expect(quit)
        var after = Exposition("")
        let down = await eventually(timeout: .seconds(30)) {
            after = Exposition(await node.get("/metrics"))
            return after.delta("cairn_connections", nil, since: before) == 0
        }
        #expect(down, "\(after.text)")
        #expect(after.delta("cairn_connections_total", nil, since: before) == 2)
    }
}

/// A Prometheus text exposition, read by sample name and label text.
private struct Exposition {
    let text: String

    init(_ response: String) {
        text = response
    }

    /// The value of `name{labels}` (or of unlabelled `name` when `labels` is nil).
    func value(_ name: String, _ labels: String?) -> Double? {
        let prefix = labels.map { "\(name){\($0)} " } ?? "\(name) "
        return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Double($0.dropFirst(prefix.count)) }
    }

    /// How much a sample grew since `earlier`; a sample missing then counts as 0 there.
    func delta(_ name: String, _ labels: String?, since earlier: Exposition) -> Double? {
        value(name, labels).map { $0 - (earlier.value(name, labels) ?? 0) }
    }
}
