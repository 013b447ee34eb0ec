// The node's supervision tree (DESIGN §4), from what exists so far: metrics and admin.
import Logging
import Runtime
import Store
import Supervisors

enum NodeTree {
    /// Names under which children record their bound addresses; `node started` waits for all.
    static let listeners = ["resp", "metrics", "admin"]

    /// The root: restForOne, intensity 3 / 5 s. Adding a part is one line here; later issues
    /// put engine, cluster, pd, store and resp in their DESIGN §4 places.
    static func rootChildren(_ node: NodeState) -> [ChildSpec] {
        [
            .supervisor(id: "resp", strategy: .oneForOne, children: [
                ChildSpec(id: "listener-0", restart: .permanent) { _ in try respListener(node) },
            ]),
            .supervisor(id: "metrics", strategy: .oneForOne, children: [
                ChildSpec(id: "http", restart: .permanent) { MetricsHTTPService(node: node, context: $0) },
            ]),
            ChildSpec(id: "admin", restart: .permanent) { AdminSocketService(node: node, context: $0) },
        ]
    }

    static func respListener(_ node: NodeState) throws -> RESPListenerService {
        let resp = node.config.resp
        let port = node.port(for: "resp", configured: Int(resp.listen.port))
        return RESPListenerService(
            address: try SocketAddress(host: resp.listen.host, port: port),
            loops: node.loops,
            commands: node.commands,
            clients: node.clients,
            settings: node.respSettings
        ) { bound in
            node.rememberFirstPort(bound.port, for: "resp")
            node.record(address: bound.description, for: "resp")
        }
    }

    static func makeRoot(_ node: NodeState) -> Supervisor {
        Supervisor(
            path: "",
            strategy: .restForOne,
            intensity: RestartIntensity(intensity: 3, period: .seconds(5)),
            children: rootChildren(node),
            environment: SupervisorEnvironment(observer: SupervisorMetrics(registry: node.metrics)),
            logger: Logger(label: "supervisor")
        )
    }
}
