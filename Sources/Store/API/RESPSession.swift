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
    private let server: ServerContext
    /// Read before every command, so CONFIG SET applies to open connections' next command.
    private let settings: LiveRESPSettings
    private var lastActivity = SystemTimeSource().now()
    private var idleTimer: (any ScheduledTimer)?
    private weak var connection: StreamConnection?
    private var link: SessionLink?
    private var batchInFlight = false
    /// The running batch, cancelled when the connection closes so a blocked pop stops waiting.
    private var batchTask: Task<Void, Never>?
    private var closing = false
    private var queryBufferShare = 0

    /// One command of a batch: its encoded reply, or the data command still to run and how
    /// its reply is to be encoded (HELLO may switch the protocol mid-batch).
    private enum Step {
        case encoded([UInt8])
        case data(DataCommand, CommandSpec, [[UInt8]], RESPProtocolVersion, suppressed: Bool)
        /// Transaction steps: the watch list changes in request order, as the task reaches them.
        case watch([[UInt8]], RESPProtocolVersion, suppressed: Bool)
        case forgetWatches([UInt8])
        case exec([TransactionItem], RESPProtocolVersion, suppressed: Bool)
    }

    /// The keys WATCH saw; only the batch task changes it, in request order.
    private var watches: [WatchedKey] = []

    init(clientID: Int64, commands: CommandTable, store: StoreServer, server: ServerContext, settings: LiveRESPSettings,
         connection: StreamConnection) {
        let current = settings.current
        self.commands = commands
        self.store = store
        self.server = server
        self.settings = settings
        self.connection = connection
        let handle = ClientHandle(id: clientID, address: connection.peerDescription,
                                  localAddress: connection.localDescription ?? "", fileDescriptor: connection.fileDescriptor) { [weak connection] in
            guard let loop = connection?.loop else { return }
            loop.execute { [weak connection] in connection?.close() }
        }
        state = SessionState(clientID: clientID, requiredPassword: current.requiredPassword, server: server)
        // Before authentication the parser applies Redis's smaller limits.
        parser = RESPRequestParser(maxBulkLength: current.maxBulkLength, isAuthenticated: state.authenticated)
        let link = SessionLink(clientID: clientID, handle: handle, loop: connection.loop, session: self)
        state = SessionState(clientID: clientID, requiredPassword: current.requiredPassword, server: server, link: link)
        self.link = link
        handle.update { $0.authenticated = self.state.authenticated }
        server.clients.register(handle)
        watchIdleness(of: connection)
    }

    /// Starts closing the connection once it has been idle for `resp.timeout` (Redis checks
    /// idle clients periodically too, so the close comes up to a quarter timeout late).
    /// Subscribers and monitors are exempt, as in Redis. The timer runs even while the
    /// timeout is zero, because CONFIG SET can change it.
    private func watchIdleness(of connection: StreamConnection) {
        let idleTimeout = settings.current.idleTimeout
        let interval = idleTimeout > .zero ? max(.milliseconds(50), min(.seconds(1), idleTimeout / 4)) : .seconds(1)
        idleTimer = connection.loop.scheduleTimer(after: interval, repeating: interval) { [weak self] in
            self?.closeIfIdle()
        }
    }

    private func closeIfIdle() {
        let idleTimeout = settings.current.idleTimeout
        guard idleTimeout > .zero, !batchInFlight, !state.isMonitor, state.channels.isEmpty, state.patterns.isEmpty,
              SystemTimeSource().now().duration(since: lastActivity) > idleTimeout else { return }
        connection?.close()
    }

    func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {
        lastActivity = SystemTimeSource().now()
        parser.append(contentsOf: bytes)
        guard accountQueryBuffer() else {
            // Its input is dropped at once, so the memory is free for everyone else now.
            parser = RESPRequestParser(maxBulkLength: settings.current.maxBulkLength, isAuthenticated: state.authenticated)
            _ = accountQueryBuffer()
            connection.write(Array("-ERR Protocol error: the query buffers of all clients exceed resp.max-query-buffer-total\r\n".utf8))
            closing = true
            connection.closeAfterWrites()
            return
        }
        if batchInFlight {
            if parser.bufferedByteCount > Self.inputBufferedWhileBusy { connection.pauseReading() }
            return
        }
        runBatch(on: connection)
    }

    /// Records this client's unparsed input in the node-wide budget; false when it is exceeded.
    private func accountQueryBuffer() -> Bool {
        let now = parser.bufferedByteCount
        defer { queryBufferShare = now }
        return server.queryBuffers.adjust(from: queryBufferShare, to: now, limit: settings.current.maxQueryBufferTotal)
    }

    /// Picks up CONFIG SET changes: the password AUTH checks, and the parser's limits.
    private func applyLiveSettings() {
        let current = settings.current
        state.requiredPassword = current.requiredPassword
        parser.maxBulkLength = current.maxBulkLength
        parser.isAuthenticated = state.authenticated
    }

    /// Parses what is buffered and answers it; data commands continue in a task.
    private func runBatch(on connection: StreamConnection) {
        guard !closing else { return }
        var steps: [Step] = []
        var hasData = false
        parsing: while !closing {
            applyLiveSettings()
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
            let started = SystemTimeSource().now()
            feedMonitors(argv)
            switch TransactionGate.route(argv, commands: commands, session: &state) {
            case .notTransactional:
                switch commands.dispatch(argv, session: &state) {
                case .reply(let reply):
                    steps.append(.encoded(answer(argv, reply, since: started)))
                case .data(let command, let spec):
                    steps.append(.data(command, spec, argv, state.protocolVersion, suppressed: !state.takeReplyDecision()))
                    hasData = true
                    // A blocked client reads nothing more until it is answered, as in Redis.
                    if case .blocking = command {
                        link?.handle.update { $0.isBlocked = true }
                        break parsing
                    }
                }
            case .reply(let reply):
                steps.append(.encoded(answer(argv, reply, since: started)))
            case .forgetWatches(let reply):
                steps.append(.forgetWatches(answer(argv, reply, since: started)))
                hasData = true
            case .watch(let keys):
                steps.append(.watch(keys, state.protocolVersion, suppressed: !state.takeReplyDecision()))
                hasData = true
            case .exec(let items):
                steps.append(.exec(items, state.protocolVersion, suppressed: !state.takeReplyDecision()))
                hasData = true
            }
            parser.isAuthenticated = state.authenticated
            closing = state.closeAfterReply
        }
        _ = accountQueryBuffer()
        updateHandle(lastCommand: nil)
        guard !steps.isEmpty else { return }
        guard hasData else {
            var output: [UInt8] = []
            for case .encoded(let bytes) in steps { output.append(contentsOf: bytes) }
            write(output, to: connection)
            return
        }
        batchInFlight = true
        let clientID = state.clientID
        batchTask = Task(executorPreference: connection.loop) {
            // CLIENT UNBLOCK finds a waiting pop by the connection it runs for.
            await StoreServer.$requestingConnection.withValue(clientID) {
                await self.run(steps, on: connection)
            }
        }
    }

    /// Runs a batch's data commands in order, waits once for the sync covering them all, and
    /// writes every reply (DESIGN §6a).
    private func run(_ steps: [Step], on connection: StreamConnection) async {
        let store = self.store
        var output: [UInt8] = []
        var sequence: UInt64 = 0
        for step in steps {
            switch step {
            case .encoded(let bytes):
                output.append(contentsOf: bytes)
            case .data(let command, let spec, let argv, let version, let suppressed):
                let started = SystemTimeSource().now()
                let applied = await store.execute(command, spec: spec, argv: argv)
                self.record(argv, reply: applied.reply, since: started, excluding: applied.waited, name: spec.name)
                sequence = max(sequence, applied.sequence)
                if !suppressed { RESPEncoder(protocolVersion: version).append(applied.reply, to: &output) }
            case .watch(let keys, let version, let suppressed):
                let started = SystemTimeSource().now()
                let reply: RESPValue
                switch await store.watch(keys) {
                case .success(let watched):
                    self.watches += watched
                    reply = .simpleString("OK")
                case .failure(let error):
                    reply = error.reply
                }
                self.record([Array("watch".utf8)] + keys, reply: reply, since: started)
                if !suppressed { RESPEncoder(protocolVersion: version).append(reply, to: &output) }
            case .forgetWatches(let bytes):
                self.watches.removeAll()
                output.append(contentsOf: bytes)
            case .exec(let items, let version, let suppressed):
                let started = SystemTimeSource().now()
                let applied = await store.execute(transaction: items, watching: self.watches)
                self.watches.removeAll()
                self.record([Array("exec".utf8)], reply: applied.reply, since: started)
                sequence = max(sequence, applied.sequence)
                if !suppressed { RESPEncoder(protocolVersion: version).append(applied.reply, to: &output) }
            }
        }
        do {
            try await store.waitUntilDurable(sequence)
            store.auditAcknowledgement(of: sequence)
        } catch {
            // Nothing that is not durable may be acknowledged: the batch's replies become one
            // error per command, and the connection closes, since the client cannot know
            // which of its writes took effect.
            output.removeAll()
            for _ in steps { RESPEncoder(protocolVersion: .resp2).append(.error("ERR write not durable: \(error)"), to: &output) }
            self.closing = true
        }
        finishBatch(output, on: connection)
    }

    /// A reply answered now, encoded unless CLIENT REPLY hides it, with the replies that follow it.
    private func answer(_ argv: [[UInt8]], _ reply: RESPValue, since started: MonotonicInstant) -> [UInt8] {
        record(argv, reply: reply, since: started)
        var bytes: [UInt8] = []
        // Decided after the command ran: CLIENT REPLY ON's own reply is sent.
        if state.takeReplyDecision() {
            let encoder = RESPEncoder(protocolVersion: state.protocolVersion)
            encoder.append(reply, to: &bytes)
            for following in state.followingReplies { encoder.append(following, to: &bytes) }
        }
        state.followingReplies.removeAll()
        return bytes
    }

    private func record(_ argv: [[UInt8]], reply: RESPValue, since started: MonotonicInstant, excluding waited: Duration = .zero,
                        name: String? = nil) {
        let elapsed = max(.zero, SystemTimeSource().now().duration(since: started) - waited)
        let microseconds = elapsed.components.seconds &* 1_000_000 &+ elapsed.components.attoseconds / 1_000_000_000_000
        let commandName = name ?? commandName(argv)
        var failed = false
        if case .error = reply { failed = true }
        server.stats.record(commandName, microseconds: microseconds, failed: failed)
        let info = link?.handle.snapshot
        server.slowLog.consider(argv, microseconds: microseconds, unixSeconds: store.clock.nowMilliseconds() / 1000,
                                clientAddress: link?.handle.address ?? "", clientName: info?.name ?? "")
        link?.handle.update { $0.lastCommand = commandName }
    }

    /// The command's full name as Redis reports it (`client|list`), or the first word.
    private func commandName(_ argv: [[UInt8]]) -> String {
        guard let first = argv.first else { return "" }
        let name = String(decoding: first, as: UTF8.self).lowercased()
        if let entry = commands.entry(named: name), !entry.subcommands.isEmpty, argv.count > 1 {
            let sub = String(decoding: argv[1], as: UTF8.self).lowercased()
            if entry.subcommands[sub] != nil { return name + "|" + sub }
        }
        return name
    }

    private func feedMonitors(_ argv: [[UInt8]]) {
        guard !server.monitors.isEmpty, let first = argv.first else { return }
        // As Redis, credentials never reach a monitor.
        let name = String(decoding: first, as: UTF8.self).lowercased()
        guard name != "auth", name != "hello", name != "monitor" else { return }
        server.monitors.feed(argv, unixMicroseconds: store.clock.nowMicroseconds(), clientAddress: link?.handle.address ?? "")
    }

    private func updateHandle(lastCommand: String?) {
        let state = self.state
        let queryBytes = parser.bufferedByteCount
        let outputBytes = connection?.queuedBytes ?? 0
        link?.handle.update { info in
            info.name = state.name ?? ""
            info.protocolVersion = state.protocolVersion
            info.channels = state.channels.count
            info.patterns = state.patterns.count
            info.isMonitor = state.isMonitor
            info.libraryName = state.libraryName
            info.libraryVersion = state.libraryVersion
            info.queryBufferBytes = queryBytes
            info.outputBufferBytes = outputBytes
            info.lastInteraction = SystemTimeSource().now()
            info.authenticated = state.authenticated
            info.queuedCommands = state.transaction?.commands.count
        }
    }

    private func finishBatch(_ output: [UInt8], on connection: StreamConnection) {
        batchInFlight = false
        batchTask = nil
        link?.handle.update { $0.isBlocked = false }
        write(output, to: connection)
        guard connection.isOpen, !closing else { return }
        connection.resumeReading()
        if parser.bufferedByteCount > 0 { runBatch(on: connection) }
    }

    private func write(_ output: [UInt8], to connection: StreamConnection) {
        if !output.isEmpty { connection.write(output) }
        if closing { connection.closeAfterWrites() }
    }

    /// A published message: a push in RESP3, an array in RESP2.
    func push(_ items: [RESPValue]) {
        guard let connection, connection.isOpen, !closing else { return }
        var bytes: [UInt8] = []
        RESPEncoder(protocolVersion: state.protocolVersion).append(state.protocolVersion == .resp3 ? .push(items) : .array(items), to: &bytes)
        writePush(bytes, to: connection)
    }

    func pushMonitorLine(_ line: String) {
        guard let connection, connection.isOpen, !closing, state.isMonitor else { return }
        writePush(Array("+\(line)\r\n".utf8), to: connection)
    }

    /// Subscribers and monitors that do not read are dropped at the output limit rather than
    /// buffered without bound (Redis's client-output-buffer-limit for pubsub).
    private func writePush(_ bytes: [UInt8], to connection: StreamConnection) {
        guard connection.queuedBytes + bytes.count <= settings.current.pushOutputLimit else {
            closing = true
            connection.close()
            return
        }
        connection.write(bytes)
    }

    func closed(_ connection: StreamConnection, error: RuntimeError?) {
        idleTimer?.cancel()
        idleTimer = nil
        closing = true
        batchTask?.cancel()
        for channel in state.channels { server.pubSub.unsubscribe(channel, clientID: state.clientID) }
        for pattern in state.patterns { server.pubSub.unsubscribe(pattern: pattern, clientID: state.clientID) }
        if state.isMonitor { server.monitors.remove(clientID: state.clientID) }
        _ = server.queryBuffers.adjust(from: queryBufferShare, to: 0, limit: .max)
        queryBufferShare = 0
        server.clients.leave(state.clientID)
        link = nil
    }
}
