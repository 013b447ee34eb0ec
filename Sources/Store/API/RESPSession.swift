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
    private let settings: LiveRESPSettings
    private var output: [UInt8] = []
    private var lastActivity = SystemTimeSource().now()
    private var idleTimer: (any ScheduledTimer)?
    private weak var connection: StreamConnection?

    init(clientID: Int64, commands: CommandTable, clients: ClientRegistry, settings: LiveRESPSettings) {
        let current = settings.current
        state = SessionState(clientID: clientID, requiredPassword: current.requiredPassword)
        // Before authentication the parser applies Redis's smaller limits.
        parser = RESPRequestParser(maxBulkLength: current.maxBulkLength, isAuthenticated: state.authenticated)
        self.commands = commands
        self.clients = clients
        self.settings = settings
    }

    /// Starts closing the connection once it has been idle for `resp.timeout` (Redis checks
    /// idle clients periodically too, so the close comes up to a quarter timeout late). The
    /// timer runs even while the timeout is zero, because CONFIG SET can change it.
    func watchIdleness(of connection: StreamConnection) {
        self.connection = connection
        let idleTimeout = settings.current.idleTimeout
        let interval = idleTimeout > .zero ? max(.milliseconds(50), min(.seconds(1), idleTimeout / 4)) : .seconds(1)
        idleTimer = connection.loop.scheduleTimer(after: interval, repeating: interval) { [weak self] in
            self?.closeIfIdle()
        }
    }

    private func closeIfIdle() {
        let idleTimeout = settings.current.idleTimeout
        guard idleTimeout > .zero, SystemTimeSource().now().duration(since: lastActivity) > idleTimeout else { return }
        connection?.close()
    }

    /// What CONFIG SET may have changed since the last command: the password and the bulk limit.
    private func applyLiveSettings() {
        let current = settings.current
        state.requiredPassword = current.requiredPassword
        parser.maxBulkLength = current.maxBulkLength
        parser.isAuthenticated = state.authenticated
    }

    func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {
        lastActivity = SystemTimeSource().now()
        parser.append(contentsOf: bytes)
        output.removeAll(keepingCapacity: true)
        var closing = false
        while !closing {
            applyLiveSettings()
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
