// Factories that throw: logged `start_error`, retried through the restart path, counted toward intensity.

import Supervisors
import TestSupport
import Testing

@Suite struct StartErrorTests {
    @Test func test_initialStartError_isRetried_andLaterChildrenWaitForIt() async throws {
        let world = Harness()
        let probe = world.probe
        probe.failStarts("b", times: 2)
        let supervisor = world.supervisor(children: [probe.spec("a"), probe.spec("b"), probe.spec("c")])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["a", "b", "c"]))
        // A probe counts a start inside its factory, just before the supervisor logs it.
        await supervisor.barrier()

        #expect(probe.notes == ["start a", "start-error b", "start-error b", "start b", "start c"])
        let errors = world.logs.events("start_error", child: "b")
        #expect(errors.count == 2)
        #expect(errors.first?["reason"] as? String == "probe b refused to start")
        #expect(errors.first?["level"] as? String == "error")
        // Each retry is a restart inside the intensity window.
        #expect(world.logs.events("child_restarted", child: "b").last?["restarts"] as? Int == 2)
        #expect(world.logs.count("child_started", child: "c") == 1)
        running.cancel()
        #expect(await running.value == nil)
    }

    @Test func test_startErrorsBeyondTheIntensity_giveUp_withoutStartingLaterChildren() async throws {
        let world = Harness()
        let probe = world.probe
        probe.failStarts("b", times: .max)
        let supervisor = world.supervisor(intensity: RestartIntensity(intensity: 3, period: .seconds(5)),
                                          children: [probe.spec("a"), probe.spec("b"), probe.spec("c")])
        let error = await world.launch(supervisor).value
        let gaveUp = try #require(error as? SupervisorGaveUp)
        #expect(gaveUp.child == "b")
        #expect(gaveUp.reason == "probe b refused to start")
        // The first attempt and three retries fail; the fourth retry exceeds the intensity.
        #expect(world.logs.count("start_error", child: "b") == 4)
        #expect(probe.startCount("c") == 0)
        #expect(Array(probe.notes.suffix(1)) == ["stop a"])
    }

    @Test func test_restartStartError_isRetriedUntilItStarts() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(children: [probe.spec("a")])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["a"]))
        probe.failStarts("a", times: 1)
        try #require(probe.current("a")).crash()
        #expect(await eventually { probe.startCount("a") == 2 })
        await supervisor.barrier()
        #expect(world.logs.count("start_error", child: "a") == 1)
        #expect(world.logs.count("child_restarted", child: "a") == 1)
        running.cancel()
        _ = await running.value
    }

    @Test func test_dynamicStartError_isReturned_andTheSpecIsNotKept() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(children: [])
        let running = world.launch(supervisor)
        probe.failStarts("d", times: 1)
        await #expect(throws: SupervisorError.startFailed(supervisor: "", child: "d", reason: "probe d refused to start")) {
            _ = try await supervisor.startChild(probe.spec("d"))
        }
        #expect(await supervisor.whichChildren().isEmpty)
        #expect(world.logs.count("start_error", child: "d") == 1)
        #expect(world.logs.count("restart_intensity_exceeded") == 0)
        running.cancel()
        _ = await running.value
    }
}
