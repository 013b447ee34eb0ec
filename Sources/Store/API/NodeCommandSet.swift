// Every command a node answers, in one list: the node's table and the tests' are the same.
public import Runtime

public enum NodeCommandSet {
    public static func entries(server: ServerContext, config: NodeConfig, live: LiveNodeSettings,
                               statsReset: StatsResetHooks) -> [CommandEntry] {
        ConnectionCommands.entries + [ClientCommands.entry] + ServerCommands.entries + PubSubCommands.entries
            + [InfoCommand.entry(server: server), ConfigCommands.entry(parameters: .node(config: config, live: live), statsReset: statsReset)]
            + PersistenceCommands.entries(server: server)
            + StringCommands.entries + KeyCommands.entries + FlushCommands.entries + [ClusterCommands.entry]
    }
}
