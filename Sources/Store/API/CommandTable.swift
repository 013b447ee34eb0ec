// Every command Cairn answers, as data, with arity and unknown names checked in one place.
public import RESP

/// Runs one command whose name and arity were already checked.
public typealias CommandHandler = @Sendable (_ argv: [[UInt8]], _ session: inout SessionState) -> RESPValue

public struct CommandEntry: Sendable {
    public let spec: CommandSpec
    public let handler: CommandHandler
    /// For container commands (CLIENT, CONFIG, COMMAND): the subcommands by lower-case name,
    /// each with its own spec named `container|sub` as Redis reports it.
    public let subcommands: [String: CommandEntry]

    public init(spec: CommandSpec, handler: @escaping CommandHandler) {
        self.spec = spec
        self.handler = handler
        subcommands = [:]
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
    }
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

    /// Looks the command up, checks its arity, and runs it; Redis's errors otherwise.
    public func execute(_ argv: [[UInt8]], session: inout SessionState) -> RESPValue {
        guard let first = argv.first else { return .error(CommandErrors.unknownCommand(argv)) }
        let name = String(decoding: first, as: UTF8.self).lowercased()
        guard let container = entries[name] else { return .error(CommandErrors.unknownCommand(argv)) }
        guard container.spec.acceptsArgumentCount(argv.count) else { return .error(CommandErrors.wrongArity(container.spec.name)) }
        var entry = container
        if !container.subcommands.isEmpty, argv.count > 1 {
            let subName = String(decoding: argv[1], as: UTF8.self).lowercased()
            guard let sub = container.subcommands[subName] else {
                return .error(CommandErrors.unknownSubcommand(argv[1], container: container.spec.name))
            }
            guard sub.spec.acceptsArgumentCount(argv.count) else { return .error(CommandErrors.wrongArity(sub.spec.name)) }
            entry = sub
        }
        // Redis checks authentication after existence and arity.
        guard session.authenticated || entry.spec.flags.contains(.noAuth) else {
            return .error("NOAUTH Authentication required.")
        }
        return entry.handler(argv, &session)
    }
}
