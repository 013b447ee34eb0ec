// Starting a node again and again on one data directory, as restart and durability tests do.
import Foundation

extension NodeProcess {
    /// A node from config/single.yaml on `dataDir` with RESP and metrics on port 0 and
    /// `settings` as `--set`s; returned once it logged `node started`, with its RESP port.
    static func start(dataDir: String, _ settings: [String] = [], environment: [String: String] = [:])
        async throws -> (node: NodeProcess, respPort: Int)
    {
        let node = try NodeProcess(arguments: startArguments(dataDir: dataDir, settings), environment: environment)
        guard let started = await node.waitForLogLine(msg: "node started"),
              let port = (started["addresses.resp"] as? String)?.split(separator: ":").last.flatMap({ Int($0) })
        else {
            node.signal(SIGKILL)
            throw NodeStartFailure(stderr: node.stderr.text)
        }
        return (node, port)
    }

    static func startArguments(dataDir: String, _ settings: [String] = []) -> [String] {
        ["start", "--config", packageRoot().appendingPathComponent("config/single.yaml").path,
         "--set", "node.data-dir=\(dataDir)", "--set", "resp.listen=127.0.0.1:0",
         "--set", "metrics.listen=127.0.0.1:0"] + settings.flatMap { ["--set", $0] }
    }
}
