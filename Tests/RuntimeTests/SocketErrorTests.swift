// Socket failures surface as errors naming the address and the cause; nothing traps.
import Foundation
import Testing
@testable import Runtime

@Suite struct SocketErrorTests {
    @Test func test_takenPort_failsWithAddressInUse_namingTheAddress() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let first = try await TCPListener.listen(on: loopback(), acceptor: group.loops[0], distributingTo: []) { _ in EchoHandler() }
        let taken = first.boundAddress
        do {
            _ = try await TCPListener.listen(on: taken, acceptor: group.loops[0], distributingTo: []) { _ in EchoHandler() }
            Issue.record("binding a taken port succeeded")
        } catch let error as RuntimeError {
            #expect(error.code == RuntimeError.addressInUse)
            #expect(error.description.contains(taken.description))
            #expect(error.description.contains("EADDRINUSE"))
        }
    }

    @Test(arguments: ["999.1.1.1", "not-an-ip", "", "1.2.3"])
    func test_badHost_isAnErrorNotATrap(host: String) {
        #expect(throws: RuntimeError.self) { try SocketAddress(host: host, port: 80) }
    }

    @Test(arguments: [-1, 65536, Int.max, Int.min])
    func test_badPort_isAnError(port: Int) {
        #expect(throws: RuntimeError.self) { try SocketAddress(host: "127.0.0.1", port: port) }
    }

    @Test func test_ipv6AndLocalhost_parse() throws {
        #expect(try SocketAddress(host: "::1", port: 7).description == "[::1]:7")
        #expect(try SocketAddress(host: "localhost", port: 7).description == "127.0.0.1:7")
    }

    @Test func test_connectToClosedPort_failsWithConnectionRefused() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let listener = try await TCPListener.listen(on: loopback(), acceptor: group.loops[0], distributingTo: []) { _ in EchoHandler() }
        let address = listener.boundAddress
        await listener.close()
        do {
            _ = try await StreamConnection.connect(to: address, on: group.loops[0]) { _ in CollectingHandler() }
            Issue.record("connect to a closed port succeeded")
        } catch let error as RuntimeError {
            #expect(error.codeName == "ECONNREFUSED")
            #expect(error.description.contains(address.description))
        }
    }
}
