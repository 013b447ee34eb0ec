// Timers: deterministic behaviour on the manual clock, and real libuv timers on a loop.
import Synchronization
import TestSupport
import Testing
@testable import Runtime

@Suite struct ManualTimerTests {
    @Test func test_oneShotTimer_firesOnceAtItsDeadline() {
        let clock = ManualTimeSource()
        let fired = Counter()
        clock.scheduleTimer(after: .seconds(5), repeating: nil) { fired.increment() }
        clock.advance(by: .milliseconds(4999))
        #expect(fired.count == 0)
        clock.advance(by: .milliseconds(1))
        #expect(fired.count == 1)
        clock.advance(by: .seconds(100))
        #expect(fired.count == 1)
        #expect(clock.pendingTimerCount == 0)
    }

    @Test func test_repeatingTimer_firesEveryInterval() {
        let clock = ManualTimeSource()
        let fired = Counter()
        clock.scheduleTimer(after: .seconds(1), repeating: .seconds(2)) { fired.increment() }
        clock.advance(by: .seconds(1))
        #expect(fired.count == 1)
        clock.advance(by: .seconds(6))
        #expect(fired.count == 4)
    }

    @Test func test_cancelledTimer_neverFires() {
        let clock = ManualTimeSource()
        let fired = Counter()
        let timer = clock.scheduleTimer(after: .seconds(1), repeating: .seconds(1)) { fired.increment() }
        clock.advance(by: .seconds(2))
        #expect(fired.count == 2)
        timer.cancel()
        clock.advance(by: .seconds(10))
        #expect(fired.count == 2)
    }

    @Test func test_timers_fireInDeadlineOrder_andSeeTheirDeadlineAsNow() {
        let clock = ManualTimeSource(start: MonotonicInstant(nanoseconds: 0))
        let seen = Recorder<(String, UInt64)>()
        clock.scheduleTimer(after: .seconds(3), repeating: nil) { seen.append(("c", clock.now().nanoseconds)) }
        clock.scheduleTimer(after: .seconds(1), repeating: nil) { seen.append(("a", clock.now().nanoseconds)) }
        clock.scheduleTimer(after: .seconds(2), repeating: nil) { seen.append(("b", clock.now().nanoseconds)) }
        clock.advance(by: .seconds(10))
        #expect(seen.all.map(\.0) == ["a", "b", "c"])
        #expect(seen.all.map(\.1) == [1_000_000_000, 2_000_000_000, 3_000_000_000])
        #expect(clock.now().nanoseconds == 10_000_000_000)
    }

    @Test func test_timerScheduledInsideCallback_firesInSameAdvanceWhenDue() {
        let clock = ManualTimeSource()
        let fired = Recorder<String>()
        clock.scheduleTimer(after: .seconds(1), repeating: nil) {
            fired.append("outer")
            clock.scheduleTimer(after: .seconds(1), repeating: nil) { fired.append("inner") }
        }
        clock.advance(by: .seconds(3))
        #expect(fired.all == ["outer", "inner"])
    }

    @Test func test_instantArithmetic_saturatesInsteadOfTrapping() {
        let end = MonotonicInstant(nanoseconds: .max - 1)
        #expect(end.advanced(by: .seconds(10)).nanoseconds == .max)
        #expect(MonotonicInstant(nanoseconds: 5).advanced(by: .seconds(-10)).nanoseconds == 0)
        #expect(MonotonicInstant(nanoseconds: 5).duration(since: MonotonicInstant(nanoseconds: 10)) == .zero)
        #expect(Duration.seconds(Int64.max).nanosecondsSaturated == .max)
    }
}

@Suite struct LoopTimerTests {
    @Test func test_loopTimer_firesOnTheLoopThread() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let loop = group.loops[0]
        let onLoop = Recorder<Bool>()
        let start = SystemTimeSource().now()
        let elapsed = Recorder<Duration>()
        loop.scheduleTimer(after: .milliseconds(30), repeating: nil) {
            onLoop.append(loop.inLoopThread)
            elapsed.append(SystemTimeSource().now().duration(since: start))
        }
        #expect(await eventually { onLoop.all.count == 1 })
        #expect(onLoop.all == [true])
        #expect(elapsed.all.first.map { $0 >= .milliseconds(29) } == true)
    }

    @Test func test_repeatingLoopTimer_firesRepeatedlyUntilCancelled() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let fired = Counter()
        let timer = group.loops[0].scheduleTimer(after: .milliseconds(1), repeating: .milliseconds(5)) { fired.increment() }
        #expect(await eventually { fired.count >= 3 })
        timer.cancel()
        try await group.loops[0].submit {}
        let afterCancel = fired.count
        try await Task.sleep(for: .milliseconds(50))
        #expect(fired.count == afterCancel)
    }

    @Test func test_cancelledLoopTimer_neverFires() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let fired = Counter()
        let timer = group.loops[0].scheduleTimer(after: .milliseconds(40), repeating: nil) { fired.increment() }
        timer.cancel()
        let witness = Counter()
        group.loops[0].scheduleTimer(after: .milliseconds(80), repeating: nil) { witness.increment() }
        #expect(await eventually { witness.count == 1 })
        #expect(fired.count == 0)
    }
}
