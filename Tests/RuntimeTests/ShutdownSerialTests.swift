// Clean shutdown leaks no descriptors. "Serial" in the name: run alone, since it counts fds.
import Foundation
import TestSupport
import Testing
@testable import Runtime

@Suite(.serialized) struct ShutdownSerialTests {
    @Test func test_shutdownWithOpenListenersConnectionsAndTimers_leaksNoDescriptors() async throws {
        // The first round also warms up what the Swift runtime and Dispatch open lazily
        // (their epoll, eventfd and timerfd), which stay open for the life of the process.
        try await runNodeLikeScenario(expectingMoreThan: 0)
        let before = openDescriptorCount()
        try await runNodeLikeScenario(expectingMoreThan: before)
        #expect(openDescriptorCount() == before)
        try await runNodeLikeScenario(expectingMoreThan: before)
        #expect(openDescriptorCount() == before)
    }

    private func runNodeLikeScenario(expectingMoreThan before: Int) async throws {
        do {
            let group = try EventLoopGroup(loopCount: 2)
            let dir = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let lock = try DataDirectoryLock.acquire(directory: dir, nodeID: "n1")
            let listener = try await TCPListener.listen(on: loopback(), acceptor: group.loops[0], distributingTo: group.loops) { _ in EchoHandler() }
            _ = try await UnixListener.listen(at: dir + "/admin.sock", on: group.loops[1]) { _ in EchoHandler() }
            _ = try await TCPListener.listenWithDatagrams(
                on: loopback(), loop: group.loops[1], distributingTo: group.loops,
                makeHandler: { _ in EchoHandler() }, makeDatagramHandler: { _ in UDPSink() })
            var clients: [StreamConnection] = []
            for index in 0..<10 {
                let collector = CollectingHandler()
                let client = try await StreamConnection.connect(to: listener.boundAddress, on: group.loops[index % 2]) { _ in collector }
                clients.append(client)
                try await client.loop.submit { client.write([1, 2, 3]) }
                #expect(await eventually { collector.count == 3 })
            }
            group.loops[0].scheduleTimer(after: .seconds(3600), repeating: nil) {}
            group.loops[1].scheduleTimer(after: .seconds(1), repeating: .seconds(1)) {}
            #expect(openDescriptorCount() > before)
            await group.shutdownGracefully()
            lock.release()
            #expect(!FileManager.default.fileExists(atPath: dir + "/admin.sock"))
        }
    }
}

private final class UDPSink: DatagramHandler {
    func received(_ datagram: UnsafeRawBufferPointer, from sender: SocketAddress, on socket: UDPSocket) {}
}
