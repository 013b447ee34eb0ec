// `cairn admin debug crash resp.listener-0`: the acceptor restarts under the `resp` supervisor,
// connections it accepted before keep working (they live on their loops, not in the listener),
// and new connections are accepted again on the same port.
import Foundation
import TestSupport
import Testing

@Suite struct ListenerCrashProcessTests {
    @Test func test_crashingTheListener_restartsIt_establishedClientsKeepWorking_newOnesConnect() async throws {
        let node = try await ClientTestNode.start(["admin.fault-injection=true", "runtime.loops=2"])
        defer { node.process.signal(SIGKILL) }
        let port = node.port

        // Four connections, handed round-robin to the two loops, each with a key of its own.
        let established = await BlockingTask { () -> HandedOver<[RESPTestClient]> in
            HandedOver(value: (0..<4).compactMap { index in
                let client = RESPTestClient(port: port)
                return client?.command(["SET", "before:\(index)", "v\(index)"]) == Array("+OK\r\n".utf8) ? client : nil
            })
        }.value
        try #require(established.value.count == 4)
        // And one that never stops sending through the crash and the restart.
        let busy = Bystander(port: port)
        busy.start()
        // Connected before the crash, or it would be a new connection racing the restart.
        try #require(await eventually { busy.correctCount > 0 })

        let crash = try await NodeProcess.run(["admin", "--socket", node.adminSocket, "debug", "crash", "resp.listener-0"])
        #expect(crash.status == 0, "\(crash.stderr)")
        #expect(crash.stdout.contains("resp.listener-0"))
        #expect(await eventually { events(node, "child_restarted").count == 1 }, "no child_restarted line for resp/listener-0")
        let terminated = try #require(events(node, "child_terminated").first)
        let restarted = try #require(events(node, "child_restarted").first)
        for line in [terminated, restarted] {
            #expect((line["reason"] as? String)?.contains("debug crash") == true, "\(line)")
            #expect(line["restart_type"] as? String == "permanent")
            #expect(line["level"] as? String == "warning")
        }
        #expect(restarted["restarts"] as? Int == 1)
        let busyAtRestart = busy.correctCount

        // The connections from before the crash still answer, reads and writes alike.
        let survivors = await BlockingTask { () -> [String] in
            established.value.enumerated().compactMap { index, client in
                let read = client.command(["GET", "before:\(index)"]).map { String(decoding: $0, as: UTF8.self) }
                let write = client.command(["SET", "after:\(index)", "w"]).map { String(decoding: $0, as: UTF8.self) }
                return read == "$2\r\nv\(index)\r\n" && write == "+OK\r\n" ? nil : "connection \(index): \(read ?? "closed"), \(write ?? "closed")"
            }
        }.value
        #expect(survivors.isEmpty, "established connections broke: \(survivors)")

        // New connections are accepted again, on the same port, and see the same data.
        let fresh = await eventually {
            await node.command(["MGET", "before:0", "after:3"]) == "*2\r\n$2\r\nv0\r\n$1\r\nw\r\n"
        }
        #expect(fresh, "no new connection succeeded after the restart")
        let busyOutcome = await busy.stop()
        #expect(busyOutcome.wrong.isEmpty, "the client sending throughout got: \(busyOutcome.wrong)")
        #expect(busyOutcome.correct > busyAtRestart, "the client sending throughout got no reply after the restart")
        // One crash, one restart: nothing else in the tree noticed.
        #expect(events(node, "child_terminated").count == 1)
        #expect(node.process.jsonLines().filter { $0["event"] as? String == "child_terminated" }.count == 1)
        #expect(await node.stop() == 0)
    }

    private func events(_ node: ClientTestNode, _ event: String) -> [[String: Any]] {
        node.process.jsonLines().filter {
            $0["event"] as? String == event && $0["supervisor"] as? String == "resp" && $0["child"] as? String == "listener-0"
        }
    }
}
