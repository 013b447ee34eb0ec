// A real node with fault injection on, and helpers to crash its children and watch the logs.
import Foundation
import TestSupport
import Testing

/// A node started with port 0 for metrics and fault injection on.
struct RunningNode {
    let process: NodeProcess
    let dir: String
    let metrics: Int
    let socket: String
    let resp: Int

    static func start(faultInjection: Bool = true, _ name: String = #function) async throws -> RunningNode {
        let dir = scratchDirectory(name)
        let process = try NodeProcess(arguments: [
            "start", "--config", packageRoot().appendingPathComponent("config/single.yaml").path,
            "--set", "node.data-dir=\(dir)/n1", "--set", "metrics.listen=127.0.0.1:0",
            "--set", "admin.fault-injection=\(faultInjection)", "--set", "runtime.loops=2",
            "--set", "resp.listen=127.0.0.1:0",
        ])
        let started = try #require(await process.waitForLogLine(msg: "node started"), "no `node started` line: \(process.stderr.text)")
        let metricsAddress = try #require(started["addresses.metrics"] as? String)
        let port = try #require(metricsAddress.split(separator: ":").last.flatMap { Int($0) })
        let socket = try #require(started["addresses.admin"] as? String)
        let resp = try #require((started["addresses.resp"] as? String)?.split(separator: ":").last.flatMap { Int($0) })
        return RunningNode(process: process, dir: dir, metrics: port, socket: socket, resp: resp)
    }

    /// Runs `cairn admin` once.
    func admin(_ words: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await NodeProcess.run(["admin", "--socket", socket] + words)
    }

    /// Runs `cairn admin` until it succeeds: the admin socket may be restarting.
    func adminEventually(_ words: [String], timeout: Duration = .seconds(30)) async throws -> String? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            let result = try await admin(words)
            if result.status == 0 { return result.stdout }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    func get(_ path: String) async -> String {
        let port = metrics
        return await BlockingTask { httpExchange(port: port, Array("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n".utf8)) }.value
    }

    /// GETs until the answer starts with `prefix` (the listener may be restarting).
    func getEventually(_ path: String, prefix: String = "HTTP/1.1 200", timeout: Duration = .seconds(30)) async -> String? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            let reply = await get(path)
            if reply.hasPrefix(prefix) { return reply }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    func events(_ event: String, supervisor: String? = nil, child: String? = nil) -> [[String: Any]] {
        process.jsonLines().filter { line in
            line["event"] as? String == event
                && (supervisor == nil || line["supervisor"] as? String == supervisor)
                && (child == nil || line["child"] as? String == child)
        }
    }

    func waitForEvents(_ event: String, supervisor: String? = nil, child: String? = nil, count: Int,
                       timeout: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if events(event, supervisor: supervisor, child: child).count >= count { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    func stop() async {
        await process.stop()
        try? FileManager.default.removeItem(atPath: dir)
    }
}

