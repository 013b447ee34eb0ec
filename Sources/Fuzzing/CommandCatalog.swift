// The commands the fuzzer knows how to misuse: names, arities and key positions, read from the
// command table so every command added there is fuzzed without touching the fuzzer.
public import RESP
public import Store
import Runtime

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

    /// The entries a node serves: the same list the node builds its table from, over a
    /// stand-alone server context and default configuration.
    public static var nodeEntries: [CommandEntry] {
        let config = NodeConfig()
        let clients = ClientRegistry(maxClients: config.resp.maxClients)
        let live = LiveNodeSettings(resp: LiveRESPSettings(SessionSettings(config.resp)), clients: clients, logLevels: LogLevelControl())
        return NodeCommandSet.entries(server: ServerContext(clients: clients), config: config, live: live, statsReset: StatsResetHooks())
    }
}
