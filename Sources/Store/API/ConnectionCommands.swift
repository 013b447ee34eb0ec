// Commands about the connection itself: PING, ECHO, QUIT, SELECT, HELLO.
import RESP

public enum ConnectionCommands {
    /// Reported by HELLO; Cairn answers as the Redis version whose behaviour it reproduces.
    static let compatibleVersion = "7.0.0"

    public static let entries: [CommandEntry] = [
        CommandEntry(spec: CommandSpec("ping", arity: -1, flags: [.fast], summary: "Ping the server", categories: [.connection],
                                       tips: ["request_policy:all_shards", "response_policy:all_succeeded"],
                                       docs: connectionDocs(since: "1.0.0"))) { argv, session in
            if argv.count <= 2 && session.isInSubscribedMode {
                // A subscribed RESP2 connection gets PING's answer in the shape of a message.
                return .array([.bulk(Array("pong".utf8)), .bulk(argv.count == 2 ? argv[1] : [])])
            }
            switch argv.count {
            case 1: return .simpleString("PONG")
            case 2: return .bulk(argv[1])
            default: return .error(CommandErrors.wrongArity("ping"))
            }
        },
        CommandEntry(spec: CommandSpec("echo", arity: 2, flags: [.loading, .stale, .fast], summary: "Echo the given string",
                                       categories: [.connection], docs: connectionDocs(since: "1.0.0"))) { argv, _ in
            .bulk(argv[1])
        },
        CommandEntry(spec: CommandSpec("quit", arity: -1, flags: [.fast, .stale, .noAuth, .allowBusy, .noscript, .loading],
                                       summary: "Close the connection", categories: [.connection],
                                       docs: connectionDocs(since: "1.0.0"))) { _, session in
            session.closeAfterReply = true
            return .simpleString("OK")
        },
        CommandEntry(spec: CommandSpec("select", arity: 2, flags: [.fast, .stale, .loading],
                                       summary: "Change the selected database for the current connection",
                                       categories: [.connection], docs: connectionDocs(since: "1.0.0"))) { argv, session in
            guard let index = Int64(String(decoding: argv[1], as: UTF8.self)), index >= Int64(Int32.min), index <= Int64(Int32.max) else {
                return .error("ERR value is not an integer or out of range")
            }
            // One keyspace per cluster (as Redis Cluster): only database 0 exists.
            guard index == 0 else { return .error("ERR DB index is out of range") }
            session.database = 0
            return .simpleString("OK")
        },
        CommandEntry(spec: CommandSpec("auth", arity: -2, flags: [.fast, .stale, .noAuth, .noscript, .loading, .allowBusy],
                                       summary: "Authenticate to the server", categories: [.connection],
                                       docs: connectionDocs(since: "1.0.0",
                                                            complexity: "O(N) where N is the number of passwords defined for the user"))) { argv, session in
            auth(argv, &session)
        },
        CommandEntry(spec: CommandSpec("hello", arity: -1, flags: [.fast, .stale, .noAuth, .noscript, .loading, .allowBusy],
                                       summary: "Handshake with Redis", categories: [.connection],
                                       docs: connectionDocs(since: "6.0.0"))) { argv, session in
            hello(argv, &session)
        },
    ]

    /// COMMAND DOCS for Redis's connection group.
    static func connectionDocs(since: String, complexity: String = "O(1)") -> CommandDocs {
        CommandDocs(since: since, group: .connection, complexity: complexity)
    }

    static let wrongPassword = RESPValue.error("WRONGPASS invalid username-password pair or user is disabled.")

    static func auth(_ argv: [[UInt8]], _ session: inout SessionState) -> RESPValue {
        switch argv.count {
        case 2:
            guard session.requiredPassword != nil else {
                return .error("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?")
            }
            guard session.accepts(user: nil, password: argv[1]) else { return wrongPassword }
        case 3:
            guard session.accepts(user: argv[1], password: argv[2]) else { return wrongPassword }
        default:
            return .error("ERR syntax error")
        }
        session.authenticated = true
        return .simpleString("OK")
    }

    static func hello(_ argv: [[UInt8]], _ session: inout SessionState) -> RESPValue {
        var index = 1
        var version = session.protocolVersion
        if argv.count > 1 {
            guard let requested = Int64(String(decoding: argv[1], as: UTF8.self)) else {
                return .error("ERR Protocol version is not an integer or out of range")
            }
            guard requested == 2 || requested == 3 else { return .error("NOPROTO unsupported protocol version") }
            version = requested == 3 ? .resp3 : .resp2
            index = 2
        }
        var credentials: (user: [UInt8], password: [UInt8])?
        var newName: [UInt8]?
        while index < argv.count {
            let option = String(decoding: argv[index], as: UTF8.self).lowercased()
            let remaining = argv.count - index - 1
            if option == "auth", remaining >= 2 {
                credentials = (argv[index + 1], argv[index + 2])
                index += 3
            } else if option == "setname", remaining >= 1 {
                newName = argv[index + 1]
                index += 2
            } else {
                return .error("ERR Syntax error in HELLO option '\(String(decoding: argv[index], as: UTF8.self))'")
            }
        }
        // Redis's order: authenticate, then require authentication, then the name, then the protocol.
        if let credentials {
            guard session.accepts(user: credentials.user, password: credentials.password) else { return wrongPassword }
            session.authenticated = true
        }
        guard session.authenticated else {
            return .error("NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time")
        }
        if let newName {
            guard ClientCommands.isValidName(newName) else {
                return .error("ERR Client names cannot contain spaces, newlines or special characters.")
            }
            session.name = newName.isEmpty ? nil : String(decoding: newName, as: UTF8.self)
        }
        session.protocolVersion = version
        return .map([
            .init(key: .bulk("server"), value: .bulk("redis")),
            .init(key: .bulk("version"), value: .bulk(compatibleVersion)),
            .init(key: .bulk("proto"), value: .integer(version == .resp3 ? 3 : 2)),
            .init(key: .bulk("id"), value: .integer(session.clientID)),
            .init(key: .bulk("mode"), value: .bulk("standalone")),
            .init(key: .bulk("role"), value: .bulk("master")),
            .init(key: .bulk("modules"), value: .array([])),
        ])
    }
}
