// The supervision tree in a real node: crashes through `cairn admin debug crash`, restarts,
// escalation, the root giving up — all visible in the JSON logs, /metrics and `admin tree`.
import Foundation
import TestSupport
import Testing

private let supervisorKeys = ["ts", "level", "node", "component", "msg", "supervisor", "child", "event", "reason",
                              "restart_type", "restarts", "intensity", "period_s"]

@Suite struct SupervisionProcessTests {
    @Test func test_crashingMetricsHttp_restartsIt_onTheSamePort_andIsCounted() async throws {
        let node = try await RunningNode.start()
        defer { Task { await node.stop() } }
        #expect(await node.get("/metrics").hasPrefix("HTTP/1.1 200"))

        let crash = try await node.admin(["debug", "crash", "metrics.http"])
        #expect(crash.status == 0, "\(crash.stderr)")
        #expect(crash.stdout.contains("metrics.http"))
        #expect(await node.waitForEvents("child_restarted", supervisor: "metrics", child: "http", count: 1))

        let terminated = try #require(node.events("child_terminated", supervisor: "metrics", child: "http").first)
        let restarted = try #require(node.events("child_restarted", supervisor: "metrics", child: "http").first)
        for line in [terminated, restarted] {
            for key in supervisorKeys { #expect(line[key] != nil, "missing \(key) in \(line)") }
            #expect(line["component"] as? String == "supervisor")
            #expect(line["level"] as? String == "warning")
            #expect(line["restart_type"] as? String == "permanent")
            #expect(line["intensity"] as? Int == 3)
            #expect(line["period_s"] as? Int == 5)
            #expect((line["reason"] as? String)?.contains("debug crash") == true)
        }
        #expect(restarted["restarts"] as? Int == 1)

        // Same port: the restarted listener rebinds what its first instance bound.
        let metrics = try #require(await node.getEventually("/metrics"))
        #expect(metrics.contains(#"cairn_supervisor_restarts_total{supervisor="metrics",child="http"} 1"#))
        let tree = try #require(await node.adminEventually(["--json", "tree"]))
        #expect(tree.contains(#""id":"http","path":"metrics.http","kind":"worker","state":"running","restart_type":"permanent","restarts":1"#))
    }

    @Test func test_crashesPastMetricsIntensity_escalateToTheRoot_whichRestartsMetricsAndAdmin() async throws {
        let node = try await RunningNode.start()
        defer { Task { await node.stop() } }
        // intensity 3 in 5 s: the fourth crash makes `metrics` give up.
        for crash in 1...4 {
            let result = try await node.admin(["debug", "crash", "metrics.http"])
            #expect(result.status == 0, "\(result.stderr)")
            if crash < 4 {
                #expect(await node.waitForEvents("child_restarted", supervisor: "metrics", child: "http", count: crash))
            }
        }
        #expect(await node.waitForEvents("child_restarted", supervisor: "", child: "admin", count: 1))
        let exceeded = try #require(node.events("restart_intensity_exceeded", supervisor: "metrics").first)
        #expect(exceeded["level"] as? String == "error")
        for key in supervisorKeys { #expect(exceeded[key] != nil, "missing \(key)") }
        let escalated = try #require(node.events("escalated", supervisor: "", child: "metrics").first)
        #expect(escalated["level"] as? String == "error")
        // restForOne at the root: metrics and everything after it (admin) restart.
        #expect(node.events("child_restarted", supervisor: "", child: "metrics").count == 1)
        #expect(node.events("child_restarted", supervisor: "", child: "admin").count == 1)

        // The test reconnects to the restarted admin socket.
        let tree = try #require(await node.adminEventually(["--json", "tree"]))
        #expect(tree.contains(#""id":"metrics","path":"metrics","kind":"supervisor","state":"running","restart_type":"permanent","restarts":1"#))
        #expect(tree.contains(#""id":"admin","path":"admin","kind":"worker","state":"running","restart_type":"permanent","restarts":1"#))
        let metrics = try #require(await node.getEventually("/metrics"))
        #expect(metrics.contains(#"cairn_supervisor_restarts_total{supervisor="root",child="metrics"} 1"#))
        #expect(metrics.contains(#"cairn_supervisor_restarts_total{supervisor="root",child="admin"} 1"#))
        #expect(metrics.contains(#"cairn_supervisor_restarts_total{supervisor="metrics",child="http"} 3"#))
        #expect(await node.process.stop() == 0)
    }

    @Test func test_rootPastItsIntensity_givesUp_withNodeGivingUpAndNonZeroExit() async throws {
        let node = try await RunningNode.start()
        defer { Task { await node.stop() } }
        for crash in 1...4 {
            let reply = try await node.adminEventually(["debug", "crash", "metrics"])
            #expect(reply != nil)
            if crash < 4 {
                #expect(await node.waitForEvents("child_restarted", supervisor: "", child: "admin", count: crash))
            }
        }
        let status = await node.process.waitForExit(timeout: .seconds(30))
        #expect(status != nil && status != 0)
        let lines = node.process.jsonLines()
        #expect(lines.last?["event"] as? String == "node_giving_up")
        #expect(lines.last?["level"] as? String == "error")
        #expect(node.events("restart_intensity_exceeded", supervisor: "").count == 1)
    }

    @Test func test_debugCrash_isRefusedWithoutFaultInjection() async throws {
        let node = try await RunningNode.start(faultInjection: false)
        defer { Task { await node.stop() } }
        let result = try await node.admin(["debug", "crash", "metrics.http"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("fault injection is disabled"))
        #expect(node.events("child_terminated").isEmpty)
        let unknown = try await node.admin(["debug", "crash"])
        #expect(unknown.status == 1)
    }

    @Test func test_healthReadinessAndMethods_onTheRealNode() async throws {
        let node = try await RunningNode.start()
        defer { Task { await node.stop() } }
        #expect(await node.get("/healthz").hasPrefix("HTTP/1.1 200"))
        #expect(await node.get("/readyz").hasSuffix("ready\n"))
        let port = node.metrics
        let post = await BlockingTask { httpExchange(port: port, Array("POST /metrics HTTP/1.1\r\n\r\n".utf8)) }.value
        #expect(post.hasPrefix("HTTP/1.1 405"))
        let garbage = await BlockingTask { httpExchange(port: port, Array("\u{01}\u{02}\r\n\r\n".utf8)) }.value
        #expect(garbage.hasPrefix("HTTP/1.1 400"))
    }

    @Test func test_adminCommands_humanAndJSON() async throws {
        let node = try await RunningNode.start()
        defer { Task { await node.stop() } }
        let tree = try await node.admin(["tree"])
        #expect(tree.status == 0)
        #expect(tree.stdout.contains("├─ metrics"))
        #expect(tree.stdout.contains("│  └─ http"))
        #expect(tree.stdout.contains("└─ admin"))
        let status = try await node.admin(["--json", "status"])
        #expect(status.stdout.hasPrefix(#"{"ok":true,"result":{"node":"n1""#))
        let level = try await node.admin(["log-level", "debug"])
        #expect(level.stdout.contains("debug"))
        let bad = try await node.admin(["log-level", "loud"])
        #expect(bad.status == 1)
        #expect(bad.stderr.split(separator: "\n").count == 1)
        let config = try await node.admin(["config"])
        #expect(config.stdout.contains("admin.fault-injection"))
        let unknown = try await node.admin(["frobnicate"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown command 'frobnicate'"))
    }

    @Test func test_adminWithoutANode_failsWithOneLineAndExitOne() async throws {
        let result = try await NodeProcess.run(["admin", "--socket", "/nonexistent/admin.sock", "status"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("/nonexistent/admin.sock"))
    }

    @Test func test_cleanShutdown_removesTheAdminSocket() async throws {
        let node = try await RunningNode.start()
        #expect(FileManager.default.fileExists(atPath: node.socket))
        #expect(await node.process.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: node.socket))
        #expect(node.process.jsonLines().contains { $0["event"] as? String == "shutdown" && $0["supervisor"] as? String == "" })
        await node.stop()
    }
}
