// The `cairn` executable as a user meets it: help, version, check-config, start and stop.
import Foundation
import Testing

@Suite struct CLIProcessTests {
    @Test(arguments: [[], ["start"], ["check-config"], ["version"]])
    func test_help_isOfferedOnEveryCommand(command: [String]) async throws {
        let result = try await NodeProcess.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: cairn"))
    }

    @Test func test_version_printsTheVersion() async throws {
        let result = try await NodeProcess.run(["version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("cairn 0."))
    }

    @Test(arguments: ["config/single.yaml", "config/cluster/n1.yaml", "config/cluster/n2.yaml", "config/cluster/n3.yaml"])
    func test_checkConfig_acceptsEveryShippedConfig(file: String) async throws {
        let path = packageRoot().appendingPathComponent(file).path
        let result = try await NodeProcess.run(["check-config", "--config", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("data-dir:"))
        #expect(result.stderr.isEmpty)
    }

    @Test func test_checkConfig_redactsTheSecret() async throws {
        let path = packageRoot().appendingPathComponent("config/single.yaml").path
        let result = try await NodeProcess.run(
            ["check-config", "--config", path, "--set", "resp.requirepass=hunter2-secret"],
            environment: ["CAIRN_RESP_MAX_CLIENTS": "77"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("hunter2-secret"))
        #expect(result.stdout.contains("<redacted>"))
        #expect(result.stdout.contains("max-clients: 77"))
    }

    @Test(arguments: [
        (["--set", "resp.max-clients=zero"], [:], "resp.max-clients"),
        (["--set", "no.such=1"], [:], "no.such"),
        ([], ["CAIRN_NOT_A_KEY": "1"], "CAIRN_NOT_A_KEY"),
        (["--set", "storage.sync=sometimes"], [:], "storage.sync"),
        (["--set", "resp.listen=127.0.0.1:99999"], [:], "resp.listen"),
    ] as [([String], [String: String], String)])
    func test_badConfiguration_exitsTwoWithOneLineNamingTheKey(arguments: [String], environment: [String: String], key: String) async throws {
        let path = packageRoot().appendingPathComponent("config/single.yaml").path
        for command in ["check-config", "start"] {
            let result = try await NodeProcess.run([command, "--config", path] + arguments, environment: environment)
            #expect(result.status == 2)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(result.stderr)")
            #expect(result.stderr.contains(key))
        }
    }

    @Test func test_missingConfigFile_exitsTwoWithOneLine() async throws {
        let result = try await NodeProcess.run(["start", "--config", "/nonexistent/cairn.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("/nonexistent/cairn.yaml"))
    }
}

@Suite struct NodeLifecycleProcessTests {
    private func startArguments(dataDir: String) -> [String] {
        ["start", "--config", packageRoot().appendingPathComponent("config/single.yaml").path,
         "--set", "node.data-dir=\(dataDir)", "--set", "runtime.loops=2", "--set", "metrics.listen=127.0.0.1:0"]
    }

    @Test func test_start_logsNodeStarted_andSigtermStopsItWithExitZero() async throws {
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let node = try NodeProcess(arguments: startArguments(dataDir: dir + "/n1"))
        let started = await node.waitForLogLine(msg: "node started")
        #expect(started?["node"] as? String == "n1")
        #expect(started?["node.id"] as? String == "n1")
        #expect(started?["level"] as? String == "info")
        #expect(started?["component"] as? String == "node")
        #expect((started?["addresses.metrics"] as? String)?.hasPrefix("127.0.0.1:") == true)
        #expect(started?["addresses.admin"] as? String == dir + "/n1/admin.sock")
        #expect(FileManager.default.fileExists(atPath: dir + "/n1/LOCK"))
        let status = await node.stop()
        #expect(status == 0)
        #expect(node.jsonLines().last?["msg"] as? String == "node stopped")
        // Every stderr line is one JSON object.
        #expect(node.jsonLines().count == node.stderr.lines.count)
    }

    @Test func test_sigint_alsoStopsGracefully() async throws {
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let node = try NodeProcess(arguments: startArguments(dataDir: dir + "/n1"))
        #expect(await node.waitForLogLine(msg: "node started") != nil)
        node.signal(SIGINT)
        #expect(await node.waitForExit() == 0)
    }

    @Test func test_secondNodeOnSameDataDir_exitsTwoSayingWhoHoldsIt() async throws {
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try NodeProcess(arguments: startArguments(dataDir: dir + "/n1"))
        #expect(await first.waitForLogLine(msg: "node started") != nil)
        let second = try await NodeProcess.run(startArguments(dataDir: dir + "/n1"))
        #expect(second.status == 2)
        let lines = second.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(second.stderr)")
        #expect(second.stderr.contains("in use by node n1 (pid \(first.process.processIdentifier))"))
        // The first node is unharmed.
        #expect(first.process.isRunning)
        #expect(await first.stop() == 0)
    }

    @Test func test_textLogFormat_writesHumanLines() async throws {
        let dir = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let node = try NodeProcess(arguments: startArguments(dataDir: dir + "/n1") + ["--set", "log.format=text"])
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while !node.stderr.text.contains("node started"), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(node.stderr.text.contains("node started"))
        #expect(!node.stderr.text.hasPrefix("{"))
        #expect(await node.stop() == 0)
    }
}
