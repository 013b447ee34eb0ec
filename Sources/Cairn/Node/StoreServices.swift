// The engine and store children of the tree: the commit thread's lifetime, and the store server.
import Engine
import ServiceLifecycle
import Store
import Supervisors

/// `engine`: runs the commit thread (group commit) while it runs. The engine itself lives as
/// long as the node: the in-memory engine cannot be reopened, and regions hold it.
struct EngineService: Service {
    let commitThread: CommitThread?

    func run() async throws {
        commitThread?.start()
        defer { commitThread?.stop() }
        try await waitForShutdownRequest()
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
