// MULTI/EXEC in the session: what each request means while a block is open, as Redis 7.0 decides.
import RESP

/// The commands a MULTI block holds until EXEC or DISCARD.
public struct QueuedTransaction: Sendable {
    public internal(set) var commands: [[[UInt8]]] = []
    /// Set when a command was refused while queueing: EXEC then answers EXECABORT.
    public internal(set) var failed = false
}

/// What the session does with one request, transactions considered.
enum TransactionRoute {
    /// No transaction concern: dispatch as usual.
    case notTransactional
    /// Answered now (QUEUED, MULTI's OK, queueing errors).
    case reply(RESPValue)
    /// Answered now, and the watches are forgotten in request order (UNWATCH, DISCARD, RESET,
    /// an aborted EXEC).
    case forgetWatches(RESPValue)
    /// WATCH: asks the keys' region, in request order.
    case watch([[UInt8]])
    /// EXEC of a block without queueing errors: its commands, session ones already answered.
    case exec([TransactionItem])
}

enum TransactionGate {
    /// Commands Redis 7.0 refuses to queue (flag `no_multi`).
    private static let refusedInBlock: Set<String> = ["save", "shutdown", "sync", "psync"]
    private static let gated: Set<String> = ["multi", "exec", "discard", "watch", "unwatch", "reset"]

    static func route(_ argv: [[UInt8]], commands: CommandTable, session: inout SessionState) -> TransactionRoute {
        guard let first = argv.first, session.transaction != nil || mayBeGated(first) else { return .notTransactional }
        let name = String(decoding: first, as: UTF8.self).lowercased()
        guard session.transaction != nil || gated.contains(name) else { return .notTransactional }
        let entry: CommandEntry
        switch commands.admit(argv, session: session) {
        case .failure(let error):
            if name == "exec" {
                // Redis's execCommandAbort: a refused EXEC ends the block and names why.
                session.transaction = nil
                return .forgetWatches(.error("EXECABORT Transaction discarded because of: \(withoutErrorCode(error.reply))"))
            }
            session.transaction?.failed = true
            return .reply(error.reply)
        case .success(let admitted):
            entry = admitted
        }
        switch name {
        case "multi":
            guard session.transaction == nil else { return .reply(.error("ERR MULTI calls can not be nested")) }
            session.transaction = QueuedTransaction()
            return .reply(.simpleString("OK"))
        case "exec":
            guard let transaction = session.transaction else { return .reply(.error("ERR EXEC without MULTI")) }
            session.transaction = nil
            guard !transaction.failed else { return .forgetWatches(.error("EXECABORT Transaction discarded because of previous errors.")) }
            return .exec(answerSessionCommands(transaction.commands, commands: commands, session: &session))
        case "discard":
            guard session.transaction != nil else { return .reply(.error("ERR DISCARD without MULTI")) }
            session.transaction = nil
            return .forgetWatches(.simpleString("OK"))
        case "watch":
            guard session.transaction == nil else { return .reply(.error("ERR WATCH inside MULTI is not allowed")) }
            return .watch(Array(argv.dropFirst()))
        case "reset":
            session.transaction = nil
            return .forgetWatches(commands.execute(argv, session: &session))
        case "quit":
            return .notTransactional
        default:
            break
        }
        guard session.transaction != nil else {
            // UNWATCH outside a block.
            return .forgetWatches(.simpleString("OK"))
        }
        if entry.spec.flags.contains(.noMulti) || refusedInBlock.contains(entry.spec.name) {
            session.transaction?.failed = true
            return .reply(.error("ERR Command not allowed inside a transaction"))
        }
        session.transaction?.commands.append(argv)
        return .reply(.simpleString("QUEUED"))
    }

    /// Runs the block's session commands now, in order, and leaves its data commands to the
    /// store. A command with several replies (SUBSCRIBE a b) gives an element for each.
    private static func answerSessionCommands(_ queued: [[[UInt8]]], commands: CommandTable,
                                              session: inout SessionState) -> [TransactionItem] {
        var items: [TransactionItem] = []
        for argv in queued {
            let name = argv.first.map { String(decoding: $0, as: UTF8.self).lowercased() } ?? ""
            if name == "monitor" {
                items.append(.answered(.error("ERR MONITOR isn't allowed for DENY BLOCKING client")))
                continue
            }
            switch commands.dispatch(argv, session: &session) {
            case .reply(let reply):
                // Its reply is an element of EXEC's: CLIENT REPLY SKIP hides the command after
                // EXEC, as in Redis, never EXEC's own reply.
                session.noReply = false
                items.append(.answered(reply))
                items += session.followingReplies.map(TransactionItem.answered)
                session.followingReplies.removeAll()
            case .data(let command, let spec):
                items.append(.data(command, spec, argv))
            }
        }
        return items
    }

    /// A cheap first look, so ordinary commands outside a block pay no lower-casing here: the
    /// gated names are 4 to 7 letters starting with one of these.
    private static func mayBeGated(_ name: [UInt8]) -> Bool {
        guard (4...7).contains(name.count), let initial = name.first else { return false }
        return "mMeEdDwWuUrR".utf8.contains(initial)
    }

    /// `ERR wrong number…` → `wrong number…`: Redis's reasons carry no code; other codes stay.
    private static func withoutErrorCode(_ reply: RESPValue) -> String {
        guard case .error(let message) = reply else { return "" }
        return message.hasPrefix("ERR ") ? String(message.dropFirst(4)) : message
    }
}
