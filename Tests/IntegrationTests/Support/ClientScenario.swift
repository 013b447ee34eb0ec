// Differential scenarios with several clients (blocking pops woken by another client): the
// same steps run against redis-server 7.0 and a node, and the replies each client read compare.
import Foundation
import TestSupport
import Testing

enum ScenarioStep: Sendable {
    /// Sends commands on client `n` without reading (a blocking pop, or a pipeline).
    case send(Int, [[String]])
    /// Sends one command on client `n` and reads its reply.
    case command(Int, [String])
    /// Reads the next reply of client `n` (one a blocking pop answered).
    case read(Int)
    /// Waits until the server reports `n` blocked clients (INFO's `blocked_clients`), so later
    /// steps run after the pops are queued, on both servers alike.
    case awaitBlocked(Int)
    /// Switches client `n` to RESP3 (HELLO's own reply differs between the servers: not compared).
    case hello3(Int)
    /// Closes client `n`.
    case close(Int)
    /// Sends `CLIENT UNBLOCK <id of client target> options…` on client `n` and reads the reply
    /// (each server numbers its clients its own way).
    case unblock(Int, target: Int, [String])
}

struct ClientScenario: Sendable, CustomStringConvertible {
    let name: String
    let steps: [ScenarioStep]
    var description: String { name }
}

/// Runs `scenario` against the server on `port`; the transcript is every reply read, tagged
/// with its client, or a line saying what went wrong.
func transcript(of scenario: ClientScenario, port: Int) -> [String] {
    var clients: [Int: RESPTestClient] = [:]
    var ids: [Int: String] = [:]
    var lines: [String] = []
    func client(_ number: Int) -> RESPTestClient? {
        if let existing = clients[number] { return existing }
        let made = RESPTestClient(port: port, timeoutSeconds: 10)
        clients[number] = made
        if let reply = made?.command(["CLIENT", "ID"]) {
            ids[number] = String(decoding: reply.dropFirst().prefix { $0 != 13 }, as: UTF8.self)
        }
        return made
    }
    for step in scenario.steps {
        switch step {
        case .send(let number, let commands):
            guard let connection = client(number) else { return lines + ["client \(number) cannot connect"] }
            connection.send(raw: commands.flatMap(RESPTestClient.encode))
        case .command(let number, let arguments):
            guard let reply = client(number)?.command(arguments) else { return lines + ["client \(number): no reply to \(arguments)"] }
            lines.append("\(number): " + String(decoding: reply, as: UTF8.self))
        case .read(let number):
            guard let reply = client(number)?.readReply() else { return lines + ["client \(number): no reply"] }
            lines.append("\(number): " + String(decoding: reply, as: UTF8.self))
        case .awaitBlocked(let count):
            guard waitForBlockedClients(count, port: port) else { return lines + ["never \(count) blocked clients"] }
        case .hello3(let number):
            guard client(number)?.command(["HELLO", "3"]) != nil else { return lines + ["client \(number): HELLO failed"] }
        case .close(let number):
            clients[number] = nil
        case .unblock(let number, let target, let options):
            guard let id = ids[target], let reply = client(number)?.command(["CLIENT", "UNBLOCK", id] + options) else {
                return lines + ["client \(number): no reply to CLIENT UNBLOCK"]
            }
            lines.append("\(number): " + String(decoding: reply, as: UTF8.self))
        }
    }
    return lines
}

/// Polls INFO clients until `blocked_clients` is `count` (10 s at most).
func waitForBlockedClients(_ count: Int, port: Int) -> Bool {
    guard let control = RESPTestClient(port: port, timeoutSeconds: 10) else { return false }
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
        if let reply = control.command(["INFO", "clients"]),
           String(decoding: reply, as: UTF8.self).contains("blocked_clients:\(count)\r\n") { return true }
        usleep(5_000)
    }
    return false
}

/// Runs every scenario on a fresh redis-server and a fresh node (FLUSHALL before each) and
/// expects the same transcript.
func compare(_ scenarios: [ClientScenario], _ name: String = #function) async throws {
    let redis = try #require(RedisServerProcess(), "redis-server 7.0 must be installed (make test installs it)")
    defer { redis.stop() }
    let (node, cairnPort) = try await NodeProcess.startSingle([], name: name)
    defer { node.signal(SIGKILL) }
    for scenario in scenarios {
        for port in [redis.port, cairnPort] {
            _ = await BlockingTask { RESPTestClient(port: port)?.command(["FLUSHALL"]) }.value
            _ = await BlockingTask { waitForBlockedClients(0, port: port) }.value
        }
        let expected = await BlockingTask { transcript(of: scenario, port: redis.port) }.value
        let actual = await BlockingTask { transcript(of: scenario, port: cairnPort) }.value
        #expect(expected.count == scenario.steps.count {
            switch $0 {
            case .read, .command, .unblock: true
            default: false
            }
        },
                "redis did not answer every step of \(scenario)")
        #expect(actual == expected, "\(scenario)")
    }
    #expect(await node.stop() == 0)
}
