// redis-py, pinned (scripts/install-deps.sh puts it in .build/pyenv), against a node in both protocols.
import Foundation
import Testing

@Suite struct RedisPyProcessTests {
    /// The version scripts/install-deps.sh pins; the check prints the one it imported.
    private static let pinnedVersion = "5.0.8"

    @Test(arguments: [2, 3])
    func test_redisPy_stringsKeysPipelinesTransactionsAndErrors(protocolVersion: Int) async throws {
        let python = packageRoot().appendingPathComponent(".build/pyenv/bin/python").path
        try #require(FileManager.default.isExecutableFile(atPath: python),
                     "no redis-py virtualenv at \(python): run scripts/install-deps.sh (make test does)")
        let script = packageRoot().appendingPathComponent("Tests/IntegrationTests/Clients/redis_py_check.py").path
        let node = try await ClientTestNode.start()
        defer { node.process.signal(SIGKILL) }

        let result = try await runTool([python, script, String(node.port), String(protocolVersion)], timeout: .seconds(120))
        #expect(result.status == 0, "\(result.output)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "redis-py \(Self.pinnedVersion) protocol \(protocolVersion)", "\(result.output)")
        #expect(lines.contains("pipelines ok"), "\(result.output)")
        #expect(lines.contains("transactions ok"), "\(result.output)")
        #expect(lines.last?.hasPrefix("ok: ") == true && !result.stdout.contains("FAILED"), "\(result.output)")
        // The script cleaned up after itself through the node: nothing it wrote is left.
        #expect(await node.command(["DBSIZE"]) == ":0\r\n")
        #expect(await node.stop() == 0)
    }
}
