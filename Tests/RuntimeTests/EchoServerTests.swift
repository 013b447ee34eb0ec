// The TCP listener pool end to end: an echo server with many concurrent, pipelining clients.
import Synchronization
import TestSupport
import Testing
@testable import Runtime

@Suite struct EchoServerTests {
    private func pattern(seed: Int, count: Int) -> [UInt8] {
        var state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    @Test func test_hundredConcurrentClients_withWritesLargerThanSocketBuffers_getExactEchoes() async throws {
        let group = try EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let served = Recorder<Int>()
        let listener = try await TCPListener.listen(on: loopback(), acceptor: group.loops[0], distributingTo: group.loops) { connection in
            served.append(connection.loop.index)
            return EchoHandler()
        }
        #expect(listener.boundAddress.port != 0)
        let clientCount = 100
        // 1 MiB per client in one write: far larger than a loopback socket buffer.
        let payloadSize = 1 << 20
        try await withThrowingTaskGroup(of: Bool.self) { tasks in
            for client in 0..<clientCount {
                tasks.addTask {
                    let payload = pattern(seed: client, count: payloadSize)
                    let collector = CollectingHandler()
                    let loop = group.loops[client % group.loops.count]
                    let connection = try await StreamConnection.connect(to: listener.boundAddress, on: loop) { _ in collector }
                    // Pipelined: two writes back to back before anything is read.
                    try await loop.submit {
                        connection.write(Array(payload[..<(payloadSize / 2)]))
                        connection.write(Array(payload[(payloadSize / 2)...]))
                    }
                    let complete = await eventually(timeout: .seconds(60)) { collector.count >= payloadSize }
                    try await loop.submit { connection.close() }
                    return complete && collector.bytes == payload
                }
            }
            var good = 0
            for try await ok in tasks where ok { good += 1 }
            #expect(good == clientCount)
        }
        #expect(listener.accepted == clientCount)
        // Round-robin: both loops served connections.
        #expect(Set(served.all) == [0, 1])
        #expect(served.all.filter { $0 == 0 }.count == clientCount / 2)
    }

    @Test func test_clientThatDoesNotRead_pausesServerReads_andResumesWhenDrained() async throws {
        let group = try EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let serverConnections = Recorder<StreamConnection>()
        let listener = try await TCPListener.listen(on: loopback(), acceptor: group.loops[0], distributingTo: [group.loops[1]]) { connection in
            serverConnections.append(connection)
            return EchoHandler()
        }
        let clientLoop = group.loops[0]
        let collector = CollectingHandler()
        let client = try await StreamConnection.connect(to: listener.boundAddress, on: clientLoop) { _ in collector }
        let total = 16 << 20
        let payload = pattern(seed: 7, count: total)
        try await clientLoop.submit {
            // This client queues its whole output at once; its own back-pressure would stop
            // it reading and deadlock the exchange, which a real client avoids by reading.
            client.highWaterMark = .max
            client.pauseReading()
            client.write(payload)
        }
        #expect(await eventually { serverConnections.all.count == 1 })
        let server = try #require(serverConnections.all.first)
        let serverLoop = group.loops[1]
        // The client reads nothing, so the server's output backs up and it must stop reading.
        #expect(await eventually(timeout: .seconds(30)) {
            (try? await serverLoop.submit { server.isPausedForBackpressure }) == true
        })
        let queued = try await serverLoop.submit { server.queuedBytes }
        #expect(queued > server.highWaterMark)
        let receivedWhilePaused = try await serverLoop.submit { server.bytesReceived }
        #expect(receivedWhilePaused < total)
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await serverLoop.submit { server.bytesReceived } == receivedWhilePaused)
        // Once the client reads, everything flows and arrives intact.
        try await clientLoop.submit { client.resumeReading() }
        #expect(await eventually(timeout: .seconds(60)) { collector.count >= total })
        #expect(collector.bytes == payload)
        #expect(try await serverLoop.submit { server.isPausedForBackpressure } == false)
        try await clientLoop.submit { client.close() }
    }

    @Test func test_clientHangingUpMidEcho_costsOnlyThatConnection() async throws {
        let group = try EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let errors = Recorder<String>()
        final class ErrorWatcher: StreamHandler {
            let errors: Recorder<String>
            init(_ errors: Recorder<String>) { self.errors = errors }
            func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) { connection.write(bytes) }
            func closed(_ connection: StreamConnection, error: RuntimeError?) { errors.append(error?.codeName ?? "none") }
        }
        let listener = try await TCPListener.listen(on: loopback(), acceptor: group.loops[0], distributingTo: [group.loops[1]]) { _ in
            ErrorWatcher(errors)
        }
        // The server keeps echoing into sockets whose peer is gone: EPIPE/ECONNRESET must end
        // only that connection (the runtime also ignores SIGPIPE for the process).
        for _ in 0..<5 {
            let client = try await StreamConnection.connect(to: listener.boundAddress, on: group.loops[0]) { _ in CollectingHandler() }
            try await group.loops[0].submit {
                client.highWaterMark = .max
                client.write(pattern(seed: 1, count: 1 << 20))
                client.close()
            }
        }
        #expect(await eventually(timeout: .seconds(30)) { errors.all.count == 5 })
        let stillServing = CollectingHandler()
        let client = try await StreamConnection.connect(to: listener.boundAddress, on: group.loops[0]) { _ in stillServing }
        try await group.loops[0].submit { client.write([9]) }
        #expect(await eventually { stillServing.bytes == [9] })
    }

    @Test func test_peerClose_isReportedToTheServerHandler() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let closed = Counter()
        final class CloseWatcher: StreamHandler {
            let closed: Counter
            init(_ closed: Counter) { self.closed = closed }
            func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {}
            func closed(_ connection: StreamConnection, error: RuntimeError?) { if error == nil { closed.increment() } }
        }
        let listener = try await TCPListener.listen(on: loopback(), acceptor: group.loops[0], distributingTo: group.loops) { _ in
            CloseWatcher(closed)
        }
        let client = try await StreamConnection.connect(to: listener.boundAddress, on: group.loops[0]) { _ in CollectingHandler() }
        #expect(await eventually { listener.accepted == 1 })
        try await group.loops[0].submit { client.close() }
        #expect(await eventually { closed.count == 1 })
    }

    @Test func test_closeAfterWrites_deliversEverythingBeforeClosing() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        final class SayAndHangUp: StreamHandler {
            let message: [UInt8]
            init(_ message: [UInt8]) { self.message = message }
            func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {
                connection.write(message)
                connection.closeAfterWrites()
            }
            func closed(_ connection: StreamConnection, error: RuntimeError?) {}
        }
        let message = pattern(seed: 3, count: 4 << 20)
        let listener = try await TCPListener.listen(on: loopback(), acceptor: group.loops[0], distributingTo: group.loops) { _ in
            SayAndHangUp(message)
        }
        let collector = CollectingHandler()
        let client = try await StreamConnection.connect(to: listener.boundAddress, on: group.loops[0]) { _ in collector }
        try await group.loops[0].submit { client.write([1]) }
        #expect(await eventually(timeout: .seconds(30)) { collector.isClosed })
        #expect(collector.bytes == message)
    }
}
