// The admin commands the node itself answers: status, tree, config, log-level, debug crash.
import Logging
import Runtime
import Supervisors

enum NodeAdminCommands {
    static func register(_ node: NodeState) {
        let admin = node.admin
        admin.register("status", summary: "node id, version, uptime, addresses and roles") { _ in
            AdminReply(.object([
                ("node", .string(node.config.node.id)),
                ("version", .string(CairnVersion.current)),
                ("uptime_s", .double((node.uptimeSeconds * 1000).rounded() / 1000)),
                ("addresses", .object(node.boundAddresses.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                ("roles", .array(node.roles.map(JSONValue.string))),
                ("data_dir", .string(node.config.node.dataDir)),
            ]))
        }
        admin.register("tree", summary: "every supervisor and child: state, restart type, restarts, last reason, uptime") { _ in
            guard let root = node.root else { throw AdminError("the supervision tree is not running") }
            return AdminReply(TreeJSON.root(await root.snapshot()))
        }
        admin.register("config", summary: "the effective configuration (secrets redacted)") { _ in
            AdminReply(.object(node.config.flattened(redactingSecrets: true).map { ($0.key, .string($0.value)) }))
        }
        admin.register("log-level", arguments: "[level]", summary: "show or set the log level (trace … critical)") { args in
            switch args.count {
            case 0:
                return AdminReply(.object([("level", .string(node.levels.level.rawValue))]))
            case 1:
                guard let level = Logger.Level(rawValue: args[0].lowercased()) else {
                    throw AdminError("unknown log level '\(args[0])'; expected one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                node.levels.level = level
                return AdminReply(.object([("level", .string(level.rawValue))]))
            default:
                throw AdminError("usage: log-level [level]")
            }
        }
        admin.register("debug crash", arguments: "<child-path>", summary: "make a child fail (needs admin.fault-injection: true)") { args in
            guard node.config.admin.faultInjection else {
                throw AdminError("fault injection is disabled; set admin.fault-injection: true to allow debug crash")
            }
            guard args.count == 1, let path = args.first, !path.isEmpty else {
                throw AdminError("usage: debug crash <child-path>, e.g. debug crash metrics.http")
            }
            guard let root = node.root else { throw AdminError("the supervision tree is not running") }
            let components = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard TreeJSON.contains(path: components, in: await root.snapshot()) else {
                throw AdminError("no child at path '\(path)'; see the tree command")
            }
            // Answer first: crashing `admin` would otherwise cut this very reply off.
            return AdminReply(.object([("crashing", .string(path))])) {
                try? await root.crashChild(path: components, reason: "debug crash via admin socket")
            }
        }
    }
}

/// The `tree` reply: nested records, the root first.
enum TreeJSON {
    static func root(_ snapshot: SupervisorSnapshot) -> JSONValue {
        .object([
            ("id", .string("(root)")),
            ("path", .string("")),
            ("kind", .string("supervisor")),
            ("state", .string("running")),
        ] + supervisorFields(snapshot))
    }

    private static func supervisorFields(_ snapshot: SupervisorSnapshot) -> [(String, JSONValue)] {
        [
            ("strategy", .string(snapshot.strategy.rawValue)),
            ("intensity", .int(Int64(snapshot.intensity))),
            ("period_s", .double(snapshot.periodSeconds)),
            ("window_restarts", .int(Int64(snapshot.restarts))),
            ("children", .array(snapshot.children.map(child))),
        ]
    }

    private static func child(_ child: ChildSnapshot) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(child.id)),
            ("path", .string(child.path)),
            ("kind", .string(child.kind.rawValue)),
            ("state", .string(child.state.rawValue)),
            ("restart_type", .string(child.restartType.rawValue)),
            ("restarts", .int(Int64(child.restarts))),
            ("last_reason", child.lastReason.map(JSONValue.string) ?? .null),
            ("generation", child.generation.map { .int(Int64(clamping: $0)) } ?? .null),
            ("uptime_s", child.uptimeSeconds.map { .double(($0 * 1000).rounded() / 1000) } ?? .null),
        ]
        if let nested = child.supervisor { fields += supervisorFields(nested) }
        return .object(fields)
    }

    static func contains(path: [String], in snapshot: SupervisorSnapshot) -> Bool {
        guard let first = path.first, let match = snapshot.children.first(where: { $0.id == first }) else { return false }
        if path.count == 1 { return true }
        guard let nested = match.supervisor else { return false }
        return contains(path: Array(path.dropFirst()), in: nested)
    }
}
