// One client connection: parse requests, run them in order, write the replies (pipelining).
import RESP
import Runtime

/// Lives on its connection's loop. Replies to one read's commands are written together, in
/// order. A protocol error is answered with Redis's text and the connection is closed after
/// the reply, as Redis does.
final class RESPSession: StreamHandler {
    private var parser: RESPRequestParser
    private var state: SessionState
    private let commands: CommandTable
    private let clients: ClientRegistry
    private var output: [UInt8] = []

    init(clientID: Int64, commands: CommandTable, clients: ClientRegistry, maxBulkLength: Int, requiredPassword: [UInt8]?) {
        state = SessionState(clientID: clientID, requiredPassword: requiredPassword)
        // Before authentication the parser applies Redis's smaller limits.
        parser = RESPRequestParser(maxBulkLength: maxBulkLength, isAuthenticated: state.authenticated)
        self.commands = commands
        self.clients = clients
    }

    func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {
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
        clients.leave()
    }
}
