// A store on real event loops and an in-memory engine, with its regions registered, for tests.
import Engine
import RESP
import Testing
import Runtime
@testable import Store

/// Regions are created directly (no supervisor); `run` executes one request through the table
/// and the store as a session would, including the wait for durability.
final class StoreHarness: Sendable {
    let loops: EventLoopGroup
    let engine: InMemoryEngine
    let commitThread: CommitThread
    let store: StoreServer
    let table: CommandTable
    let clock: ManualWallClock

    init(entries: [CommandEntry] = StringCommands.entries + KeyCommands.entries + FlushCommands.entries,
         regions: Int = 16, nowMilliseconds: Int64 = 1_700_000_000_000, scanCursorCapacity: Int? = nil) throws {
        loops = try EventLoopGroup(loopCount: 2)
        engine = InMemoryEngine()
        commitThread = CommitThread(engine: engine)
        commitThread.start()
        table = CommandTable(entries)
        clock = ManualWallClock(microseconds: nowMilliseconds * 1000)
        store = StoreServer(engine: engine, layout: RegionLayout.initial(count: regions), applies: table.applies,
                            commitThread: commitThread, clock: clock, scanCursorCapacity: scanCursorCapacity)
        for descriptor in store.directory.layout.regions {
            let region = try Region(descriptor: descriptor, generation: 1, loop: loops.loops[descriptor.id % 2],
                                    engine: engine, applies: table.applies, directory: store.directory,
                                    stallWriter: store.writeThread)
            store.directory.register(region)
        }
    }

    func run(_ words: String...) async -> RESPValue {
        await run(words.map { Array($0.utf8) })
    }

    func run(_ argv: [[UInt8]]) async -> RESPValue {
        var session = SessionState(clientID: 1)
        switch table.dispatch(argv, session: &session) {
        case .reply(let reply): return reply
        case .data(let command, let spec):
            let applied = await store.execute(command, spec: spec, argv: argv)
            do {
                try await store.waitUntilDurable(applied.sequence)
            } catch {
                return .error("not durable: \(error)")
            }
            #expect(engine.syncedSequence >= applied.sequence, "a reply left before its write was synced")
            return applied.reply
        }
    }

    func shutdown() async {
        commitThread.stop()
        await loops.shutdownGracefully()
    }
}
