// One client connection: parse requests, run them in order, write the replies (pipelining).
import RESP
import Runtime

/// Lives on its connection's loop (hence `@unchecked Sendable`: only that thread touches it,
/// including the idle timer's callback). Replies to one read's commands are written together,
/// in order. A protocol error is answered with Redis's text and the connection is closed after
/// the reply, as Redis does.
final class RESPSession: StreamHandler, @unchecked Sendable {
    private var parser: RESPRequestParser
    private var state: SessionState
    private let commands: CommandTable
    private let clients: ClientRegistry
    private let idleTimeout: Duration
    private var output: [UInt8] = []
    private var lastActivity = SystemTimeSource().now()
    private var idleTimer: (any ScheduledTimer)?
    private weak var connection: StreamConnection?

    init(clientID: Int64, commands: CommandTable, clients: ClientRegistry, settings: SessionSettings) {
        state = SessionState(clientID: clientID, requiredPassword: settings.requiredPassword)
        // Before authentication the parser applies Redis's smaller limits.
        parser = RESPRequestParser(maxBulkLength: settings.maxBulkLength, isAuthenticated: state.authenticated)
        self.commands = commands
        self.clients = clients
        idleTimeout = settings.idleTimeout
    }

    /// Starts closing the connection once it has been idle for `resp.timeout` (Redis checks
    /// idle clients periodically too, so the close comes up to a quarter timeout late).
    func watchIdleness(of connection: StreamConnection) {
        self.connection = connection
        guard idleTimeout > .zero else { return }
        let interval = max(.milliseconds(50), min(.seconds(1), idleTimeout / 4))
        idleTimer = connection.loop.scheduleTimer(after: interval, repeating: interval) { [weak self] in
            self?.closeIfIdle()
        }
    }

    private func closeIfIdle() {
        guard SystemTimeSource().now().duration(since: lastActivity) > idleTimeout else { return }
        connection?.close()
    }

    func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {
        if idleTimer != nil { lastActivity = SystemTimeSource().now() }
        parser.append(contentsOf: bytes)
        output.removeAll(keepingCapacity: true)
        var closing = false
        while !closing {
            let argv: [[UInt8]]
            do {
                guard let next = try parser.next() else { break }
                argv = next
            } catch {
                error.appendReply(to: &output)
                closing = true
                break
            }
            let reply = commands.execute(argv, session: &state)
            parser.isAuthenticated = state.authenticated
            RESPEncoder(protocolVersion: state.protocolVersion).append(reply, to: &output)
            closing = state.closeAfterReply
        }
        if !output.isEmpty { connection.write(output) }
        if closing { connection.closeAfterWrites() }
    }

    func closed(_ connection: StreamConnection, error: RuntimeError?) {
        idleTimer?.cancel()
        idleTimer = nil
        clients.leave()
    }
}
