// CLUSTER KEYSLOT (and HELP): the slot Cairn routes a key by (DESIGN §5), as Redis Cluster answers it.
import RESP

public enum ClusterCommands {
    /// Redis 7.0 without cluster mode answers every CLUSTER subcommand with "This instance has
    /// cluster support disabled"; Cairn always routes by slot, so KEYSLOT answers (a listed
    /// divergence), and unknown subcommands get Redis's container errors.
    public static let entry = CommandEntry(
        container: CommandSpec("cluster", arity: -2, flags: [], summary: "A container for cluster commands",
                               docs: CommandDocs(since: "3.0.0", group: .cluster, complexity: "Depends on subcommand.")),
        subcommands: [
            CommandEntry(spec: CommandSpec("cluster|keyslot", arity: 3, flags: [.stale],
                                           summary: "Returns the hash slot of the specified key",
                                           docs: CommandDocs(since: "3.0.0", group: .cluster,
                                                             complexity: "O(N) where N is the number of bytes in the key"))) { argv, _ in
                .integer(Int64(KeySlot.of(argv[2])))
            },
            CommandEntry(spec: CommandSpec("cluster|help", arity: 2, flags: [.loading, .stale],
                                           summary: "Show helpful text about the different subcommands",
                                           docs: CommandDocs(since: "5.0.0", group: .cluster, complexity: "O(1)"))) { _, _ in
                .array([
                    "CLUSTER <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                    "KEYSLOT <key>", "    Return the hash slot for <key>.",
                    "HELP", "    Print this help.",
                ].map { RESPValue.simpleString($0) })
            },
        ]
    )
}
