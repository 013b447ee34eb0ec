// The command layer in-process: a command table, a store with its 16 regions, and an in-memory
// engine — what a node runs behind its sessions, without sockets.
public import Engine
public import Runtime
public import Store

public final class FuzzStore: Sendable {
    public let loops: EventLoopGroup
    public let engine: InMemoryEngine
    public let clock: ManualWallClock
    public let server: StoreServer
    public let table: CommandTable

    /// One loop for every region, and the driver runs on it too: a region call is then a call on
    /// the same thread, not a wake-up of another (which made runs several times slower), and
    /// crossing loops is the integration tests' subject. No commit thread, as with
    /// `storage.sync: none`: waiting for WAL syncs is the group-commit tests' subject.
    public init(entries: [CommandEntry] = CommandCatalog.nodeEntries, regions: Int = 16) throws {
        loops = try EventLoopGroup(loopCount: 1)
        engine = InMemoryEngine()
        table = CommandTable(entries)
        // A fixed start, so a run replays the same expiry decisions from its seed.
        clock = ManualWallClock(microseconds: 1_700_000_000_000_000)
        server = StoreServer(engine: engine, layout: RegionLayout.initial(count: regions), applies: table.applies,
                             commitThread: nil, clock: clock)
        for descriptor in server.directory.layout.regions {
            server.directory.register(try Region(descriptor: descriptor, generation: 1, loop: loops.loops[0], engine: engine,
                                                 applies: table.applies, directory: server.directory))
        }
    }

    public func shutdown() async {
        await loops.shutdownGracefully()
    }
}
