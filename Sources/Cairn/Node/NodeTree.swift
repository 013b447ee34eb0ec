// The node's supervision tree (DESIGN §4), from what exists so far: engine, store, resp,
// metrics and admin.
import Logging
import Runtime
import Store
import Supervisors

enum NodeTree {
    /// Names under which children record their bound addresses; `node started` waits for all.
    static let listeners = ["resp", "metrics", "admin"]

    /// The root: restForOne, intensity 3 / 5 s. Adding a part is one line here; later issues
    /// put cluster and pd in their DESIGN §4 places.
    static func rootChildren(_ node: NodeState) -> [ChildSpec] {
        [
            ChildSpec(id: "engine", restart: .permanent) { _ in EngineService(commitThread: node.commitThread, metrics: node.engineMetrics) },
            .supervisor(id: "store", strategy: .restForOne, children: [
                ChildSpec(id: "server", restart: .permanent) { _ in StoreServerService(store: node.store, expiry: node.server.expiry) },
                .supervisor(id: "regions", strategy: .oneForOne, children: regionChildren(node)) { exit in
                    // A temporary region supervisor ends for good only when it gave up (DESIGN §4).
                    if let id = Int(exit.id.dropFirst("region-".count)), exit.id.hasPrefix("region-") {
                        node.store.directory.markFailed(id)
                    }
                },
            ]),
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
            store: node.store,
            server: node.server,
            settings: node.respSettings
        ) { bound in
            node.server.tcpPort = bound.port
            node.rememberFirstPort(bound.port, for: "resp")
            node.record(address: bound.description, for: "resp")
        }
    }

    /// `region-N` (oneForOne, 5 restarts in 30 s, temporary) with its worker `raft`, each region
    /// pinned to loop `N % loops`.
    static func regionChildren(_ node: NodeState) -> [ChildSpec] {
        node.store.directory.layout.regions.map { descriptor in
            .supervisor(
                id: "region-\(descriptor.id)", restart: .temporary, strategy: .oneForOne,
                intensity: RestartIntensity(intensity: 5, period: .seconds(30)),
                children: [
                    ChildSpec(id: "raft", restart: .permanent) { context in
                        RegionService(descriptor: descriptor, generation: context.generation,
                                      loop: node.loops.loops[descriptor.id % node.loops.loops.count], store: node.store)
                    },
                ]
            )
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
