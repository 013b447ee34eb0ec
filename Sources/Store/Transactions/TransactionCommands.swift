// MULTI, EXEC, DISCARD, WATCH, UNWATCH as table entries: their names, arity and flags. The
// session runs them (TransactionGate), because they queue other commands or wait for a region.
import RESP

public enum TransactionCommands {
    public static let entries: [CommandEntry] = [
        entry("multi", arity: 1, flags: [.noscript, .loading, .stale, .fast, .allowBusy], summary: "Mark the start of a transaction block"),
        entry("exec", arity: 1, flags: [.noscript, .loading, .stale, .skipSlowlog],
              summary: "Execute all commands issued after MULTI"),
        entry("discard", arity: 1, flags: [.noscript, .loading, .stale, .fast, .allowBusy], summary: "Discard all commands issued after MULTI"),
        CommandEntry(spec: CommandSpec("watch", arity: -2, flags: [.noscript, .loading, .stale, .fast, .allowBusy], firstKey: 1, lastKey: -1,
                                       keyStep: 1, summary: "Watch the given keys to determine execution of the MULTI/EXEC block",
                                       categories: [.transaction], keySpecs: [.all([.readOnly])])) { _, _ in
            .error("ERR WATCH runs in the session")
        },
        CommandEntry(spec: CommandSpec("unwatch", arity: 1, flags: [.noscript, .loading, .stale, .fast, .allowBusy],
                                       summary: "Forget about all watched keys", categories: [.transaction])) { _, _ in
            // Queued in a block, UNWATCH answers OK; EXEC forgets the watches anyway.
            .simpleString("OK")
        },
    ]

    private static func entry(_ name: String, arity: Int, flags: CommandFlags, summary: String) -> CommandEntry {
        CommandEntry(spec: CommandSpec(name, arity: arity, flags: flags, summary: summary, categories: [.transaction])) { _, _ in
            .error("ERR \(name.uppercased()) runs in the session")
        }
    }
}
