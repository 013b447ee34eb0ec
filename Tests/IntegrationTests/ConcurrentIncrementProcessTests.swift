// Issue 5's concurrency check: 50 clients incrementing the same few keys — one command at a
// time, pipelined, and in MULTI blocks — end with exact totals; and WATCH-guarded
// read-modify-write increments from racing clients lose no update.
import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct ConcurrentIncrementProcessTests {
    private static let keys = ["{counter}0", "{counter}1", "{counter}2", "{counter}3"]

    /// 20 clients send INCR one at a time, 20 pipeline them 25 at a time, 10 run
    /// `MULTI INCR a INCR b EXEC` blocks (5 of them pipelining each block); every client spreads
    /// its increments over the same keys.
    @Test func test_fiftyClients_incrementToExactTotals() async throws {
        let (node, port) = try await NodeProcess.startSingle(name: "concurrent-increments")
        defer { node.signal(SIGKILL) }
        let rounds = 200
        let keys = Self.keys
        var clients: [BlockingTask<Int>] = []
        for client in 0..<50 {
            clients.append(BlockingTask {
                guard let connection = RESPTestClient(port: port, timeoutSeconds: 30) else { return 0 }
                var confirmed = 0
                switch client % 5 {
                case 0, 1:
                    for round in 0..<rounds where connection.command(["INCR", keys[(client + round) % keys.count]]) != nil {
                        confirmed += 1
                    }
                case 2, 3:
                    for batch in stride(from: 0, to: rounds, by: 25) {
                        var requests: [UInt8] = []
                        for round in batch..<(batch + 25) { requests += RESPTestClient.encode(["INCR", keys[(client + round) % keys.count]]) }
                        connection.send(raw: requests)
                        for _ in 0..<25 where connection.readReply() != nil { confirmed += 1 }
                    }
                default:
                    // Each block increments two keys: rounds / 2 blocks make `rounds` increments.
                    // Half of these clients send each block in one write, half command by command.
                    let pipelined = client % 10 == 9
                    for round in 0..<(rounds / 2) {
                        let first = keys[(client + round) % keys.count], second = keys[(client + round + 1) % keys.count]
                        let block = [["MULTI"], ["INCR", first], ["INCR", second], ["EXEC"]]
                        var replies: [[UInt8]] = []
                        if pipelined {
                            connection.send(raw: block.flatMap(RESPTestClient.encode))
                            for _ in block { replies.append(connection.readReply() ?? []) }
                        } else {
                            for command in block { replies.append(connection.command(command) ?? []) }
                        }
                        if let exec = replies.last, exec.first == UInt8(ascii: "*"), exec != Array("*-1\r\n".utf8) { confirmed += 2 }
                    }
                }
                return confirmed
            })
        }
        var confirmed = 0
        for client in clients { confirmed += await client.value }
        #expect(confirmed == 50 * rounds, "every increment was acknowledged")
        var total = 0
        for key in keys {
            let reply = await BlockingTask { RESPTestClient(port: port)?.command(["GET", key]) }.value
            let text = reply.map { String(decoding: $0, as: UTF8.self) } ?? ""
            total += Int(text.split(separator: "\r\n").dropFirst().first ?? "") ?? 0
        }
        #expect(total == 50 * rounds, "the keys hold exactly every increment")
        #expect(await node.stop() == 0)
    }

    /// 10 clients each add 1 to one key 30 times with GET, then `WATCH`/`MULTI SET EXEC`,
    /// retrying on a null EXEC: WATCH must abort every EXEC whose GET was stale.
    @Test func test_watchGuardedIncrements_loseNoUpdate() async throws {
        let (node, port) = try await NodeProcess.startSingle(name: "watch-increments")
        defer { node.signal(SIGKILL) }
        let perClient = 30
        var clients: [BlockingTask<Bool>] = []
        for _ in 0..<10 {
            clients.append(BlockingTask {
                guard let connection = RESPTestClient(port: port, timeoutSeconds: 30) else { return false }
                for _ in 0..<perClient {
                    var committed = false
                    for _ in 0..<10_000 where !committed {
                        _ = connection.command(["WATCH", "cas"])
                        let value = connection.command(["GET", "cas"]).map { String(decoding: $0, as: UTF8.self) } ?? ""
                        let current = Int(value.split(separator: "\r\n").dropFirst().first ?? "") ?? 0
                        _ = connection.command(["MULTI"])
                        _ = connection.command(["SET", "cas", String(current + 1)])
                        let reply = connection.command(["EXEC"]) ?? []
                        committed = reply == Array("*1\r\n+OK\r\n".utf8)
                    }
                    if !committed { return false }
                }
                return true
            })
        }
        for client in clients { #expect(await client.value, "a client could not commit") }
        let reply = await BlockingTask { RESPTestClient(port: port)?.command(["GET", "cas"]) }.value
        #expect(reply == Array("$3\r\n300\r\n".utf8))
        #expect(await node.stop() == 0)
    }
}
