// COMMAND and its subcommands (COUNT, LIST, INFO, DOCS, GETKEYS, GETKEYSANDFLAGS, HELP), from the specs.
import RESP

/// Describes the commands it is given, and itself. Built once with the table (see
/// `CommandTable.init(withIntrospection:)`), so COMMAND always tells what the table runs.
public struct CommandIntrospection: Sendable {
    public let catalog: CommandCatalog

    /// `commands` are the table's other commands; COMMAND's own description is added.
    public init(describing commands: [DescribedCommand]) {
        catalog = CommandCatalog(commands + [DescribedCommand(spec: Self.containerSpec, subcommands: Self.subcommandSpecs)])
    }

    public var entry: CommandEntry {
        let catalog = self.catalog
        let handlers: [String: CommandHandler] = [
            "command|count": { _, _ in .integer(Int64(catalog.commands.count)) },
            "command|list": { argv, _ in Self.list(argv, catalog) },
            "command|info": { argv, _ in Self.info(argv, catalog) },
            "command|docs": { argv, _ in Self.docs(argv, catalog) },
            "command|getkeys": { argv, _ in Self.keys(argv, catalog, withFlags: false) },
            "command|getkeysandflags": { argv, _ in Self.keys(argv, catalog, withFlags: true) },
            "command|help": { _, _ in Self.help },
        ]
        return CommandEntry(
            container: Self.containerSpec,
            subcommands: Self.subcommandSpecs.compactMap { spec in
                handlers[spec.name].map { CommandEntry(spec: spec, handler: $0) }
            },
            withoutSubcommand: { _, _ in .array(catalog.commands.map { CommandDescriptionReplies.info($0.spec, subcommands: $0.subcommands) }) }
        )
    }

    /// Every command's info, or those named (a null for each unknown name).
    static func info(_ argv: [[UInt8]], _ catalog: CommandCatalog) -> RESPValue {
        guard argv.count > 2 else {
            return .array(catalog.commands.map { CommandDescriptionReplies.info($0.spec, subcommands: $0.subcommands) })
        }
        return .array(argv.dropFirst(2).map { name in
            guard let spec = catalog.command(fullName: name) else { return .nullBulk }
            return CommandDescriptionReplies.info(spec, subcommands: subcommands(of: spec, in: catalog))
        })
    }

    /// Every command's docs, or those named (unknown names are left out), as a map by name.
    static func docs(_ argv: [[UInt8]], _ catalog: CommandCatalog) -> RESPValue {
        let described: [(spec: CommandSpec, subcommands: [CommandSpec])] = argv.count > 2
            ? argv.dropFirst(2).compactMap { name in
                catalog.command(fullName: name).map { ($0, subcommands(of: $0, in: catalog)) }
            }
            : catalog.commands.map { ($0.spec, $0.subcommands) }
        return .map(described.map {
            RESPValue.Entry(key: .bulk($0.spec.name), value: CommandDescriptionReplies.docs($0.spec, subcommands: $0.subcommands))
        })
    }

    /// Every command's name, each container followed by its subcommands; `FILTERBY MODULE m`,
    /// `ACLCAT c` or `PATTERN p` (matched ignoring case) keeps some (Redis's `commandListCommand`).
    static func list(_ argv: [[UInt8]], _ catalog: CommandCatalog) -> RESPValue {
        var keep: (CommandSpec) -> Bool = { _ in true }
        var index = 2
        while index < argv.count {
            guard argv.count - 1 - index == 2, CommandCatalog.lowercased(argv[index][...]) == "filterby" else {
                return .error("ERR syntax error")
            }
            let argument = argv[index + 2]
            switch CommandCatalog.lowercased(argv[index + 1][...]) {
            case "module":
                // Cairn loads no modules.
                keep = { _ in false }
            case "aclcat":
                let category = CommandCategories.named(String(decoding: argument, as: UTF8.self))
                keep = { spec in category.map { spec.reportedCategories.contains($0) } ?? false }
            case "pattern":
                let pattern = GlobPattern(argument, ignoringCase: true)
                keep = { spec in pattern.matches(spec.name) }
            default:
                return .error("ERR syntax error")
            }
            index += 3
        }
        let names = catalog.commands.flatMap { [$0.spec] + $0.subcommands }.filter(keep).map { RESPValue.bulk($0.name) }
        return .array(names)
    }

    /// The keys of a full command (Redis's `getKeysSubcommandImpl`): checks in Redis's order —
    /// the command exists, it has keys, its arity fits — then the keys, with their flags if asked.
    static func keys(_ argv: [[UInt8]], _ catalog: CommandCatalog, withFlags: Bool) -> RESPValue {
        let request = argv.dropFirst(2)
        guard let spec = catalog.command(forRequest: request) else { return .error("ERR Invalid command specified") }
        guard spec.hasKeys else { return .error("ERR The command has no key arguments") }
        guard spec.acceptsArgumentCount(request.count) else {
            return .error("ERR Invalid number of arguments specified for command")
        }
        let requestArguments = Array(request)
        let keys = spec.keyReferences(in: requestArguments)
        guard !keys.isEmpty else {
            return spec.flags.contains(.noMandatoryKeys) ? .array([]) : .error("ERR Invalid arguments specified for command")
        }
        return .array(keys.map { key in
            let name = RESPValue.bulk(requestArguments[key.index])
            return withFlags ? .array([name, CommandDescriptionReplies.keyFlags(key.flags)]) : name
        })
    }

    private static func subcommands(of spec: CommandSpec, in catalog: CommandCatalog) -> [CommandSpec] {
        catalog.commands.first { $0.spec.name == spec.name }?.subcommands ?? []
    }

    static let help = RESPValue.array([
        "COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "(no subcommand)",
        "    Return details about all Redis commands.",
        "COUNT",
        "    Return the total number of commands in this Redis server.",
        "LIST",
        "    Return a list of all commands in this Redis server.",
        "INFO [<command-name> ...]",
        "    Return details about multiple Redis commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "DOCS [<command-name> ...]",
        "    Return documentation details about multiple Redis commands.",
        "    If no command names are given, documentation details for all",
        "    commands are returned.",
        "GETKEYS <full-command>",
        "    Return the keys from a full Redis command.",
        "GETKEYSANDFLAGS <full-command>",
        "    Return the keys and the access flags from a full Redis command.",
        "HELP",
        "    Prints this help.",
    ].map { RESPValue.simpleString($0) })

    // MARK: Specs, as Redis 7.0 describes these commands

    static let containerSpec = CommandSpec(
        "command", arity: -1, flags: [.loading, .stale], summary: "Get array of Redis command details",
        categories: [.connection], tips: ["nondeterministic_output_order"],
        docs: CommandDocs(since: "2.8.13", group: .server, complexity: "O(N) where N is the total number of Redis commands"))

    static let subcommandSpecs: [CommandSpec] = [
        subcommand("count", arity: 2, summary: "Get total number of Redis commands", since: "2.8.13", complexity: "O(1)"),
        subcommand("docs", arity: -2, summary: "Get array of specific Redis command documentation", since: "7.0.0",
                   complexity: "O(N) where N is the number of commands to look up", tips: ["nondeterministic_output_order"]),
        subcommand("getkeys", arity: -4, summary: "Extract keys given a full Redis command", since: "2.8.13",
                   complexity: "O(N) where N is the number of arguments to the command"),
        subcommand("getkeysandflags", arity: -4, summary: "Extract keys and access flags given a full Redis command",
                   since: "7.0.0", complexity: "O(N) where N is the number of arguments to the command"),
        subcommand("help", arity: 2, summary: "Show helpful text about the different subcommands", since: "5.0.0",
                   complexity: "O(1)"),
        subcommand("info", arity: -2, summary: "Get array of specific Redis command details, or all when no argument is given.",
                   since: "2.8.13", complexity: "O(N) where N is the number of commands to look up",
                   tips: ["nondeterministic_output_order"]),
        subcommand("list", arity: -2, summary: "Get an array of Redis command names", since: "7.0.0",
                   complexity: "O(N) where N is the total number of Redis commands", tips: ["nondeterministic_output_order"]),
    ]

    private static func subcommand(_ name: String, arity: Int, summary: String, since: String, complexity: String,
                                   tips: [String] = []) -> CommandSpec {
        CommandSpec("command|" + name, arity: arity, flags: [.loading, .stale], summary: summary, categories: [.connection],
                    tips: tips, docs: CommandDocs(since: since, group: .server, complexity: complexity))
    }
}
