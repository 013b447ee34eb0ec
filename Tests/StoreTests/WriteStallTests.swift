// A RocksDB write stall seen from the regions: the stalled write waits on the commit thread,
// not on a loop, and the region keeps its order (DESIGN §6a).
import Engine
import RESP
import Runtime
@testable import Store
import TestSupport
import Testing

@Suite struct WriteStallTests {
    @Test func test_aStalledWrite_waitsOffTheLoop_andKeepsItsRegionsOrder() async throws {
        let loops = try EventLoopGroup(loopCount: 1)
        let engine = StallingEngine()
        let commitThread = CommitThread(engine: engine)
        commitThread.start()
        let table = CommandTable(StringCommands.entries + KeyCommands.entries)
        let store = StoreServer(engine: engine, layout: RegionLayout.initial(count: 4), applies: table.applies, commitThread: commitThread)
        for descriptor in store.directory.layout.regions {
            store.directory.register(try Region(descriptor: descriptor, generation: 1, loop: loops.loops[0], engine: engine,
                                                applies: table.applies, directory: store.directory, stallWriter: store.writeThread))
        }
        @Sendable func run(_ words: String...) async -> RESPValue {
            let argv = words.map { Array($0.utf8) }
            var session = SessionState(clientID: 1)
            guard case .data(let command, let spec) = table.dispatch(argv, session: &session) else { return .error("not data") }
            return await store.execute(command, spec: spec, argv: argv).reply
        }
        // Two keys in one region and one in another, every region on the one loop.
        let sameRegion = { (key: String) in store.directory.layout.region(forSlot: KeySlot.of(Array(key.utf8))).id }
        let other = try #require((0..<200).map { "other\($0)" }.first { sameRegion($0) != sameRegion("{a}1") })
        #expect(await run("SET", other, "before") == .simpleString("OK"))

        engine.beginStall()
        let write = Task { await run("SET", "{a}1", "stalled") }
        #expect(await eventually { engine.blockedWrites.load(ordering: .relaxed) == 1 })
        let readBehind = Task { await run("GET", "{a}1") }
        // The loop is free: another region answers while the write waits out the stall.
        #expect(await run("GET", other) == .bulk(Array("before".utf8)))
        #expect(commitThread.threadWriteCount == 0)
        engine.endStall()
        #expect(await write.value == .simpleString("OK"))
        // The read came after the write, so it sees it.
        #expect(await readBehind.value == .bulk(Array("stalled".utf8)))
        #expect(commitThread.threadWriteCount == 1)
        commitThread.stop()
        await loops.shutdownGracefully()
    }
}
