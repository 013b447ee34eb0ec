// The commands the fuzzer knows how to misuse: names, arities and key positions, read from the
// command table so every command added there is fuzzed without touching the fuzzer.
public import RESP
public import Store

public struct CommandCatalog: Sendable {
    public struct Command: Sendable {
        public let spec: CommandSpec
        /// A container's subcommands (CLIENT ID…), each with its own arity.
        public let subcommands: [CommandSpec]
    }

    public let commands: [Command]

    public init(_ table: CommandTable) {
        commands = table.specs.map { spec in
            let subcommands = table.entry(named: spec.name)?.subcommands.values.map(\.spec) ?? []
            return Command(spec: spec, subcommands: subcommands.sorted { $0.name < $1.name })
        }
    }

    /// The entries a node serves. Keep in step with `NodeState.commands` (Sources/Cairn/Node),
    /// which the fuzzer cannot import because it lives in the executable.
    public static let nodeEntries: [CommandEntry] =
        ConnectionCommands.entries + [ClientCommands.entry] + StringCommands.entries + KeyCommands.entries + FlushCommands.entries
}
