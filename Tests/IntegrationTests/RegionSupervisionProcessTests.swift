// Regions under supervision in a real node: a crashed region restarts with its data; one that
// gives up answers TRYAGAIN for its slots while every other region keeps serving (DESIGN §4).
import Foundation
import TestSupport
import Testing

/// `key42` hashes to slot 2413 (region 3 of 16), `key60` to slot 3917 (region 4).
private let keyInRegion3 = "key42"
private let keyInRegion4 = "key60"

@Suite struct RegionSupervisionProcessTests {
    private func command(_ port: Int, _ arguments: [String]) async -> String? {
        await BlockingTask { RESPTestClient(port: port)?.command(arguments).map { String(decoding: $0, as: UTF8.self) } }.value
    }

    @Test func test_crashedRegion_restartsWithItsData_andOtherRegionsServeMeanwhile() async throws {
        let node = try await RunningNode.start()
        defer { node.process.signal(SIGKILL) }
        #expect(await command(node.resp, ["SET", keyInRegion3, "kept"]) == "+OK\r\n")
        let crash = try await node.admin(["debug", "crash", "store.regions.region-3.raft"])
        #expect(crash.status == 0, "\(crash.stderr)")
        #expect(await node.waitForEvents("child_restarted", supervisor: "store.regions.region-3", child: "raft", count: 1))
        #expect(await command(node.resp, ["SET", keyInRegion4, "other"]) == "+OK\r\n")
        #expect(await command(node.resp, ["GET", keyInRegion3]) == "$4\r\nkept\r\n")
        #expect(await command(node.resp, ["SET", keyInRegion3, "after"]) == "+OK\r\n")
        await node.stop()
    }

    @Test func test_regionThatGivesUp_answersTryAgain_andTheRestServe() async throws {
        let node = try await RunningNode.start()
        defer { node.process.signal(SIGKILL) }
        #expect(await command(node.resp, ["SET", keyInRegion4, "v"]) == "+OK\r\n")
        // region-N allows 5 restarts in 30 s: the sixth crash makes it give up for good.
        for crash in 1...6 {
            let result = try await node.admin(["debug", "crash", "store.regions.region-3.raft"])
            #expect(result.status == 0, "\(result.stderr)")
            if crash < 6 {
                #expect(await node.waitForEvents("child_restarted", supervisor: "store.regions.region-3", child: "raft", count: crash))
            }
        }
        #expect(await node.waitForEvents("restart_intensity_exceeded", supervisor: "store.regions.region-3", count: 1))
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        var reply: String?
        while ContinuousClock.now < deadline {
            reply = await command(node.resp, ["GET", keyInRegion3])
            if reply?.hasPrefix("-TRYAGAIN") == true { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(reply == "-TRYAGAIN region 3 is unavailable on this node\r\n")
        #expect(await command(node.resp, ["GET", keyInRegion4]) == "$1\r\nv\r\n")
        let info = await command(node.resp, ["INFO", "cairn"])
        #expect(info?.contains("cairn_regions_failed:1") == true, "\(info ?? "nil")")
        // The node itself stays up: one region failing is not the node failing.
        #expect(await command(node.resp, ["PING"]) == "+PONG\r\n")
        await node.stop()
    }
}
