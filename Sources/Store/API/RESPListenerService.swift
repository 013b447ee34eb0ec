// `resp.listener-0`: the RESP acceptor, spreading client connections over the event loops.
public import Runtime
public import ServiceLifecycle
import Supervisors

/// Binds at start and closes when stopped. A restarted instance binds the port its first
/// instance got (`portMemory`), so clients reconnect to the same address.
public struct RESPListenerService: Service {
    public let address: SocketAddress
    public let loops: EventLoopGroup
    public let commands: CommandTable
    public let store: StoreServer
    public let server: ServerContext
    public let settings: LiveRESPSettings
    /// Called with the bound address once listening.
    public let onListening: @Sendable (SocketAddress) -> Void

    public init(address: SocketAddress, loops: EventLoopGroup, commands: CommandTable, store: StoreServer, server: ServerContext,
                settings: LiveRESPSettings, onListening: @escaping @Sendable (SocketAddress) -> Void) {
        self.address = address
        self.loops = loops
        self.commands = commands
        self.store = store
        self.server = server
        self.settings = settings
        self.onListening = onListening
    }

    public func run() async throws {
        let commands = self.commands
        let store = self.store
        let server = self.server
        let settings = self.settings
        let listener = try await TCPListener.listen(on: address, acceptor: loops.loops[0], distributingTo: loops.loops) { connection in
            guard let clientID = server.clients.admit() else {
                server.stats.connectionRejected()
                connection.write(Array("-ERR max number of clients reached\r\n".utf8))
                connection.closeAfterWrites()
                return RefusedConnection()
            }
            server.stats.connectionAccepted()
            return RESPSession(clientID: clientID, commands: commands, store: store, server: server, settings: settings,
                               connection: connection)
        }
        onListening(listener.boundAddress)
        do {
            try await waitForShutdownRequest()
        } catch {
            await listener.close()
            throw error
        }
    }
}

/// Holds a refused connection until its error reply is written.
private final class RefusedConnection: StreamHandler {
    func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {}
    func closed(_ connection: StreamConnection, error: RuntimeError?) {}
}
