// CLIENT and its subcommands about the calling connection: ID, GETNAME, SETNAME, NO-EVICT, HELP.
import RESP

public enum ClientCommands {
    public static let entry = CommandEntry(
        container: CommandSpec("client", arity: -2, flags: [], summary: "A container for client connection commands",
                               docs: ConnectionCommands.connectionDocs(since: "2.4.0", complexity: "Depends on subcommand.")),
        subcommands: [
            CommandEntry(spec: CommandSpec("client|id", arity: 2, flags: [.stale, .loading, .noscript],
                                           summary: "Returns the client ID for the current connection", categories: [.connection],
                                           docs: ConnectionCommands.connectionDocs(since: "5.0.0"))) { _, session in
                .integer(session.clientID)
            },
            CommandEntry(spec: CommandSpec("client|getname", arity: 2, flags: [.stale, .loading, .noscript],
                                           summary: "Get the current connection name", categories: [.connection],
                                           docs: ConnectionCommands.connectionDocs(since: "2.6.9"))) { _, session in
                session.name.map { .bulk($0) } ?? .nullBulk
            },
            CommandEntry(spec: CommandSpec("client|setname", arity: 3, flags: [.stale, .loading, .noscript],
                                           summary: "Set the current connection name", categories: [.connection],
                                           docs: ConnectionCommands.connectionDocs(since: "2.6.9"))) { argv, session in
                let name = argv[2]
                guard isValidName(name) else {
                    return .error("ERR Client names cannot contain spaces, newlines or special characters.")
                }
                // An empty name clears it, as in Redis.
                session.name = name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
                return .simpleString("OK")
            },
            CommandEntry(spec: CommandSpec("client|no-evict", arity: 3, flags: [.admin, .noscript, .loading, .stale],
                                           summary: "Set client eviction mode for the current connection", categories: [.connection],
                                           docs: ConnectionCommands.connectionDocs(since: "7.0.0"))) { argv, _ in
                // Cairn never evicts clients for memory; the mode is accepted as Redis does.
                switch String(decoding: argv[2], as: UTF8.self).lowercased() {
                case "on", "off": return .simpleString("OK")
                default: return .error("ERR syntax error")
                }
            },
            CommandEntry(spec: CommandSpec("client|unblock", arity: -3, flags: [.admin, .noscript, .loading, .stale],
                                           summary: "Unblock a client blocked in a blocking command from a different connection",
                                           categories: [.connection]),
                         data: .keyspace { argv, keyspace in
                guard argv.count <= 4 else { return .error(CommandErrors.subcommandSyntax(argv[1], container: "client")) }
                guard let id = StrictInteger.parse(argv[2]) else { return StringCommands.notAnInteger }
                var withError = false
                if argv.count == 4 {
                    switch String(decoding: argv[3], as: UTF8.self).lowercased() {
                    case "timeout": withError = false
                    case "error": withError = true
                    default: return .error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR")
                    }
                }
                return .integer(await keyspace.server.unblock(connection: id, withError: withError) ? 1 : 0)
            }),
        ] + ClientListCommands.subcommands + [
            CommandEntry(spec: CommandSpec("client|help", arity: 2, flags: [.loading, .stale],
                                           summary: "Show helpful text about the different subcommands", categories: [.connection],
                                           docs: ConnectionCommands.connectionDocs(since: "5.0.0"))) { _, _ in
                .array([
                    "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                    "GETNAME", "    Return the name of the current connection.",
                    "ID", "    Return the ID of the current connection.",
                    "INFO", "    Return information about the current client connection.",
                    "KILL <ip:port>", "    Kill connection made from <ip:port>.",
                    "KILL <option> <value> [<option> <value> [...]]", "    Kill connections. Options are:",
                    "    * ADDR (<ip:port>|<unixsocket>:0)", "      Kill connections made from the specified address",
                    "    * LADDR (<ip:port>|<unixsocket>:0)", "      Kill connections made to specified local address",
                    "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)", "      Kill connections by type.",
                    "    * USER <username>", "      Kill connections authenticated by <username>.",
                    "    * SKIPME (YES|NO)", "      Skip killing current connection (default: yes).",
                    "LIST [options ...]", "    Return information about client connections. Options:",
                    "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)", "      Return clients of specified type.",
                    "REPLY (ON|OFF|SKIP)", "    Control the replies sent to the current connection.",
                    "SETINFO <LIB-NAME|LIB-VER> <value>", "    Set client library name or version (as Redis 7.2).",
                    "SETNAME <name>", "    Assign the name <name> to the current connection.",
                    "UNBLOCK <clientid> [TIMEOUT|ERROR]", "    Unblock the specified blocked client.",
                    "NO-EVICT (ON|OFF)", "    Protect current client connection from eviction (accepted; Cairn does not evict).",
                    "HELP", "    Print this help.",
                ].map { RESPValue.simpleString($0) })
            },
        ]
    )

    /// Redis: printable ASCII without spaces (`validateClientName`).
    static func isValidName(_ name: [UInt8]) -> Bool {
        name.allSatisfy { $0 > 32 && $0 < 127 }
    }
}
