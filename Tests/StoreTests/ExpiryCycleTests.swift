// The adaptive active expiry cycle on a store: many expired keys go in one cycle, few cost one
// round per region, budgets stop a cycle, rewritten keys survive, INFO counts the deletions.
import RESP
import Runtime
@testable import Store
import Synchronization
import Testing

@Suite struct ExpiryCycleTests {
    /// `expiring` keys that have expired (the store's clock is moved past them) and `lasting`
    /// keys with an hour's TTL, so every key has one.
    private static func fill(_ harness: StoreHarness, expiring: Int, lasting: Int = 0) async -> Bool {
        for number in 0..<expiring {
            guard await harness.run("SET", "e\(number)", "v", "PX", "100") == .simpleString("OK") else { return false }
        }
        for number in 0..<lasting {
            guard await harness.run("SET", "l\(number)", "v", "PX", "3600000") == .simpleString("OK") else { return false }
        }
        harness.clock.advance(milliseconds: 101)
        return true
    }

    /// Keys per region, by region id, for keys named `e0 …`.
    private static func keysPerRegion(_ harness: StoreHarness, expiring: Int) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for number in 0..<expiring {
            counts[harness.store.directory.layout.region(forSlot: KeySlot.of(Array("e\(number)".utf8))).id, default: 0] += 1
        }
        return counts
    }

    @Test func test_manyExpired_goInOneCycle_whereTheFixedPaceLeavesMost() async throws {
        let adaptive = try StoreHarness()
        #expect(await Self.fill(adaptive, expiring: 5000))
        let statistics = ExpiryStatistics()
        let cycle = ExpiryCycle(store: adaptive.store, effort: ExpiryEffort(keysPerRound: 200), statistics: statistics,
                                timeSource: ManualTimeSource())
        var position = ExpiryCycle.Position()
        let report = await cycle.cycle(&position)
        #expect(report.deleted == 5000 && report.expired == 5000 && report.limit == nil, "\(report)")
        #expect(await adaptive.run("DBSIZE") == .integer(0))
        #expect(statistics.expiredKeys == 5000)
        #expect(abs(statistics.stalePercent - 5) < 1e-9, "one cycle that found every key expired: 100% × 0.05")
        #expect(statistics.timeCapReachedCount == 0 && statistics.workCapReachedCount == 0)
        await adaptive.shutdown()

        // The same keys at a fixed 200 a round: one cycle deletes at most 200 per region.
        let fixed = try StoreHarness()
        #expect(await Self.fill(fixed, expiring: 5000))
        var fixedPosition = ExpiryCycle.Position()
        let fixedReport = await ExpiryCycle(store: fixed.store, effort: .fixed(keysPerRound: 200), timeSource: ManualTimeSource())
            .cycle(&fixedPosition)
        let perRegion = Self.keysPerRegion(fixed, expiring: 5000)
        #expect(fixedReport.rounds == 16)
        #expect(fixedReport.deleted == perRegion.values.reduce(0) { $0 + min($1, 200) }, "\(fixedReport)")
        #expect(await fixed.run("DBSIZE") == .integer(Int64(5000 - fixedReport.deleted)))
        #expect(fixedReport.deleted < 3300)
        await fixed.shutdown()
    }

    @Test func test_fewExpired_costOneRoundPerRegion() async throws {
        let harness = try StoreHarness()
        #expect(await Self.fill(harness, expiring: 32, lasting: 6000))
        let cycle = ExpiryCycle(store: harness.store, effort: ExpiryEffort(keysPerRound: 200), timeSource: ManualTimeSource())
        var position = ExpiryCycle.Position()
        let first = await cycle.cycle(&position)
        #expect(first.rounds == 16, "\(first)")
        #expect(first.examined <= 16 * 200 && first.limit == nil, "\(first)")
        // The next cycles resume where each region stopped, so every expired key goes in the end.
        var deleted = first.deleted
        for _ in 0..<3 { deleted += await cycle.cycle(&position).deleted }
        #expect(deleted == 32)
        #expect(await harness.run("DBSIZE") == .integer(6000))
        await harness.shutdown()
    }

    @Test func test_timeBudget_stopsTheCycle_andTheNextBeginsInTheFollowingRegion() async throws {
        let harness = try StoreHarness()
        #expect(await Self.fill(harness, expiring: 5000))
        // Every reading of the time moves it 1 ms: the cycle reads it once at its start and
        // once after each round, so a 5 ms budget allows exactly 5 rounds.
        let time = SteppingTimeSource(step: .milliseconds(1))
        let statistics = ExpiryStatistics()
        let cycle = ExpiryCycle(store: harness.store, effort: ExpiryEffort(keysPerRound: 200, timeBudget: .milliseconds(5)),
                                statistics: statistics, timeSource: time)
        var position = ExpiryCycle.Position()
        let report = await cycle.cycle(&position)
        #expect(report.rounds == 5 && report.limit == .time, "\(report)")
        #expect(statistics.timeCapReachedCount == 1)
        // Which region the fifth round was in: each region takes rounds until one reaches its
        // end (a region of exactly 200 keys needs a second, empty round to see its end).
        let regions = harness.store.directory.layout.regions
        let perRegion = Self.keysPerRegion(harness, expiring: 5000)
        var rounds = 0
        var fifth = 0
        for (index, region) in regions.enumerated() {
            rounds += (perRegion[region.id] ?? 0) / 200 + 1
            if rounds >= 5 {
                fifth = index
                break
            }
        }
        #expect(position.firstRegion == regions[(fifth + 1) % regions.count].id)
        await harness.shutdown()
    }

    @Test func test_keyBudget_stopsTheCycle() async throws {
        let harness = try StoreHarness()
        #expect(await Self.fill(harness, expiring: 5000))
        let statistics = ExpiryStatistics()
        let cycle = ExpiryCycle(store: harness.store, effort: ExpiryEffort(keysPerRound: 200, keyBudget: 1000),
                                statistics: statistics, timeSource: ManualTimeSource())
        var position = ExpiryCycle.Position()
        let report = await cycle.cycle(&position)
        #expect(report.limit == .work && report.examined >= 1000 && report.examined < 1200, "\(report)")
        #expect(statistics.workCapReachedCount == 1 && statistics.timeCapReachedCount == 0)
        #expect(await harness.run("DBSIZE") == .integer(Int64(5000 - report.deleted)))
        await harness.shutdown()
    }

    @Test func test_keysRewrittenAfterExpiring_survive() async throws {
        let harness = try StoreHarness()
        #expect(await harness.run("SET", "plain", "old", "PX", "100") == .simpleString("OK"))
        #expect(await harness.run("SET", "later", "old", "PX", "100") == .simpleString("OK"))
        #expect(await Self.fill(harness, expiring: 500))
        // Expired, then written again: without a TTL, and with one in the future.
        #expect(await harness.run("SET", "plain", "new") == .simpleString("OK"))
        #expect(await harness.run("SET", "later", "new", "PX", "100000") == .simpleString("OK"))
        var position = ExpiryCycle.Position()
        let report = await ExpiryCycle(store: harness.store, timeSource: ManualTimeSource()).cycle(&position)
        #expect(report.deleted == 500, "\(report)")
        #expect(await harness.run("GET", "plain") == .bulk(Array("new".utf8)))
        #expect(await harness.run("GET", "later") == .bulk(Array("new".utf8)))
        #expect(await harness.run("DBSIZE") == .integer(2))
        await harness.shutdown()
    }

    @Test func test_infoStats_reportTheCyclesDeletions() async throws {
        let harness = try StoreHarness()
        #expect(await Self.fill(harness, expiring: 300))
        let server = ServerContext(clients: ClientRegistry(maxClients: 10))
        var position = ExpiryCycle.Position()
        _ = await ExpiryCycle(store: harness.store, statistics: server.expiry, timeSource: ManualTimeSource()).cycle(&position)
        let keyspace = Keyspace(server: harness.store, nowMicroseconds: harness.clock.nowMicroseconds())
        guard case .verbatim(_, let text) = await InfoCommand.info([Array("INFO".utf8), Array("stats".utf8)], server: server,
                                                                     keyspace: keyspace) else {
            Issue.record("INFO is not verbatim text")
            return
        }
        let info = String(decoding: text, as: UTF8.self)
        #expect(info.contains("\r\nexpired_keys:300\r\n"), "\(info)")
        #expect(info.contains("\r\nexpired_stale_perc:5.00\r\n"), "\(info)")
        #expect(info.contains("\r\nexpired_time_cap_reached_count:0\r\n"), "\(info)")
        #expect(info.contains("\r\nexpire_cycle_cpu_milliseconds:0\r\n"), "\(info)")
        server.expiry.reset()
        #expect(server.expiry.expiredKeys == 0)
        await harness.shutdown()
    }
}

/// A time source that moves forward by `step` every time it is read.
private final class SteppingTimeSource: TimeSource {
    private let nanoseconds = Atomic<UInt64>(1_000_000_000)
    private let step: UInt64

    init(step: Duration) {
        self.step = UInt64(step.components.seconds) * 1_000_000_000 + UInt64(step.components.attoseconds / 1_000_000_000)
    }

    func now() -> MonotonicInstant {
        MonotonicInstant(nanoseconds: nanoseconds.wrappingAdd(step, ordering: .relaxed).oldValue)
    }
}
