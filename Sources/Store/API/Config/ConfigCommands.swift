// CONFIG GET, SET, RESETSTAT, REWRITE and HELP over a node's parameters.
import RESP

public enum ConfigCommands {
    public static func entry(parameters: ConfigParameterTable, statsReset: StatsResetHooks) -> CommandEntry {
        CommandEntry(
            container: CommandSpec("config", arity: -2, flags: [], summary: "A container for server configuration commands",
                                   docs: serverDocs(since: "2.0.0", complexity: "Depends on subcommand.")),
            subcommands: [
                CommandEntry(spec: subcommand("get", arity: -3, summary: "Get the values of configuration parameters",
                                              since: "2.0.0", complexity: perParameter)) { argv, _ in
                    .map(parameters.values(matching: Array(argv.dropFirst(2))).map {
                        RESPValue.Entry(key: .bulk($0.name), value: .bulk($0.value))
                    })
                },
                CommandEntry(spec: subcommand("set", arity: -4, summary: "Set configuration parameters to the given values",
                                              since: "2.0.0", complexity: perParameter,
                                              tips: ["request_policy:all_nodes", "response_policy:all_succeeded"])) { argv, _ in
                    set(argv, parameters)
                },
                CommandEntry(spec: subcommand("resetstat", arity: 2, summary: "Reset the stats returned by INFO",
                                              since: "2.0.0", complexity: "O(1)")) { _, _ in
                    statsReset.resetAll()
                    return .simpleString("OK")
                },
                CommandEntry(spec: subcommand("rewrite", arity: 2, summary: "Rewrite the configuration file with the in memory configuration",
                                              since: "2.8.0", complexity: "O(1)")) { _, _ in
                    // docs/COMPATIBILITY.md: the YAML file is the operator's; Cairn never writes it.
                    .error("ERR CONFIG REWRITE is not supported: Cairn never writes its configuration file, so CONFIG SET lasts until the node restarts")
                },
                CommandEntry(spec: CommandSpec("config|help", arity: 2, flags: [.loading, .stale],
                                               summary: "Show helpful text about the different subcommands",
                                               docs: serverDocs(since: "5.0.0", complexity: "O(1)"))) { _, _ in
                    help
                },
            ]
        )
    }

    /// Redis's `configSetCommand`: names are checked first, in order — the first unknown name
    /// wins if nothing failed before it, else the first immutable or repeated one — then every
    /// value is checked, and only when all pass are they applied, so nothing changes on error.
    static func set(_ argv: [[UInt8]], _ table: ConfigParameterTable) -> RESPValue {
        guard argv.count % 2 == 0 else { return .error("ERR syntax error") }
        var chosen: [(parameter: ConfigParameter, value: [UInt8])] = []
        var failure: String?
        for pairStart in stride(from: 2, to: argv.count, by: 2) {
            let name = argv[pairStart]
            guard let parameter = table.parameter(named: name) else {
                if failure == nil { return .error("ERR Unknown option or number of arguments for CONFIG SET - '\(cText(name))'") }
                continue
            }
            guard failure == nil else { continue }
            if parameter.prepare == nil {
                failure = failed(cText(name), "can't set immutable config")
            } else if chosen.contains(where: { $0.parameter.name == parameter.name }) {
                failure = failed(cText(name), "duplicate parameter")
            }
            chosen.append((parameter, argv[pairStart + 1]))
        }
        if let failure { return .error(failure) }

        var applies: [ConfigParameter.Apply] = []
        for (parameter, value) in chosen {
            guard let prepare = parameter.prepare else { continue }
            switch prepare(value) {
            case .success(let apply): applies.append(apply)
            case .failure(let refusal): return .error(failed(parameter.name, refusal.reason))
            }
        }
        for apply in applies { apply() }
        return .simpleString("OK")
    }

    private static func failed(_ name: String, _ reason: String) -> String {
        "ERR CONFIG SET failed (possibly related to argument '\(name)') - \(reason)"
    }

    /// A name as Redis's `%s` prints it: up to its first NUL.
    private static func cText(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    static let help = RESPValue.array([
        "CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
        "GET <pattern>",
        "    Return parameters matching the glob-like <pattern> and their values.",
        "SET <directive> <value>",
        "    Set the configuration <directive> to <value>.",
        "RESETSTAT",
        "    Reset statistics reported by the INFO command.",
        "REWRITE",
        "    Rewrite the configuration file.",
        "HELP",
        "    Prints this help.",
    ].map { RESPValue.simpleString($0) })

    private static let perParameter = "O(N) when N is the number of configuration parameters provided"

    private static func subcommand(_ name: String, arity: Int, summary: String, since: String, complexity: String,
                                   tips: [String] = []) -> CommandSpec {
        CommandSpec("config|" + name, arity: arity, flags: [.admin, .noscript, .loading, .stale], summary: summary,
                    tips: tips, docs: serverDocs(since: since, complexity: complexity))
    }

    private static func serverDocs(since: String, complexity: String) -> CommandDocs {
        CommandDocs(since: since, group: .server, complexity: complexity)
    }
}
