// What the node's parts share: config, loops, bound addresses, the root supervisor, start time.
import Engine
import Glibc
import Logging
import Runtime
import Store
import Supervisors
import Synchronization

final class NodeState: Sendable {
    let config: NodeConfig
    let loops: EventLoopGroup
    let levels: LogLevelControl
    let metrics: MetricsRegistry
    let admin: AdminCommandRegistry
    let startedAt: MonotonicInstant
    let commands: CommandTable
    let clients: ClientRegistry
    let server: ServerContext
    /// The RESP server's commands and connections on /metrics.
    let serverMetrics: ServerMetrics
    let engine: RocksDBEngine
    let engineMetrics: EngineMetrics
    /// Nil with `storage.sync: none`: replies never wait for a WAL sync.
    let commitThread: CommitThread?
    let store: StoreServer
    /// The `resp.*` settings sessions read live; kept here so CONFIG SET outlives listener restarts.
    let respSettings: LiveRESPSettings
    let statsReset = StatsResetHooks()
    private let addresses = Mutex<[String: String]>([:])
    /// The port each listener's first instance bound, so a restarted one rebinds it.
    private let firstPorts = Mutex<[String: Int]>([:])
    private let rootSupervisor = Mutex<Supervisor?>(nil)

    init(config: NodeConfig, loops: EventLoopGroup, levels: LogLevelControl, metrics: MetricsRegistry,
         engine: RocksDBEngine) {
        self.config = config
        self.loops = loops
        self.levels = levels
        self.metrics = metrics
        admin = AdminCommandRegistry()
        clients = ClientRegistry(maxClients: config.resp.maxClients)
        var facts = ServerContext.NodeFacts()
        facts.nodeID = config.node.id
        facts.processID = getpid()
        facts.loops = loops.loops.count
        facts.dataDirectory = config.node.dataDir
        facts.syncAlways = config.storage.sync == .always
        let serverMetrics = ServerMetrics(registry: metrics)
        self.serverMetrics = serverMetrics
        let server = ServerContext(clients: clients, facts: facts, metrics: serverMetrics)
        self.server = server
        respSettings = LiveRESPSettings(SessionSettings(config.resp))
        let live = LiveNodeSettings(resp: respSettings, clients: clients, logLevels: levels)
        commands = CommandTable(withIntrospection: NodeCommandSet.entries(server: server, config: config, live: live,
                                                                          statsReset: statsReset))
        serverMetrics.label(commandsOf: commands)
        // CONFIG RESETSTAT clears the command statistics, as Redis's does.
        statsReset.register {
            server.stats.reset()
            server.expiry.reset()
        }
        self.engine = engine
        engineMetrics = EngineMetrics(registry: metrics, engine: engine)
        // The thread also writes batches RocksDB refuses during a write stall, so with
        // `storage.sync: none` it runs too; only then do replies not wait for its syncs.
        let commitThread = CommitThread(engine: engine)
        self.commitThread = commitThread
        store = StoreServer(engine: engine, layout: RegionLayout.initial(count: config.store.initialRegions),
                            applies: commands.applies, commitThread: config.storage.sync == .always ? commitThread : nil,
                            writeThread: commitThread)
        startedAt = SystemTimeSource().now()
    }

    var root: Supervisor? {
        get { rootSupervisor.withLock { $0 } }
        set { rootSupervisor.withLock { $0 = newValue } }
    }

    func record(address: String, for name: String) {
        addresses.withLock { $0[name] = address }
    }

    var boundAddresses: [String: String] { addresses.withLock { $0 } }

    /// The port to bind for `name`: the configured one, or the one its first instance got.
    func port(for name: String, configured: Int) -> Int {
        firstPorts.withLock { $0[name] } ?? configured
    }

    func rememberFirstPort(_ port: Int, for name: String) {
        firstPorts.withLock { ports in
            if ports[name] == nil { ports[name] = port }
        }
    }

    var uptimeSeconds: Double {
        Double(SystemTimeSource().now().duration(since: startedAt).nanosecondsSaturated) / 1e9
    }

    /// Roles this node carries by configuration (DESIGN §1).
    var roles: [String] {
        let isPD = config.pd.members.contains { $0.id == config.node.id }
        return (isPD ? ["pd"] : []) + ["store", "resp"]
    }
}
