// The node's own expiry cycle: expired keys leave DBSIZE by themselves and INFO stats counts them.
import Foundation
import Glibc
import TestSupport
import Testing

@Suite struct ExpiryProcessTests {
    @Test func test_expiredKeys_areDeletedByTheCycle_andCountedInInfoStats() async throws {
        let (node, port) = try await NodeProcess.startSingle()
        defer { node.signal(SIGKILL) }
        let outcome = await BlockingTask { () -> (written: Bool, gone: Bool, info: String, reset: String) in
            guard let client = RESPTestClient(port: port) else { return (false, false, "", "") }
            let written = (0..<300).allSatisfy { client.command(["SET", "e\($0)", "v", "PX", "50"]) == Array("+OK\r\n".utf8) }
                && client.command(["SET", "stays", "v"]) == Array("+OK\r\n".utf8)
            // The cycle runs every 100 ms; a generous deadline for a busy machine.
            let deadline = Date().addingTimeInterval(30)
            var gone = false
            while !gone, Date() < deadline {
                gone = client.command(["DBSIZE"]) == Array(":1\r\n".utf8)
                if !gone { usleep(20_000) }
            }
            let info = client.command(["INFO", "stats"]).map { String(decoding: $0, as: UTF8.self) } ?? ""
            // CONFIG RESETSTAT clears the expiry figures with the others, as Redis does.
            _ = client.command(["CONFIG", "RESETSTAT"])
            let reset = client.command(["INFO", "stats"]).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return (written, gone, info, reset)
        }.value
        #expect(outcome.written)
        #expect(outcome.gone, "the expired keys were not deleted")
        #expect(outcome.info.contains("\r\nexpired_keys:300\r\n"), "\(outcome.info)")
        #expect(outcome.info.contains("\r\nexpired_stale_perc:"), "\(outcome.info)")
        #expect(outcome.info.contains("\r\nexpired_time_cap_reached_count:"), "\(outcome.info)")
        #expect(outcome.reset.contains("\r\nexpired_keys:0\r\n"), "\(outcome.reset)")
        #expect(outcome.reset.contains("\r\nexpired_stale_perc:0.00\r\n"), "\(outcome.reset)")
        #expect(await node.stop() == 0)
    }
}
