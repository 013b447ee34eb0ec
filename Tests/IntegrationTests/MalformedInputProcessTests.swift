// Malformed requests over raw sockets: each gets Redis 7.0's exact error and is closed, alone or
// two hundred at once, while a well-behaved client on the same node keeps getting right answers.
// (The expected bytes were checked against redis-server 7.0.15; DifferentialConnectionTests
// compares a few of these cases live, and RESPRobustnessProcessTests sends seeded garbage.)
import Foundation
import TestSupport
import Testing

struct MalformedCase: Sendable, CustomStringConvertible {
    let name: String
    let request: [UInt8]
    /// Everything the node answers before it closes the connection.
    let reply: [UInt8]
    var description: String { name }

    init(_ name: String, _ request: [UInt8], _ reply: [UInt8]) {
        self.name = name
        self.request = request
        self.reply = reply
    }

    init(_ name: String, _ request: [UInt8], _ reply: String) {
        self.init(name, request, Array(reply.utf8))
    }

    init(_ name: String, _ request: String, _ reply: String) {
        self.init(name, Array(request.utf8), Array(reply.utf8))
    }
}

private func protocolError(_ message: String) -> String { "-ERR Protocol error: \(message)\r\n" }

let malformedCases: [MalformedCase] = [
    MalformedCase("non-numeric multibulk length", "*abc\r\n", protocolError("invalid multibulk length")),
    MalformedCase("multibulk length with a plus sign", "*+1\r\n$4\r\nPING\r\n", protocolError("invalid multibulk length")),
    MalformedCase("multibulk length with trailing junk", "*1x\r\n", protocolError("invalid multibulk length")),
    MalformedCase("multibulk length above INT_MAX", "*2147483648\r\n", protocolError("invalid multibulk length")),
    MalformedCase("multibulk length past 64 bits", "*99999999999999999999999\r\n", protocolError("invalid multibulk length")),
    MalformedCase("binary multibulk length", [UInt8]("*".utf8) + [0x01, 0xFE, 0x7F] + [13, 10], protocolError("invalid multibulk length")),
    MalformedCase("non-numeric bulk length", "*1\r\n$x\r\n", protocolError("invalid bulk length")),
    MalformedCase("empty bulk length", "*1\r\n$\r\n", protocolError("invalid bulk length")),
    MalformedCase("negative bulk length", "*1\r\n$-1\r\n", protocolError("invalid bulk length")),
    MalformedCase("bulk length with a space", "*1\r\n$ 4\r\nPING\r\n", protocolError("invalid bulk length")),
    MalformedCase("600 MB declared bulk length", "*1\r\n$600000000\r\n", protocolError("invalid bulk length")),
    MalformedCase("bulk length past 64 bits", "*1\r\n$9223372036854775808\r\n", protocolError("invalid bulk length")),
    MalformedCase("integer where a bulk belongs", "*2\r\n$3\r\nGET\r\n:1\r\n", protocolError("expected '$', got ':'")),
    // Redis prints the offending byte raw, even when it is not ASCII.
    MalformedCase("binary where a bulk belongs", [UInt8]("*1\r\n".utf8) + [0xFF, 0xFE, 13, 10],
                  Array("-ERR Protocol error: expected '$', got '".utf8) + [0xFF] + Array("'\r\n".utf8)),
    MalformedCase("multibulk length without CRLF", "*" + String(repeating: "1", count: 70_000), protocolError("too big mbulk count string")),
    MalformedCase("bulk length without CRLF", "*1\r\n$" + String(repeating: "4", count: 70_000), protocolError("too big bulk count string")),
    MalformedCase("LF-only line endings", String(repeating: "*1\n$4\nPING\n", count: 7000), protocolError("too big mbulk count string")),
    MalformedCase("inline with an unclosed double quote", "SET \"k v\r\n", protocolError("unbalanced quotes in request")),
    MalformedCase("inline with an unclosed single quote", "GET 'k\r\n", protocolError("unbalanced quotes in request")),
    MalformedCase("inline with text after a closing quote", "ECHO \"a\"b\r\n", protocolError("unbalanced quotes in request")),
    MalformedCase("inline line over 64 KiB", String(repeating: "a", count: 70_000), protocolError("too big inline request")),
    MalformedCase("error after valid pipelined commands", "PING\r\n*1\r\n$4\r\nECHO\r\n*1\r\n$x\r\n",
                  "+PONG\r\n-ERR wrong number of arguments for 'echo' command\r\n" + protocolError("invalid bulk length")),
]

@Suite struct MalformedInputProcessTests {
    @Test func test_eachMalformedRequest_getsItsErrorAndIsClosed_whileAWellBehavedClientIsServed() async throws {
        let node = try await ClientTestNode.start()
        defer { node.process.signal(SIGKILL) }
        let bystander = Bystander(port: node.port)
        bystander.start()
        let port = node.port
        for testCase in malformedCases {
            let (reply, closed) = await BlockingTask { () -> ([UInt8], Bool) in
                guard let connection = RawConnection(port: port) else { return ([], false) }
                connection.send(testCase.request)
                return connection.readUntilClosed()
            }.value
            #expect(reply == testCase.reply, "\(testCase.name): got \(String(decoding: reply, as: UTF8.self).debugDescription)")
            #expect(closed, "\(testCase.name): the node did not close the connection")
        }
        let served = await bystander.stop()
        #expect(served.wrong.isEmpty, "the well-behaved client got wrong replies: \(served.wrong.prefix(3))")
        #expect(served.correct >= malformedCases.count, "the well-behaved client was answered only \(served.correct) times")
        #expect(await node.stop() == 0)
    }

    @Test func test_twoHundredConcurrentJunkConnections_allGetTheirErrors_whileAWellBehavedClientIsServed() async throws {
        let node = try await ClientTestNode.start()
        defer { node.process.signal(SIGKILL) }
        let bystander = Bystander(port: node.port)
        bystander.start()
        let port = node.port
        // All 200 are open at once before any sends, then each sends its case, then all are read.
        let outcomes = await BlockingTask { () -> [(MalformedCase, [UInt8], Bool)] in
            let cases = (0..<200).map { malformedCases[$0 % malformedCases.count] }
            let connections = cases.map { _ in RawConnection(port: port) }
            for (testCase, connection) in zip(cases, connections) { connection?.send(testCase.request) }
            return zip(cases, connections).map { testCase, connection in
                guard let connection else { return (testCase, [], false) }
                let (reply, closed) = connection.readUntilClosed()
                return (testCase, reply, closed)
            }
        }.value
        let wrong = outcomes.filter { testCase, reply, closed in !closed || reply != testCase.reply }
        #expect(wrong.isEmpty, "\(wrong.count) of 200 junk connections got another answer, first: \(wrong.first.map { "\($0.0.name): \(String(decoding: $0.1, as: UTF8.self).debugDescription)" } ?? "")")
        let served = await bystander.stop()
        #expect(served.wrong.isEmpty, "the well-behaved client got wrong replies: \(served.wrong.prefix(3))")
        #expect(served.correct > 0)
        #expect(await node.stop() == 0)
    }

    @Test func test_aHugeDeclaredBulkThatNeverArrives_costsOnlyWhatArrived() async throws {
        let node = try await ClientTestNode.start()
        defer { node.process.signal(SIGKILL) }
        let pid = node.process.process.processIdentifier
        let residentBefore = try #require(memoryBytes(of: pid, "VmRSS"))
        let mappedBefore = try #require(memoryBytes(of: pid, "VmSize"))
        let port = node.port
        // 500 MB is within proto-max-bulk-len (512 MB), so it is accepted and waited for; the
        // node must not reserve it up front. Ten such clients, 1 MiB sent each.
        let clients = await BlockingTask { () -> [RawConnection] in
            (0..<10).compactMap { _ in
                let connection = RawConnection(port: port)
                connection?.send(Array("*2\r\n$3\r\nSET\r\n$500000000\r\n".utf8) + [UInt8](repeating: 0x78, count: 1 << 20))
                return connection
            }
        }.value
        #expect(clients.count == 10)
        // The node keeps serving while they wait.
        #expect(await eventually { await node.command(["ECHO", "still serving"]) == "$13\r\nstill serving\r\n" })
        // Reserving the declared lengths would map 5 GB even untouched; malloc arenas of new
        // threads stay far below the 2 GiB allowed here.
        let resident = try #require(memoryBytes(of: pid, "VmRSS")) - residentBefore
        let mapped = try #require(memoryBytes(of: pid, "VmSize")) - mappedBefore
        #expect(resident < 200 << 20, "resident memory grew by \(resident >> 20) MiB for 10 MiB received")
        #expect(mapped < 2 << 30, "mapped memory grew by \(mapped >> 20) MiB for 10 MiB received")
        withExtendedLifetime(clients) {}
        #expect(await node.stop() == 0)
    }
}
