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
    /// Where the expiry cycle reports (INFO stats).
    let expiry: ExpiryStatistics

    /// Expiry runs every 100 ms (Redis's 10 Hz) with `ExpiryEffort`'s defaults: 200 keys a
    /// round, another round at once while more than 10% of a round's keys with a TTL had
    /// expired, at most 25 ms or 20,000 keys a cycle.
    func run() async throws {
        async let expiry: Void = ExpiryCycle(store: store, statistics: self.expiry).run(every: .milliseconds(100))
        async let garbage: Void = MemberGarbageCycle(store: store).run(every: .milliseconds(100))
        _ = await (expiry, garbage)
        try Task.checkCancellation()
    }
}
