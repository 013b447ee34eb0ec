// One client connection: parse requests, run them in order, write the replies (pipelining).
import RESP
import Runtime

/// Lives on its connection's loop (hence `@unchecked Sendable`: only that thread touches it,
/// including the idle timer's callback and the batch task, which prefers the loop as its
/// executor). One batch is in flight per connection, so replies keep request order.
///
/// A read's commands form a batch. Session commands run at once, in order; if the batch has
/// data commands, one task submits them to their regions in order without waiting for a sync,
/// then waits once for the WAL sync covering all of them and writes every reply (DESIGN §6a).
/// A protocol error is answered with Redis's text and the connection is closed after the
/// reply, as Redis does.
final class RESPSession: StreamHandler, @unchecked Sendable {
    /// A paused connection buffers at most about this much unparsed input while a batch runs.
    private static let inputBufferedWhileBusy = 1 << 20

    private var parser: RESPRequestParser
    private var state: SessionState
    private let commands: CommandTable
    private let store: StoreServer
    private let clients: ClientRegistry
    private let idleTimeout: Duration
    private var lastActivity = SystemTimeSource().now()
    private var idleTimer: (any ScheduledTimer)?
    private weak var connection: StreamConnection?
    private var batchInFlight = false
    private var closing = false

    /// One command of a batch: its encoded reply, or the data command still to run and the
    /// protocol its reply is encoded in (HELLO may switch it mid-batch).
    private enum Step {
        case encoded([UInt8])
        case data(DataCommand, CommandSpec, [[UInt8]], RESPProtocolVersion)
    }

    init(clientID: Int64, commands: CommandTable, store: StoreServer, clients: ClientRegistry, settings: SessionSettings) {
        state = SessionState(clientID: clientID, requiredPassword: settings.requiredPassword)
        // Before authentication the parser applies Redis's smaller limits.
        parser = RESPRequestParser(maxBulkLength: settings.maxBulkLength, isAuthenticated: state.authenticated)
        self.commands = commands
        self.store = store
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
        guard !batchInFlight, SystemTimeSource().now().duration(since: lastActivity) > idleTimeout else { return }
        connection?.close()
    }

    func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {
        if idleTimer != nil { lastActivity = SystemTimeSource().now() }
        parser.append(contentsOf: bytes)
        if batchInFlight {
            if parser.bufferedByteCount > Self.inputBufferedWhileBusy { connection.pauseReading() }
            return
        }
        runBatch(on: connection)
    }

    /// Parses what is buffered and answers it; data commands continue in a task.
    private func runBatch(on connection: StreamConnection) {
        guard !closing else { return }
        var steps: [Step] = []
        var hasData = false
        while !closing {
            let argv: [[UInt8]]
            do {
                guard let next = try parser.next() else { break }
                argv = next
            } catch {
                var bytes: [UInt8] = []
                error.appendReply(to: &bytes)
                steps.append(.encoded(bytes))
                closing = true
                break
            }
            switch commands.dispatch(argv, session: &state) {
            case .reply(let reply):
                var bytes: [UInt8] = []
                RESPEncoder(protocolVersion: state.protocolVersion).append(reply, to: &bytes)
                steps.append(.encoded(bytes))
            case .data(let command, let spec):
                steps.append(.data(command, spec, argv, state.protocolVersion))
                hasData = true
            }
            parser.isAuthenticated = state.authenticated
            closing = state.closeAfterReply
        }
        guard !steps.isEmpty else { return }
        guard hasData else {
            var output: [UInt8] = []
            for case .encoded(let bytes) in steps { output.append(contentsOf: bytes) }
            write(output, to: connection)
            return
        }
        batchInFlight = true
        let store = self.store
        Task(executorPreference: connection.loop) {
            var output: [UInt8] = []
            var sequence: UInt64 = 0
            for step in steps {
                switch step {
                case .encoded(let bytes):
                    output.append(contentsOf: bytes)
                case .data(let command, let spec, let argv, let version):
                    let applied = await store.execute(command, spec: spec, argv: argv)
                    sequence = max(sequence, applied.sequence)
                    RESPEncoder(protocolVersion: version).append(applied.reply, to: &output)
                }
            }
            do {
                try await store.waitUntilDurable(sequence)
            } catch {
                // Nothing that is not durable may be acknowledged: the batch's replies become one
                // error per command, and the connection closes, since the client cannot know
                // which of its writes took effect.
                output.removeAll()
                for _ in steps { RESPEncoder(protocolVersion: .resp2).append(.error("ERR write not durable: \(error)"), to: &output) }
                self.closing = true
            }
            self.finishBatch(output, on: connection)
        }
    }

    private func finishBatch(_ output: [UInt8], on connection: StreamConnection) {
        batchInFlight = false
        write(output, to: connection)
        guard connection.isOpen, !closing else { return }
        connection.resumeReading()
        if parser.bufferedByteCount > 0 { runBatch(on: connection) }
    }

    private func write(_ output: [UInt8], to connection: StreamConnection) {
        if !output.isEmpty { connection.write(output) }
        if closing { connection.closeAfterWrites() }
    }

    func closed(_ connection: StreamConnection, error: RuntimeError?) {
        idleTimer?.cancel()
        idleTimer = nil
        closing = true
        clients.leave()
    }
}
