// The region's turn: first come, first served across suspensions, and never lost when a
// waiter's continuation is queued after the turn was passed on.
import RESP
@testable import Store
import Testing

@Suite struct RegionTurnTests {
    /// Writes suspend (they go through the commit thread's writer) while reads of the same
    /// region arrive: every call completes, and reads see only values written.
    @Test(.timeLimit(.minutes(1)))
    func test_concurrentWritesAndReadsOfOneRegion_allComplete() async throws {
        let harness = try StoreHarness()
        let writer = Task {
            for round in 0..<300 { _ = await harness.run("SET", "{t}a", String(round)) }
        }
        var seen: Set<String> = []
        for _ in 0..<300 {
            switch await harness.run("MGET", "{t}a", "{t}b") {
            case .array(let values):
                if case .bulk(let value) = values[0] { seen.insert(String(decoding: value, as: UTF8.self)) }
            default: Issue.record("MGET answered otherwise")
            }
        }
        await writer.value
        #expect(seen.allSatisfy { Int($0).map { (0..<300).contains($0) } ?? false })
        #expect(await harness.run("GET", "{t}a") == .bulk(Array("299".utf8)))
        await harness.shutdown()
    }
}
