// Server commands that need no data: TIME, ROLE, LASTSAVE, SAVE, BGSAVE, SHUTDOWN, RESET,
// MONITOR, SLOWLOG (Redis 7.0 replies).
import RESP

public enum ServerCommands {
    public static let entries: [CommandEntry] = [
        CommandEntry(spec: CommandSpec("time", arity: 1, flags: [.loading, .stale, .fast], summary: "Return the current server time", categories: [.fast], docs: CommandDocs(since: "2.0.0", group: .server, complexity: "O(1)"))) { _, _ in
            let now = SystemWallClock().nowMicroseconds()
            return .array([.bulk(Array(String(now / 1_000_000).utf8)), .bulk(Array(String(now % 1_000_000).utf8))])
        },
        CommandEntry(spec: CommandSpec("role", arity: 1, flags: [.noscript, .loading, .stale, .fast],
                                       summary: "Return the role of the instance in the context of replication", categories: [.admin, .dangerous], docs: CommandDocs(since: "2.8.12", group: .server, complexity: "O(1)"))) { _, _ in
            // Every Cairn node takes writes for the regions it leads; replicas are Raft's business.
            .array([.bulk(Array("master".utf8)), .integer(0), .array([])])
        },
        CommandEntry(spec: CommandSpec("lastsave", arity: 1, flags: [.loading, .stale, .fast],
                                       summary: "Get the UNIX time stamp of the last successful save to disk", categories: [.admin, .dangerous], docs: CommandDocs(since: "1.0.0", group: .server, complexity: "O(1)"))) { _, session in
            .integer(session.server.lastSave.load(ordering: .relaxed))
        },
        CommandEntry(spec: CommandSpec("monitor", arity: 1, flags: [.admin, .noscript, .loading, .stale],
                                       summary: "Listen for all requests received by the server in real time", categories: [.admin, .dangerous], docs: CommandDocs(since: "1.0.0", group: .server, complexity: nil))) { _, session in
            if !session.isMonitor, let link = session.link {
                session.isMonitor = true
                session.server.monitors.add(link)
            }
            return .simpleString("OK")
        },
        CommandEntry(spec: CommandSpec("reset", arity: 1, flags: [.noscript, .loading, .stale, .noAuth, .allowBusy, .fast],
                                       summary: "Reset the connection", categories: [.connection], docs: CommandDocs(since: "6.2.0", group: .connection, complexity: "O(1)"))) { _, session in
            reset(&session)
            return .simpleString("RESET")
        },
        CommandEntry(spec: CommandSpec("shutdown", arity: -1, flags: [.admin, .noscript, .loading, .stale, .allowBusy],
                                       summary: "Synchronously save the dataset to disk and then shut down the server", categories: [.admin, .dangerous], docs: CommandDocs(since: "1.0.0", group: .server, complexity: "O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)"))) { argv, session in
            shutdown(argv, &session)
        },
        SlowLogCommands.entry,
    ]

    /// RESET: back to a fresh connection's state (protocol 2, no name, no subscriptions, not
    /// monitoring, replies on, and unauthenticated when a password is required).
    static func reset(_ session: inout SessionState) {
        for channel in session.channels { session.server.pubSub.unsubscribe(channel, clientID: session.clientID) }
        for pattern in session.patterns { session.server.pubSub.unsubscribe(pattern: pattern, clientID: session.clientID) }
        if session.isMonitor { session.server.monitors.remove(clientID: session.clientID) }
        session.channels = []
        session.patterns = []
        session.isMonitor = false
        session.protocolVersion = .resp2
        session.name = nil
        session.repliesOff = false
        session.skipCurrentReply = false
        session.skipNextReply = false
        session.authenticated = session.requiredPassword == nil
    }

    /// SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT]: stops the node gracefully (every region
    /// flushes through its normal stop). As Redis, a successful shutdown sends no reply.
    static func shutdown(_ argv: [[UInt8]], _ session: inout SessionState) -> RESPValue {
        var save = false, noSave = false, abort = false
        for argument in argv.dropFirst() {
            switch String(decoding: argument, as: UTF8.self).lowercased() {
            case "nosave": noSave = true
            case "save": save = true
            case "now", "force": break
            case "abort": abort = true
            default: return .error("ERR syntax error")
            }
        }
        if (save && noSave) || (abort && argv.count > 2) { return .error("ERR syntax error") }
        if abort { return .error("ERR No shutdown in progress.") }
        guard session.server.requestShutdown() else { return .error("ERR Errors trying to SHUTDOWN. Check logs.") }
        session.closeAfterReply = true
        session.noReply = true
        return .nullBulk
    }
}

/// SLOWLOG GET [count] | LEN | RESET | HELP.
enum SlowLogCommands {
    static let entry = CommandEntry(container: CommandSpec("slowlog", arity: -2, flags: [], summary: "A container for slow log commands", categories: [], docs: CommandDocs(since: "2.2.12", group: .server, complexity: "Depends on subcommand.")), subcommands: [
        CommandEntry(spec: CommandSpec("slowlog|get", arity: -2, flags: [.admin, .loading, .stale],
                                       summary: "Get the slow log's entries", categories: [.admin, .dangerous], docs: CommandDocs(since: "2.2.12", group: .server, complexity: "O(N) where N is the number of entries returned"))) { argv, session in
            guard argv.count <= 3 else { return .error(CommandErrors.subcommandSyntax(argv[1], container: "SLOWLOG")) }
            var count = 10
            if argv.count == 3 {
                guard let requested = StrictInteger.parse(argv[2]), requested >= -1 else { return .error("ERR count should be greater than or equal to -1") }
                count = requested == -1 ? Int.max : Int(clamping: requested)
            }
            return session.server.slowLog.newest(count)
        },
        CommandEntry(spec: CommandSpec("slowlog|len", arity: 2, flags: [.admin, .loading, .stale],
                                       summary: "Get the slow log's length", categories: [.admin, .dangerous], docs: CommandDocs(since: "2.2.12", group: .server, complexity: "O(1)"))) { _, session in
            .integer(Int64(session.server.slowLog.count))
        },
        CommandEntry(spec: CommandSpec("slowlog|reset", arity: 2, flags: [.admin, .loading, .stale],
                                       summary: "Clear all entries from the slow log", categories: [.admin, .dangerous], docs: CommandDocs(since: "2.2.12", group: .server, complexity: "O(N) where N is the number of entries in the slowlog"))) { _, session in
            session.server.slowLog.reset()
            return .simpleString("OK")
        },
        CommandEntry(spec: CommandSpec("slowlog|help", arity: 2, flags: [.loading, .stale],
                                       summary: "Show helpful text about the different subcommands", categories: [], docs: CommandDocs(since: "6.2.0", group: .server, complexity: "O(1)"))) { _, _ in
            .array([
                "SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "GET [<count>]",
                "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
                "    Entries are made of:",
                "    id, timestamp, time in microseconds, arguments array, client IP and port,",
                "    client name",
                "LEN",
                "    Return the length of the slowlog.",
                "RESET",
                "    Reset the slowlog.",
                "HELP",
                "    Prints this help.",
            ].map { RESPValue.simpleString($0) })
        },
    ])
}
