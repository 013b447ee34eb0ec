// Bad or rude clients never take the node down: garbage, hang-ups mid-reply, huge pipelines.
import Foundation
import Glibc
import Runtime
import TestSupport
import Testing

@Suite struct RESPRobustnessProcessTests {
    private func startNode(_ settings: [String] = [], _ name: String = #function) async throws -> (NodeProcess, Int) {
        try await NodeProcess.startSingle(settings, name: name)
    }

    @Test func test_clientsThatHangUpWithRepliesPending_doNotKillTheNode() async throws {
        let (node, port) = try await startNode()
        defer { node.signal(SIGKILL) }
        // Each client sends a pipeline whose replies exceed the socket buffers, then closes
        // without reading: the node's writes fail (ECONNRESET, or EPIPE) and must cost only
        // those connections. (Linux usually reports the reset first, so this does not by itself
        // prove SIGPIPE is ignored; the node also runs with SIGPIPE at its default here.)
        let pipeline = Array(String(repeating: "*2\r\n$4\r\nECHO\r\n$1000\r\n" + String(repeating: "x", count: 1000) + "\r\n",
                                    count: 4000).utf8)
        await BlockingTask {
            for _ in 0..<5 {
                guard let client = RESPTestClient(port: port) else { continue }
                client.send(raw: pipeline)
            }
        }.value
        let alive = await BlockingTask { () -> Bool in
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if RESPTestClient(port: port)?.command(["PING"]) == Array("+PONG\r\n".utf8) { return true }
                usleep(50_000)
            }
            return false
        }.value
        #expect(alive)
        #expect(node.process.isRunning)
        #expect(await node.stop() == 0)
    }

    @Test func test_idleClients_areClosedAfterRespTimeout_activeOnesStay() async throws {
        let (node, port) = try await startNode(["resp.timeout=1s"])
        defer { node.signal(SIGKILL) }
        let outcome = await BlockingTask { () -> (idleClosed: Bool, activeAnswered: Bool) in
            guard let idle = RESPTestClient(port: port, timeoutSeconds: 20),
                  let active = RESPTestClient(port: port, timeoutSeconds: 20) else { return (false, false) }
            var answered = true
            // 3 s of traffic on one connection, none on the other (timeout 1 s).
            for _ in 0..<15 {
                answered = answered && active.command(["PING"]) == Array("+PONG\r\n".utf8)
                usleep(200_000)
            }
            // The idle one was closed by the node: reading sees end of file, not a timeout.
            return (idle.isClosedByServer(), answered)
        }.value
        #expect(outcome.idleClosed)
        #expect(outcome.activeAnswered)
        #expect(await node.stop() == 0)
    }

    @Test func test_seededGarbage_getsErrorsOrIsIgnored_andTheNodeKeepsServing() async throws {
        let (node, port) = try await startNode()
        defer { node.signal(SIGKILL) }
        var generator = SeededBytes(seed: 0xC0FFEE)
        let inputs = (0..<40).map { round in generator.bytes(count: 1 + round * 97) }
        await BlockingTask {
            for input in inputs {
                guard let client = RESPTestClient(port: port, timeoutSeconds: 2) else { continue }
                client.send(raw: input)
            }
        }.value
        let reply = await BlockingTask { RESPTestClient(port: port)?.command(["ECHO", "still here"]) }.value
        #expect(reply == Array("$10\r\nstill here\r\n".utf8))
        #expect(await node.stop() == 0)
    }
}

/// Bytes biased toward RESP's punctuation so the parser's branches are reached.
struct SeededBytes {
    private var random: SplitMix64
    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func bytes(count: Int) -> [UInt8] {
        let alphabet = Array("*$\r\n-0123456789\"' \\x".utf8)
        return (0..<count).map { _ in
            let roll = random.next()
            return roll % 3 == 0 ? UInt8(truncatingIfNeeded: roll >> 8) : alphabet[Int((roll >> 8) % UInt64(alphabet.count))]
        }
    }
}
