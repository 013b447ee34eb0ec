// The event loop as an executor: pinning, task preference, and no stall on self-enqueued work.
import Synchronization
import TestSupport
import Testing
@testable import Runtime

private actor PinnedProbe: LoopPinned {
    nonisolated let loop: EventLoop
    var calls = 0
    init(loop: EventLoop) { self.loop = loop }

    func touch() -> Bool {
        calls += 1
        loop.preconditionInLoop()
        return loop.inLoopThread
    }
}

@Suite struct ExecutorTests {
    @Test func test_pinnedActorMethods_runOnTheirLoopThread() async throws {
        let group = try EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        for loop in group.loops {
            let probe = PinnedProbe(loop: loop)
            for _ in 0..<100 {
                #expect(await probe.touch())
            }
            #expect(await probe.calls == 100)
            #expect(!loop.inLoopThread)
        }
    }

    @Test func test_assumeIsolated_worksFromLoopCallbacks() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let loop = group.loops[0]
        let probe = PinnedProbe(loop: loop)
        let result = try await loop.submit {
            probe.assumeIsolated { $0.calls += 1; return $0.calls }
        }
        #expect(result == 1)
    }

    @Test func test_taskWithExecutorPreference_runsOnLoop() async throws {
        let group = try EventLoopGroup(loopCount: 2)
        defer { group.shutdown() }
        let loop = group.loops[1]
        let onLoop = await Task(executorPreference: loop) { loop.inLoopThread }.value
        #expect(onLoop)
    }

    @Test func test_jobEnqueuedFromTimerOnIdleLoop_runsWithoutWaitingForIO() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let loop = group.loops[0]
        let ran = Counter()
        // A repeating timer: closing a one-shot handle would itself wake the loop and hide a stall.
        let timer = loop.scheduleTimer(after: .milliseconds(20), repeating: .seconds(3600)) {
            // Enqueued from the loop thread with no other event pending: must not wait for I/O.
            Task(executorPreference: loop) { ran.increment() }
        }
        #expect(await eventually(timeout: .seconds(2)) { ran.count == 1 })
        timer.cancel()
    }

    @Test func test_executeFromOtherThreads_runsEveryClosureInOrder() async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let loop = group.loops[0]
        let order = Recorder<Int>()
        for index in 0..<1000 {
            loop.execute { order.append(index) }
        }
        #expect(await eventually { order.all.count == 1000 })
        #expect(order.all == Array(0..<1000))
    }

    @Test func test_workQueuedBeforeShutdown_runsExactlyOnce_andShutdownReturns() throws {
        for _ in 0..<20 {
            let group = try EventLoopGroup(loopCount: 1)
            let ran = Counter()
            // Queued from this thread in one burst, so shutdown's own job usually shares their batch.
            for _ in 0..<500 {
                group.loops[0].execute { ran.increment() }
            }
            group.shutdown()
            #expect(ran.count == 500)
        }
    }

    @Test func test_groupWithZeroLoops_usesOnePerCore() throws {
        let group = try EventLoopGroup(loopCount: 0)
        defer { group.shutdown() }
        #expect(group.loops.count >= 1)
    }
}
