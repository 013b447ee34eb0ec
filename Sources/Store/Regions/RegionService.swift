// `store.regions.region-N.raft`: holds one region instance for one supervisor start.
public import Runtime
public import ServiceLifecycle

/// Makes a fresh Region with this start's generation (so an older instance is fenced off),
/// registers it, and runs until shutdown (normal end) or until the region meets an error it
/// cannot serve past (a crash, so the supervisor restarts it from the engine). Until Raft
/// arrives this child holds the region without Raft, under the name its Raft shell will take.
public struct RegionService: Service {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    let descriptor: RegionDescriptor
    let generation: UInt64
    let loop: EventLoop
    let store: StoreServer

    public init(descriptor: RegionDescriptor, generation: UInt64, loop: EventLoop, store: StoreServer) {
        self.descriptor = descriptor
        self.generation = generation
        self.loop = loop
        self.store = store
    }

    public func run() async throws {
        let region = try Region(descriptor: descriptor, generation: generation, loop: loop, engine: store.engine,
                                applies: store.applies, directory: store.directory, stallWriter: store.writeThread)
        store.directory.register(region)
        defer { store.directory.unregister(region) }
        // The stream ends when this task is cancelled: the shutdown request.
        for await reason in region.failed {
            throw Failure(description: reason)
        }
        // Its successor starts with no waiters: blocked clients are answered now, not left hanging.
        await region.stopServingWaiters()
        try Task.checkCancellation()
    }
}
