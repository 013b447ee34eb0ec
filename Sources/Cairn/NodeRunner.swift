// Runs one node: lock the data dir, start the loops, log `node started`, wait for a signal, stop.
import Glibc
import Logging
import Runtime
import UnixSignals

struct NodeRunner {
    let config: NodeConfig

    /// Returns the process exit code: 0 after a clean shutdown, 2 when the node cannot start.
    func run() async -> Int32 {
        let levels = LogLevelControl(level: config.log.level)
        CairnLogging.bootstrap(nodeID: config.node.id, format: config.log.format, control: levels)
        let logger = Logger(label: "node")

        // The lock comes before anything else touches the directory (DESIGN §6).
        let lock: DataDirectoryLock
        do {
            lock = try DataDirectoryLock.acquire(directory: config.node.dataDir, nodeID: config.node.id)
        } catch {
            StandardError.writeLine("cairn: \(error.description)")
            return 2
        }
        defer { lock.release() }

        let group: EventLoopGroup
        do {
            group = try EventLoopGroup(loopCount: config.runtime.loops)
        } catch {
            StandardError.writeLine("cairn: \(error.description)")
            return 2
        }

        let signals = await UnixSignalsSequence(trapping: .sigterm, .sigint)
        logger.info("node started", metadata: [
            "node.id": "\(config.node.id)",
            "node.version": "\(CairnVersion.current)",
            "node.pid": "\(getpid())",
            "node.data-dir": "\(config.node.dataDir)",
            "runtime.loops": "\(group.loops.count)",
            // Listeners join in later issues (RESP, admin, metrics, peer); each adds its bound address here.
            "addresses": .dictionary([:]),
        ])

        var received: UnixSignal?
        for await signal in signals {
            received = signal
            break
        }
        logger.info("node stopping", metadata: ["signal": "\(received.map { "\($0)" } ?? "none")"])
        await group.shutdownGracefully()
        logger.info("node stopped")
        return 0
    }
}
