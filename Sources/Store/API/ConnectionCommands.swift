// Commands about the connection itself: PING, ECHO, QUIT, SELECT, HELLO.
import RESP

public enum ConnectionCommands {
    /// Reported by HELLO; Cairn answers as the Redis version whose behaviour it reproduces.
    static let compatibleVersion = "7.0.0"

    public static let entries: [CommandEntry] = [
        CommandEntry(spec: CommandSpec("ping", arity: -1, flags: [.fast, .stale], summary: "Ping the server")) { argv, session in
            switch argv.count {
            case 1: return .simpleString("PONG")
            case 2: return .bulk(argv[1])
            default: return .error(CommandErrors.wrongArity("ping"))
            }
        },
        CommandEntry(spec: CommandSpec("echo", arity: 2, flags: [.fast, .stale], summary: "Echo the given string")) { argv, _ in
            .bulk(argv[1])
        },
        CommandEntry(spec: CommandSpec("quit", arity: -1, flags: [.fast, .stale, .noAuth, .allowBusy, .noscript, .loading],
                                       summary: "Close the connection")) { _, session in
            session.closeAfterReply = true
            return .simpleString("OK")
        },
        CommandEntry(spec: CommandSpec("select", arity: 2, flags: [.fast, .stale, .loading], summary: "Change the selected database")) { argv, session in
            guard let index = Int64(String(decoding: argv[1], as: UTF8.self)), index >= Int64(Int32.min), index <= Int64(Int32.max) else {
                return .error("ERR value is not an integer or out of range")
            }
            // One keyspace per cluster (as Redis Cluster): only database 0 exists.
            guard index == 0 else { return .error("ERR DB index is out of range") }
            session.database = 0
            return .simpleString("OK")
        },
        CommandEntry(spec: CommandSpec("hello", arity: -1, flags: [.fast, .stale, .noAuth, .noscript, .loading],
                                       summary: "Handshake with the server")) { argv, session in
            hello(argv, &session)
        },
    ]

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
        var name = session.name
        while index < argv.count {
            let option = String(decoding: argv[index], as: UTF8.self).lowercased()
            let remaining = argv.count - index - 1
            if option == "auth", remaining >= 2 {
                // No password is configured yet (requirepass arrives with AUTH), so Redis's
                // answer for AUTH without requirepass applies.
                return .error("WRONGPASS invalid username-password pair or user is disabled.")
            } else if option == "setname", remaining >= 1 {
                let candidate = argv[index + 1]
                guard candidate.allSatisfy({ $0 > 32 && $0 < 127 }) else {
                    return .error("ERR Client names cannot contain spaces, newlines or special characters.")
                }
                name = String(decoding: candidate, as: UTF8.self)
                index += 2
            } else {
                return .error("ERR Syntax error in HELLO option '\(String(decoding: argv[index], as: UTF8.self))'")
            }
        }
        session.protocolVersion = version
        session.name = name
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
