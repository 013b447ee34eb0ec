// The engine and store children of the tree: the commit thread's lifetime, and the store server.
import Engine
import ServiceLifecycle
import Store
import Supervisors

/// `engine`: runs the commit thread (group commit) while it runs. The engine itself lives as
/// long as the node: `NodeRunner` opens it before the tree starts and closes it after the tree
/// stopped, since regions hold it.
struct EngineService: Service {
    let commitThread: CommitThread?
    let metrics: EngineMetrics

    /// Also samples RocksDB's metrics every second until the supervisor stops it.
    func run() async throws {
        commitThread?.start()
        defer { commitThread?.stop() }
        while true {
            metrics.sample()
            try await Task.sleep(for: .seconds(1))
        }
    }
}

/// `store.server`: the store's own work beside its regions — the expiry cycle that deletes
/// expired keys and the GC cycle that reclaims deleted collections' members, both through the
/// regions' write path.
struct StoreServerService: Service {
    let store: StoreServer

    func run() async throws {
        async let expiry: Void = ExpiryCycle(store: store).run(every: .milliseconds(100))
        async let garbage: Void = MemberGarbageCycle(store: store).run(every: .milliseconds(100))
        _ = await (expiry, garbage)
        try Task.checkCancellation()
    }
}
