// Runs fuzz inputs through the parser and the command layer the way a session does, and checks
// every reply and the parser's independence from how reads are cut.
import RESP
import Store

public struct FuzzTarget: Sendable {
    public let store: FuzzStore
    public let catalog: CommandCatalog
    /// Inputs are short connections; past this many commands the rest of an input is dropped,
    /// so one input cannot monopolise a run.
    static let commandsPerInput = 64

    public init(store: FuzzStore) {
        self.store = store
        catalog = CommandCatalog(store.table)
    }

    /// Generates and runs inputs `range` of the run seeded with `seed`; `beforeEach` learns each
    /// index before its input runs (for crash reports and watchdogs).
    public func run(seed: UInt64, inputs range: Range<Int>, report: inout FuzzReport,
                    beforeEach: (Int) -> Void = { _ in }) async {
        for index in range {
            beforeEach(index)
            await run(FuzzInput.generate(seed: seed, index: index, catalog: catalog), report: &report)
        }
    }

    /// One input as one connection: its reads in order, each command dispatched by the table and,
    /// for data commands, executed by the store; stops at a protocol error or QUIT as a session does.
    public func run(_ input: FuzzInput, report: inout FuzzReport) async {
        report.inputs += 1
        report.bytes += input.bytes.count
        store.clock.advance(milliseconds: input.clockAdvanceMilliseconds)
        var session = SessionState(clientID: Int64(input.index) + 1, requiredPassword: input.requiredPassword)
        if input.startsInRESP3 { session.protocolVersion = .resp3 }
        var parser = RESPRequestParser(isAuthenticated: session.authenticated)
        var parsed = ParseRecord()
        reads: for chunk in input.chunks {
            parser.append(contentsOf: chunk)
            while true {
                let argv: [[UInt8]]
                do {
                    guard let next = try parser.next() else { break }
                    argv = next
                } catch {
                    var reply: [UInt8] = []
                    error.appendReply(to: &reply)
                    report.protocolErrors += 1
                    check(reply, .resp2, input, [], &report)
                    parsed.error = error
                    break reads
                }
                parsed.commands.append(argv)
                guard parsed.commands.count <= Self.commandsPerInput else {
                    parsed.stoppedEarly = true
                    break reads
                }
                await execute(argv, session: &session, input: input, report: &report)
                parser.isAuthenticated = session.authenticated
                if session.closeAfterReply {
                    parsed.stoppedEarly = true
                    break reads
                }
            }
        }
        // The unauthenticated limits change with AUTH's outcome, so only a connection that is
        // authenticated throughout can be compared with a parse of the whole input at once.
        if input.requiredPassword == nil, let problem = parsed.differenceFromWholeParse(of: input.bytes) {
            report.fail(input, problem)
        }
    }

    private func execute(_ argv: [[UInt8]], session: inout SessionState, input: FuzzInput, report: inout FuzzReport) async {
        report.commands += 1
        let name = String(decoding: argv[0], as: UTF8.self).lowercased()
        report.commandsByName[store.table.entry(named: name) == nil ? "(unknown)" : name, default: 0] += 1
        let reply: RESPValue
        let version: RESPProtocolVersion
        switch store.table.dispatch(argv, session: &session) {
        case .reply(let value):
            // As the session does: HELLO's reply is already in the protocol it chose.
            reply = value
            version = session.protocolVersion
        case .data(let command, let spec):
            report.dataCommands += 1
            version = session.protocolVersion
            if case .blocking = command {
                // A pop that would wait is given up at once, as a closed connection gives it up,
                // so the fuzzer never waits and the give-up path is fuzzed too.
                let server = store.server
                let waiting = Task { await server.execute(command, spec: spec, argv: argv) }
                waiting.cancel()
                reply = await waiting.value.reply
            } else {
                reply = await store.server.execute(command, spec: spec, argv: argv).reply
            }
        }
        var bytes: [UInt8] = []
        RESPEncoder(protocolVersion: version).append(reply, to: &bytes)
        check(bytes, version, input, argv, &report)
        if case .error(let text) = reply {
            report.errorReplies += 1
            // Errors that mean the store itself broke, not the request.
            if text.hasPrefix("ERR storage error") || text.hasPrefix("TRYAGAIN") || text.hasPrefix("ERR unknown write entry") {
                report.fail(input, "store failure for \(Self.describe(argv)): \(text)")
            }
        }
    }

    private func check(_ reply: [UInt8], _ version: RESPProtocolVersion, _ input: FuzzInput, _ argv: [[UInt8]],
                       _ report: inout FuzzReport) {
        guard let violation = ReplyGrammar.violation(in: reply, protocolVersion: version) else { return }
        let request = argv.isEmpty ? "a protocol error" : Self.describe(argv)
        report.fail(input, "malformed \(version) reply to \(request): \(violation); reply \(FuzzInput.escaped(reply.prefix(200)))")
    }

    static func describe(_ argv: [[UInt8]]) -> String {
        FuzzInput.escaped(Array(argv.joined(separator: [32])).prefix(200))
    }
}

/// What the parser produced for one input read by read, to compare with one whole read.
struct ParseRecord {
    var commands: [[[UInt8]]] = []
    var error: RESPProtocolError?
    /// QUIT or the per-input limit ended the connection before its bytes did.
    var stoppedEarly = false

    /// Nil when parsing `bytes` in one read yields the same commands (and, unless stopped
    /// early, the same end) as the reads did.
    func differenceFromWholeParse(of bytes: [UInt8]) -> String? {
        var parser = RESPRequestParser(isAuthenticated: true)
        parser.append(contentsOf: bytes)
        var whole: [[[UInt8]]] = []
        var wholeError: RESPProtocolError?
        do {
            while whole.count < commands.count || !stoppedEarly, let next = try parser.next() { whole.append(next) }
        } catch {
            wholeError = error
        }
        if stoppedEarly {
            return Array(whole.prefix(commands.count)) == commands ? nil : "split reads parsed different commands than one read"
        }
        guard whole == commands else {
            return "split reads parsed \(commands.count) commands, one read \(whole.count), or different ones"
        }
        guard wholeError == error else {
            return "split reads ended with \(error.map(\.message) ?? "no error"), one read with \(wholeError.map(\.message) ?? "no error")"
        }
        return nil
    }
}
