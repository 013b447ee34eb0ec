// Unix-domain listeners (admin socket) and UDP datagrams, including TCP+UDP on one port.
import Foundation
import Glibc
import Synchronization
import TestSupport
import Testing
@testable import Runtime

/// A blocking Unix-socket client for tests: connect, send, read until `count` bytes.
private func unixRoundTrip(path: String, send: [UInt8], expect count: Int) -> [UInt8]? {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    let connected = UnixSocketAddress.with(path: path) { connect(fd, $0, $1) }
    guard connected == 0 else { return nil }
    _ = send.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while received.count < count {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        received.append(contentsOf: buffer[..<n])
    }
    return received
}

private final class DatagramEcho: DatagramHandler {
    func received(_ datagram: UnsafeRawBufferPointer, from sender: SocketAddress, on socket: UDPSocket) {
        socket.send(Array(datagram), to: sender)
    }
}

private final class DatagramCollector: DatagramHandler, @unchecked Sendable {
    let got = Recorder<[UInt8]>()
    func received(_ datagram: UnsafeRawBufferPointer, from sender: SocketAddress, on socket: UDPSocket) {
        got.append(Array(datagram))
    }
}

@Suite struct UnixListenerTests {
    @Test func test_unixListener_hasMode0600_andEchoes() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/admin.sock"
        let listener = try await UnixListener.listen(at: path, on: group.loops[0]) { _ in EchoHandler() }
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let reply = await BlockingTask { unixRoundTrip(path: path, send: Array("ping\n".utf8), expect: 5) }.value
        #expect(reply == Array("ping\n".utf8))
        await listener.close()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func test_pathOver107Bytes_isRefusedWithClearError() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let path = "/tmp/" + String(repeating: "a", count: 110) + ".sock"
        do {
            _ = try await UnixListener.listen(at: path, on: group.loops[0]) { _ in EchoHandler() }
            Issue.record("a path longer than 107 bytes was accepted")
        } catch let error as RuntimeError {
            #expect(error.description.contains("at most 107 bytes"))
        }
    }

    @Test func test_staleSocketFile_isReplaced_butOtherFilesAreNot() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/admin.sock"
        // A crashed node leaves its socket file behind: bind one and close it without unlinking.
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        let bound = UnixSocketAddress.with(path: path) { bind(fd, $0, $1) }
        close(fd)
        #expect(bound == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        let second = try await UnixListener.listen(at: path, on: group.loops[0]) { _ in EchoHandler() }
        await second.close()
        let plain = dir + "/plain"
        _ = FileManager.default.createFile(atPath: plain, contents: Data("keep".utf8))
        await #expect(throws: RuntimeError.self) {
            _ = try await UnixListener.listen(at: plain, on: group.loops[0]) { _ in EchoHandler() }
        }
        #expect(FileManager.default.contents(atPath: plain) == Data("keep".utf8))
    }
}

@Suite struct UDPTests {
    @Test func test_datagrams_roundTrip() async throws {
        let group = try EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let server = try await UDPSocket.bind(loopback(), on: group.loops[0]) { _ in DatagramEcho() }
        let collector = DatagramCollector()
        let client = try await UDPSocket.bind(loopback(), on: group.loops[1]) { _ in collector }
        let target = server.boundAddress
        try await group.loops[1].submit {
            client.send(Array("hello".utf8), to: target)
            client.send(Array("world".utf8), to: target)
        }
        #expect(await eventually { collector.got.all.count == 2 })
        #expect(Set(collector.got.all.map { String(decoding: $0, as: UTF8.self) }) == ["hello", "world"])
        await server.close()
        await client.close()
    }

    @Test func test_tcpAndUdp_bindTheSamePortNumber() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let sockets = try await TCPListener.listenWithDatagrams(
            on: loopback(), loop: group.loops[0], distributingTo: [],
            makeHandler: { _ in EchoHandler() }, makeDatagramHandler: { _ in DatagramEcho() })
        #expect(sockets.port != 0)
        #expect(sockets.listener.boundAddress.port == sockets.datagrams.boundAddress.port)
        // Both really work on that number.
        let collector = DatagramCollector()
        let client = try await UDPSocket.bind(loopback(), on: group.loops[0]) { _ in collector }
        let udpTarget = try loopback(sockets.port)
        _ = try await group.loops[0].submit { client.send([42], to: udpTarget) }
        #expect(await eventually { collector.got.all == [[42]] })
        let tcpCollector = CollectingHandler()
        let tcp = try await StreamConnection.connect(to: try loopback(sockets.port), on: group.loops[0]) { _ in tcpCollector }
        try await group.loops[0].submit { tcp.write([7, 8]) }
        #expect(await eventually { tcpCollector.bytes == [7, 8] })
    }

    @Test func test_fixedPortWhoseUdpNumberIsTaken_failsClearly() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let blocker = try await UDPSocket.bind(loopback(), on: group.loops[0]) { _ in DatagramEcho() }
        do {
            _ = try await TCPListener.listenWithDatagrams(
                on: try loopback(blocker.boundAddress.port), loop: group.loops[0], distributingTo: [],
                makeHandler: { _ in EchoHandler() }, makeDatagramHandler: { _ in DatagramEcho() })
            Issue.record("bound a UDP port that was taken")
        } catch let error as RuntimeError {
            #expect(error.code == RuntimeError.addressInUse)
        }
    }
}
