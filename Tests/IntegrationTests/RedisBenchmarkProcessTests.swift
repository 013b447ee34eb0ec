// redis-benchmark's standard tests against a node, unpipelined and with -P 16: no errors, every
// test completes, and the writes really happened.
import Foundation
import TestSupport
import Testing

/// Serialized: each run keeps both cores busy for a while, and two at once would only slow both.
@Suite(.serialized) struct RedisBenchmarkProcessTests {
    /// Issue 4's `-t ping,set,get,incr,mset`.
    private static let tests = ["ping", "set", "get", "incr", "mset"]
    private static let requestCount = 100_000

    /// redis-benchmark's `-q` line names per `-t` name (`ping` runs an inline and a multibulk test).
    private static let reportedNames = ["ping": ["PING_INLINE", "PING_MBULK"], "set": ["SET"], "get": ["GET"],
                                        "incr": ["INCR"], "mset": ["MSET (10 keys)"]]

    @Test(arguments: [1, 16])
    func test_benchmark_completesWithoutErrors(pipeline: Int) async throws {
        let node = try await ClientTestNode.start()
        defer { node.process.signal(SIGKILL) }
        let tests = Self.tests
        let result = try await runTool(["redis-benchmark", "-h", "127.0.0.1", "-p", String(node.port), "-t", tests.joined(separator: ","),
                                        "-c", "50", "-n", String(Self.requestCount), "-P", String(pipeline), "-q"],
                                       timeout: .seconds(600))
        #expect(result.status == 0, "\(result.output)")
        // -q rewrites a progress line with CR; the last state of each test is its summary line.
        let lines = (result.stdout + "\n" + result.stderr).split(whereSeparator: { $0 == "\r" || $0 == "\n" }).map(String.init)
        for test in tests {
            for name in Self.reportedNames[test, default: [test.uppercased()]] {
                #expect(lines.contains { $0.hasPrefix("\(name): ") && $0.contains(" requests per second") }, "no summary for \(name): \(result.output)")
            }
        }
        #expect(!lines.contains { $0.contains("ERR") || $0.contains("Error") }, "\(result.output)")

        // The writes landed: SET wrote its one key, and INCR counted every request.
        #expect(await node.command(["EXISTS", "key:__rand_int__"]) == ":1\r\n")
        #expect(await node.command(["GET", "counter:__rand_int__"]) == "$6\r\n\(Self.requestCount)\r\n")
        #expect(await node.stop() == 0)
    }
}
