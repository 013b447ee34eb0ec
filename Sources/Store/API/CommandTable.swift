// Every command Cairn answers, as data, with arity and unknown names checked in one place.
public import RESP

/// Runs one command whose name and arity were already checked.
public typealias CommandHandler = @Sendable (_ argv: [[UInt8]], _ session: inout SessionState) -> RESPValue

public struct CommandEntry: Sendable {
    public internal(set) var spec: CommandSpec
    public let handler: CommandHandler
    /// For container commands (CLIENT, CONFIG, COMMAND): the subcommands by lower-case name,
    /// each with its own spec named `container|sub` as Redis reports it.
    public internal(set) var subcommands: [String: CommandEntry]
    /// Set for commands that touch data: the store runs them, not the session.
    public let data: DataCommand?
    /// Entries this command proposes under other names (DEL's per-slot `del` entries, the
    /// expiry cycle's `expiredel`): how regions apply them.
    public let internalApplies: [String: ApplyHandler]

    public init(spec: CommandSpec, handler: @escaping CommandHandler) {
        self.spec = spec
        self.handler = handler
        subcommands = [:]
        data = nil
        internalApplies = [:]
    }

    public init(spec: CommandSpec, data: DataCommand, internalApplies: [String: ApplyHandler] = [:]) {
        self.spec = spec
        handler = { _, _ in .error("ERR \(spec.name) runs in the store") }
        subcommands = [:]
        self.data = data
        self.internalApplies = internalApplies
    }

    /// A container. `withoutSubcommand` runs when it is called alone, which only an arity of -1
    /// allows (COMMAND); other containers' arity keeps their handler from ever running.
    public init(container spec: CommandSpec, subcommands: [CommandEntry], withoutSubcommand: CommandHandler? = nil) {
        self.spec = spec
        handler = withoutSubcommand ?? { _, _ in .error("ERR \(spec.name) needs a subcommand") }
        var byName: [String: CommandEntry] = [:]
        for sub in subcommands {
            let name = sub.spec.name.split(separator: "|").last.map(String.init) ?? sub.spec.name
            byName[name] = sub
        }
        self.subcommands = byName
        data = nil
        internalApplies = [:]
    }
}

/// What the table decided for one request: a reply now, or a data command for the store.
public enum Dispatch: Sendable {
    case reply(RESPValue)
    case data(DataCommand, CommandSpec)
}

public struct CommandTable: Sendable {
    private var entries: [String: CommandEntry] = [:]

    public init(_ entries: [CommandEntry]) {
        for entry in entries { self.entries[entry.spec.name] = entry }
    }

    public var specs: [CommandSpec] { entries.values.map(\.spec).sorted { $0.name < $1.name } }

    public func entry(named name: String) -> CommandEntry? {
        entries[name]
    }

    static let allowedWhileSubscribed: Set<String> = [
        "subscribe", "unsubscribe", "psubscribe", "punsubscribe", "ssubscribe", "sunsubscribe", "ping", "quit", "reset",
    ]

    /// The apply function of every write command, for the regions.
    public var applies: ApplyTable {
        var table = ApplyTable()
        for entry in entries.values {
            switch entry.data {
            case .write(_, let apply): table.register(entry.spec.name, apply)
            case .blocking(let form): table.register(entry.spec.name, form.apply)
            default: break
            }
            for (name, apply) in entry.internalApplies { table.register(name, apply) }
        }
        // A MULTI/EXEC block runs the others' applies and the reads (DESIGN §6a).
        table.register(TransactionEntry.applyName, TransactionApply.handler(applies: table, reads: transactionReads))
        return table
    }

    /// Runs a command that needs no store; a data command's reply comes from the store.
    public func execute(_ argv: [[UInt8]], session: inout SessionState) -> RESPValue {
        switch dispatch(argv, session: &session) {
        case .reply(let reply): reply
        case .data(_, let spec): .error("ERR \(spec.name) needs the store")
        }
    }

    /// Looks the command up and checks its arity and authentication (Redis's errors
    /// otherwise); runs it when it needs no store.
    public func dispatch(_ argv: [[UInt8]], session: inout SessionState) -> Dispatch {
        switch admit(argv, session: session) {
        case .failure(let error): return .reply(error.reply)
        case .success(let entry):
            if let data = entry.data { return .data(data, entry.spec) }
            return .reply(entry.handler(argv, &session))
        }
    }

    /// The entry that would run `argv` (a container's subcommand), or the error Redis answers
    /// instead: unknown command or subcommand, wrong arity, not authenticated, subscribed mode.
    /// MULTI queues a command that passes these checks.
    public func admit(_ argv: [[UInt8]], session: SessionState) -> Result<CommandEntry, RESPError> {
        guard let first = argv.first else { return .failure(RESPError(.error(CommandErrors.unknownCommand(argv)))) }
        let name = String(decoding: first, as: UTF8.self).lowercased()
        guard let container = entries[name] else { return .failure(RESPError(.error(CommandErrors.unknownCommand(argv)))) }
        guard container.spec.acceptsArgumentCount(argv.count) else { return .failure(RESPError(.error(CommandErrors.wrongArity(container.spec.name)))) }
        var entry = container
        if !container.subcommands.isEmpty, argv.count > 1 {
            let subName = String(decoding: argv[1], as: UTF8.self).lowercased()
            guard let sub = container.subcommands[subName] else {
                return .failure(RESPError(.error(CommandErrors.unknownSubcommand(argv[1], container: container.spec.name))))
            }
            guard sub.spec.acceptsArgumentCount(argv.count) else { return .failure(RESPError(.error(CommandErrors.wrongArity(sub.spec.name)))) }
            entry = sub
        }
        // Redis checks authentication after existence and arity.
        guard session.authenticated || entry.spec.flags.contains(.noAuth) else {
            return .failure(RESPError(.error("NOAUTH Authentication required.")))
        }
        if session.isInSubscribedMode && !Self.allowedWhileSubscribed.contains(container.spec.name) {
            return .failure(RESPError(.error("ERR Can't execute '\(entry.spec.name)': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context")))
        }
        return .success(entry)
    }
}
