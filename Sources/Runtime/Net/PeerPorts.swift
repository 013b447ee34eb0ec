// Binding a TCP listener and a UDP socket on one port number (peer transport and SWIM, DESIGN §9).

public struct PeerSockets: Sendable {
    public let listener: TCPListener
    public let datagrams: UDPSocket
    public var port: Int { listener.boundAddress.port }
}

extension TCPListener {
    /// Binds TCP, then UDP on the same number. With port 0 a UDP number already taken makes
    /// it try again with a fresh TCP port (up to `attempts` times); with a fixed port it fails.
    public static func listenWithDatagrams(
        on address: SocketAddress,
        loop: EventLoop,
        distributingTo targets: [EventLoop],
        attempts: Int = 16,
        makeHandler: @escaping ConnectionHandlerFactory,
        makeDatagramHandler: @escaping @Sendable (UDPSocket) -> any DatagramHandler
    ) async throws -> PeerSockets {
        let targets = targets.isEmpty ? [loop] : targets
        return try await loop.submit {
            var lastError: RuntimeError?
            for _ in 0..<max(1, attempts) {
                let listener = try TCPListener.bindOnLoop(address, acceptor: loop, targets: targets, backlog: 511, makeHandler: makeHandler)
                let udpAddress = try SocketAddress(host: address.host, port: listener.boundAddress.port)
                do throws(RuntimeError) {
                    let socket = try UDPSocket.bindOnLoop(udpAddress, on: loop, makeHandler: makeDatagramHandler)
                    return PeerSockets(listener: listener, datagrams: socket)
                } catch {
                    listener.closeForShutdown()
                    lastError = error
                    if address.port != 0 || error.code != RuntimeError.addressInUse { throw error }
                }
            }
            throw lastError ?? RuntimeError(operation: "bind", target: address.description, detail: "no port free for both TCP and UDP")
        }
    }
}
