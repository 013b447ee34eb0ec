// Every command a node answers, in one list: the node's table and the tests' are the same.
// Their descriptions come from Redis's facts where Redis has the command.
public import Runtime

public enum NodeCommandSet {
    public static func entries(server: ServerContext, config: NodeConfig, live: LiveNodeSettings,
                               statsReset: StatsResetHooks) -> [CommandEntry] {
        let entries = ConnectionCommands.entries + [ClientCommands.entry] + ServerCommands.entries + PubSubCommands.entries
            + [InfoCommand.entry(server: server), ConfigCommands.entry(parameters: .node(config: config, live: live), statsReset: statsReset)]
            + PersistenceCommands.entries(server: server)
            + StringCommands.entries + KeyCommands.entries + HashCommands.entries + SetCommands.entries + ListCommands.entries
            + SortedSetCommands.entries + BlockingListCommands.entries + BlockingSortedSetCommands.entries + FlushCommands.entries
            + [ClusterCommands.entry, ObjectCommands.entry] + TransactionCommands.entries
        // COMMAND INFO and DOCS then describe every command in Redis 7.0's own words.
        return entries.map { $0.describedAsRedisDoes() }
    }
}
