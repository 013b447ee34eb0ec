// CLIENT LIST, INFO, KILL, REPLY and SETINFO: the subcommands about other connections and
// about how this one is answered.
import RESP

enum ClientListCommands {
    static let subcommands: [CommandEntry] = [
        CommandEntry(spec: CommandSpec("client|list", arity: -2, flags: [.admin, .noscript, .loading, .stale],
                                       summary: "Get the list of client connections", categories: [.admin, .dangerous, .connection], docs: CommandDocs(since: "2.4.0", group: .connection, complexity: "O(N) where N is the number of client connections"))) { argv, session in
            list(argv, session)
        },
        CommandEntry(spec: CommandSpec("client|info", arity: 2, flags: [.noscript, .loading, .stale],
                                       summary: "Returns information about the current client connection.", categories: [.connection], docs: CommandDocs(since: "6.2.0", group: .connection, complexity: "O(1)"))) { _, session in
            guard let handle = session.link?.handle else { return .verbatim(format: "txt", text: []) }
            return text(handle.describe(currentCommand: "client|info") + "\n", session)
        },
        CommandEntry(spec: CommandSpec("client|kill", arity: -3, flags: [.admin, .noscript, .loading, .stale],
                                       summary: "Kill the connection of a client", categories: [.admin, .dangerous, .connection], docs: CommandDocs(since: "2.4.0", group: .connection, complexity: "O(N) where N is the number of client connections"))) { argv, session in
            kill(argv, &session)
        },
        CommandEntry(spec: CommandSpec("client|reply", arity: 3, flags: [.noscript, .loading, .stale],
                                       summary: "Instruct the server whether to reply to commands", categories: [.connection], docs: CommandDocs(since: "3.2.0", group: .connection, complexity: "O(1)"))) { argv, session in
            switch String(decoding: argv[2], as: UTF8.self).lowercased() {
            case "on":
                session.repliesOff = false
                session.skipCurrentReply = false
                return .simpleString("OK")
            case "off":
                session.repliesOff = true
            case "skip":
                if !session.repliesOff { session.skipNextReply = true }
            default:
                return .error("ERR syntax error")
            }
            session.noReply = true
            return .nullBulk
        },
        CommandEntry(spec: CommandSpec("client|setinfo", arity: 4, flags: [.noscript, .loading, .stale],
                                       summary: "Set client or connection specific info", categories: [.connection], docs: CommandDocs(since: "7.2.0", group: .connection, complexity: "O(1)"))) { argv, session in
            // Redis 7.2's command (7.0 lacks it); redis-py sends it on connect.
            let attribute = String(decoding: argv[2], as: UTF8.self).lowercased()
            guard attribute == "lib-name" || attribute == "lib-ver" else {
                return .error("ERR Unrecognized option '\(String(decoding: argv[2], as: UTF8.self))'")
            }
            guard argv[3].allSatisfy({ $0 > 32 && $0 < 127 }) else {
                return .error("ERR \(attribute) cannot contain spaces, newlines or special characters.")
            }
            let value = String(decoding: argv[3], as: UTF8.self)
            if attribute == "lib-name" { session.libraryName = value } else { session.libraryVersion = value }
            return .simpleString("OK")
        },
    ]

    /// A bulk string in RESP2, verbatim text in RESP3, as Redis answers CLIENT LIST and INFO.
    static func text(_ string: String, _ session: SessionState) -> RESPValue {
        session.protocolVersion == .resp3 ? .verbatim(format: "txt", text: Array(string.utf8)) : .bulk(Array(string.utf8))
    }

    /// CLIENT LIST [TYPE normal|master|replica|pubsub] [ID id …].
    static func list(_ argv: [[UInt8]], _ session: SessionState) -> RESPValue {
        var clients = session.server.clients.all
        if argv.count > 2 {
            let option = String(decoding: argv[2], as: UTF8.self).lowercased()
            if option == "type", argv.count == 4 {
                let type = String(decoding: argv[3], as: UTF8.self).lowercased()
                switch type {
                case "normal": clients = clients.filter { $0.snapshot.channels + $0.snapshot.patterns == 0 }
                case "pubsub": clients = clients.filter { $0.snapshot.channels + $0.snapshot.patterns > 0 }
                case "master", "replica", "slave": clients = []
                default: return .error("ERR Unknown client type '\(String(decoding: argv[3], as: UTF8.self))'")
                }
            } else if option == "id", argv.count >= 4 {
                var ids: Set<Int64> = []
                for argument in argv[3...] {
                    guard let id = StrictInteger.parse(argument), id > 0 else { return .error("ERR Invalid client ID") }
                    ids.insert(id)
                }
                clients = clients.filter { ids.contains($0.id) }
            } else {
                return .error("ERR syntax error")
            }
        }
        let lines = clients.map { $0.describe(currentCommand: $0.id == session.clientID ? "client|list" : nil) + "\n" }
        return text(lines.joined(), session)
    }

    /// CLIENT KILL addr:port (old form: OK or "No such client"), or filters ID, ADDR, LADDR,
    /// TYPE, USER, SKIPME (new form: how many were killed).
    static func kill(_ argv: [[UInt8]], _ session: inout SessionState) -> RESPValue {
        let all = session.server.clients.all
        if argv.count == 3 {
            let address = String(decoding: argv[2], as: UTF8.self)
            guard let target = all.first(where: { $0.address == address }) else { return .error("ERR No such client") }
            killClient(target, &session)
            return .simpleString("OK")
        }
        guard argv.count % 2 == 0 else { return .error("ERR syntax error") }
        var matching = all
        var skipMe = true
        var index = 2
        while index + 1 < argv.count {
            let option = String(decoding: argv[index], as: UTF8.self).lowercased()
            let value = String(decoding: argv[index + 1], as: UTF8.self)
            switch option {
            case "id":
                guard let id = StrictInteger.parse(argv[index + 1]), id > 0 else { return .error("ERR client-id should be greater than 0") }
                matching = matching.filter { $0.id == id }
            case "addr": matching = matching.filter { $0.address == value }
            case "laddr": matching = matching.filter { $0.localAddress == value }
            case "type":
                switch value.lowercased() {
                case "normal": matching = matching.filter { $0.snapshot.channels + $0.snapshot.patterns == 0 }
                case "pubsub": matching = matching.filter { $0.snapshot.channels + $0.snapshot.patterns > 0 }
                case "master", "replica", "slave": matching = []
                default: return .error("ERR Unknown client type '\(value)'")
                }
            case "user":
                guard value == "default" else { return .error("ERR No such user '\(value)'") }
            case "skipme":
                switch value.lowercased() {
                case "yes": skipMe = true
                case "no": skipMe = false
                default: return .error("ERR syntax error")
                }
            default:
                return .error("ERR syntax error")
            }
            index += 2
        }
        if skipMe { matching = matching.filter { $0.id != session.clientID } }
        for target in matching { killClient(target, &session) }
        return .integer(Int64(matching.count))
    }

    /// Another connection is closed on its loop; this one after its reply, as Redis does.
    private static func killClient(_ target: ClientHandle, _ session: inout SessionState) {
        if target.id == session.clientID {
            session.closeAfterReply = true
        } else {
            target.kill()
        }
    }
}
