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
    public let clients: ClientRegistry
    public let settings: LiveRESPSettings
    /// Called with the bound address once listening.
    public let onListening: @Sendable (SocketAddress) -> Void

    public init(address: SocketAddress, loops: EventLoopGroup, commands: CommandTable, clients: ClientRegistry,
                settings: LiveRESPSettings, onListening: @escaping @Sendable (SocketAddress) -> Void) {
        self.address = address
        self.loops = loops
        self.commands = commands
        self.clients = clients
        self.settings = settings
        self.onListening = onListening
    }

    public func run() async throws {
        let commands = self.commands
        let clients = self.clients
        let settings = self.settings
        let listener = try await TCPListener.listen(on: address, acceptor: loops.loops[0], distributingTo: loops.loops) { connection in
            guard let clientID = clients.admit() else {
                connection.write(Array("-ERR max number of clients reached\r\n".utf8))
                connection.closeAfterWrites()
                return RefusedConnection()
            }
            let session = RESPSession(clientID: clientID, commands: commands, clients: clients, settings: settings)
            session.watchIdleness(of: connection)
            return session
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
