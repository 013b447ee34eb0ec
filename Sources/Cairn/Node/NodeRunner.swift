// Runs one node: lock and check the data dir, open the engine, start the loops and the supervision
// tree, log `node started`, then run until a signal (exit 0) or until the tree gives up (exit 1).
import Engine
import Glibc
import Logging
import Runtime
@_spi(Testing) import Store
import Supervisors
import Synchronization
import UnixSignals

struct NodeRunner {
    let config: NodeConfig

    private enum Ending: Sendable {
        case signal(String)
        case treeEnded(RootExit)
    }

    /// Returns the process exit code: 0 after a clean shutdown, 1 when the tree gave up,
    /// 2 when the node cannot start.
    func run() async -> Int32 {
        let levels = LogLevelControl(level: config.log.level)
        CairnLogging.bootstrap(nodeID: config.node.id, format: config.log.format, control: levels)
        let logger = Logger(label: "node")
        let metrics = MetricsRegistry()
        metrics.install()

        // The lock comes before anything else touches the directory (DESIGN §6).
        let lock: DataDirectoryLock
        do {
            lock = try DataDirectoryLock.acquire(directory: config.node.dataDir, nodeID: config.node.id)
        } catch {
            StandardError.writeLine("cairn: \(error.description)")
            return 2
        }
        defer { lock.release() }

        // The engine opens before the tree starts and closes after it stopped (DESIGN §6).
        let engine: RocksDBEngine
        do {
            _ = try DataDirectoryStamp.verifyOrCreate(directory: config.node.dataDir, nodeID: config.node.id)
            engine = try RocksDBEngine(path: Self.databasePath(config), settings: RocksDBSettings(storage: config.storage))
        } catch {
            StandardError.writeLine("cairn: \(error)")
            return 2
        }
        defer { Self.close(engine, logger: logger) }

        let loops: EventLoopGroup
        do {
            loops = try EventLoopGroup(loopCount: config.runtime.loops)
        } catch {
            StandardError.writeLine("cairn: \(error.description)")
            return 2
        }

        let node = NodeState(config: config, loops: loops, levels: levels, metrics: metrics, engine: engine)
        NodeAdminCommands.register(node)
        if ProcessEnvironment.testingSkipsSyncBeforeAck {
            node.store.skipSyncBeforeAcknowledging()
            logger.warning("TEST ONLY: replies do not wait for the WAL sync",
                           metadata: ["variable": "\(ProcessEnvironment.skipSyncBeforeAckVariable)"])
        }
        let (endings, ended) = AsyncStream<Ending>.makeStream()
        // SHUTDOWN over RESP stops the node as SIGTERM does.
        node.server.onShutdownRequest { ended.yield(.signal("SHUTDOWN command")) }
        let root = NodeTree.makeRoot(node)
        node.root = root

        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        let treeEnded = Atomic<Bool>(false)
        let tree = Task {
            let exit = await RootSupervisor.run(root)
            treeEnded.store(true, ordering: .releasing)
            return exit
        }

        // `node started` once every permanent child runs and every listener has bound, so the
        // line carries the actual ports.
        while !treeEnded.load(ordering: .acquiring) {
            let bound = Set(node.boundAddresses.keys)
            if NodeTree.listeners.allSatisfy(bound.contains), await NodeReadiness.problems(of: root).isEmpty { break }
            try? await Task.sleep(for: .milliseconds(5))
        }
        if !treeEnded.load(ordering: .acquiring) {
            logger.info("node started", metadata: [
                "node.id": "\(config.node.id)",
                "node.version": "\(CairnVersion.current)",
                "node.pid": "\(getpid())",
                "node.data-dir": "\(config.node.dataDir)",
                "node.roles": .array(node.roles.map { .string($0) }),
                "runtime.loops": "\(loops.loops.count)",
                "addresses": .dictionary(node.boundAddresses.mapValues { .string($0) }),
            ])
        }

        let signalWatch = Task {
            for await signal in signals {
                ended.yield(.signal("\(signal)"))
                return
            }
        }
        let treeWatch = Task { ended.yield(.treeEnded(await tree.value)) }
        var waiting = endings.makeAsyncIterator()
        let ending = await waiting.next()
        signalWatch.cancel()
        treeWatch.cancel()

        var exitCode: Int32 = 0
        switch ending {
        case .signal(let name):
            logger.info("node stopping", metadata: ["signal": "\(name)"])
            tree.cancel()
            exitCode = await tree.value.exitCode
        case .treeEnded(let exit):
            exitCode = exit.exitCode
        case nil:
            tree.cancel()
            exitCode = await tree.value.exitCode
        }
        await loops.shutdownGracefully()
        if exitCode == 0 { logger.info("node stopped") }
        return exitCode
    }

    /// `<data-dir>/db`.
    static func databasePath(_ config: NodeConfig) -> String {
        config.node.dataDir.hasSuffix("/") ? config.node.dataDir + "db" : config.node.dataDir + "/db"
    }

    /// Syncs and closes the database once nothing uses it; a failure is logged, as the node
    /// is ending anyway and RocksDB recovers from its log at the next start.
    private static func close(_ engine: RocksDBEngine, logger: Logger) {
        do {
            try engine.close()
        } catch {
            logger.error("closing the storage engine failed", metadata: ["error": "\(error)"])
        }
    }
}
