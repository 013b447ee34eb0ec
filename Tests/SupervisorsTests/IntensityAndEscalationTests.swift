// Restart intensity in a running supervisor, and escalation of a give-up through two levels.

import Runtime
import Supervisors
import TestSupport
import Testing

@Suite struct IntensityAndEscalationTests {
    /// Crashes `id`'s current instance, waits for its next start, then for `supervisor` to have
    /// handled everything posted so far: where it owns the restart, that includes logging it
    /// (the probe counts a start in its factory, a moment before the supervisor logs it).
    private func crashAndAwaitRestart(
        _ world: Harness, _ supervisor: Supervisor, _ id: String, reason: String = "boom"
    ) async throws -> Bool {
        let before = world.probe.startCount(id)
        try #require(world.probe.current(id)).crash(reason)
        let restarted = await eventually { world.probe.startCount(id) == before + 1 }
        await supervisor.barrier()
        return restarted
    }

    @Test func test_crashesSpreadOverMoreThanThePeriod_neverGiveUp() async throws {
        let world = Harness()
        let supervisor = world.supervisor(intensity: RestartIntensity(intensity: 3, period: .seconds(5)),
                                          children: [world.probe.spec("w")])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["w"]))

        // One crash every 2 s: never more than 3 inside any 5 s window.
        for _ in 0..<10 {
            #expect(try await crashAndAwaitRestart(world, supervisor, "w"))
            world.clock.advance(by: .seconds(2))
        }
        await supervisor.barrier()
        #expect(world.logs.count("restart_intensity_exceeded") == 0)
        #expect(world.probe.startCount("w") == 11)
        // The `restarts` figure is the count inside the window, not the total.
        let restartCounts = world.logs.events("child_restarted").compactMap { $0["restarts"] as? Int }
        #expect(restartCounts.prefix(3) == [1, 2, 3])
        #expect(restartCounts.max() == 3)
        running.cancel()
        #expect(await running.value == nil)
    }

    @Test func test_crashesBunchedWithinThePeriod_giveUp_stoppingChildrenInReverse() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(intensity: RestartIntensity(intensity: 3, period: .seconds(5)),
                                          children: [probe.spec("a"), probe.spec("w"), probe.spec("z")])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["a", "w", "z"]))

        for _ in 0..<3 {
            #expect(try await crashAndAwaitRestart(world, supervisor, "w"))
            world.clock.advance(by: .seconds(1))
        }
        // The fourth crash within 5 s is one restart too many.
        try #require(probe.current("w")).crash("last straw")
        let error = await running.value
        let gaveUp = try #require(error as? SupervisorGaveUp)
        #expect(gaveUp.supervisor == "")
        #expect(gaveUp.child == "w")
        #expect(gaveUp.reason == "last straw")
        #expect(gaveUp.restarts == 4)
        #expect(gaveUp.escalatedFrom == nil)

        #expect(probe.startCount("w") == 4)
        #expect(Array(probe.notes.suffix(3)) == ["crash w", "stop z", "stop a"])
        let exceeded = try #require(world.logs.events("restart_intensity_exceeded").first)
        #expect(exceeded["child"] as? String == "w")
        #expect(exceeded["reason"] as? String == "last straw")
        #expect(exceeded["restarts"] as? Int == 4)
        #expect(exceeded["intensity"] as? Int == 3)
        #expect(exceeded["period_s"] as? Int == 5)
        #expect(exceeded["level"] as? String == "error")
        #expect(world.logs.count("shutdown") == 0)
        #expect(await requestAfterStop(supervisor) == .notRunning(supervisor: ""))
    }

    private func requestAfterStop(_ supervisor: Supervisor) async -> SupervisorError? {
        do {
            try await supervisor.terminateChild("a")
            return nil
        } catch {
            return error
        }
    }

    /// root (oneForOne, 3 / 5 s) → sub (intensity 1) → w. Two quick crashes of w make sub give
    /// up; root logs `escalated` and starts a fresh sub, whose w is a new generation.
    @Test func test_grandchildCrashStorm_childSupervisorGivesUp_parentLogsEscalatedAndRestartsIt() async throws {
        let world = Harness()
        let probe = world.probe
        let root = world.supervisor(children: [
            probe.spec("before"),
            .supervisor(id: "sub", intensity: RestartIntensity(intensity: 1, period: .seconds(5)),
                        children: [probe.spec("w")]),
        ])
        let running = world.launch(root)
        #expect(await world.waitForStarts(["before", "w"]))
        let firstW = try #require(probe.current("w"))
        #expect(firstW.path == "sub.w")

        #expect(try await crashAndAwaitRestart(world, root, "w"))
        try #require(probe.current("w")).crash("storm")
        // sub gives up and is restarted by root, which starts a third w.
        #expect(await eventually { probe.startCount("w") == 3 })
        await root.barrier()

        let exceeded = try #require(world.logs.events("restart_intensity_exceeded").first)
        #expect(exceeded["supervisor"] as? String == "sub")
        #expect(exceeded["child"] as? String == "w")
        let escalated = try #require(world.logs.events("escalated").first)
        #expect(escalated["supervisor"] as? String == "")
        #expect(escalated["child"] as? String == "sub")
        #expect(escalated["level"] as? String == "error")
        #expect((escalated["reason"] as? String)?.contains("'sub' gave up") == true)
        #expect((escalated["reason"] as? String)?.contains("storm") == true)
        #expect(world.logs.count("child_restarted", child: "sub", supervisor: "") == 1)
        // The escalation is reported once, as `escalated`, not also as `child_terminated`.
        #expect(world.logs.count("child_terminated", child: "sub") == 0)
        #expect(probe.startCount("before") == 1)

        let snapshot = await root.snapshot()
        let sub = try #require(snapshot.children.last)
        #expect(sub.kind == .supervisor)
        #expect(sub.restarts == 1)
        #expect(sub.supervisor?.children.first?.generation == probe.current("w")?.generation)
        #expect(try #require(probe.current("w")).generation > firstW.generation)

        running.cancel()
        #expect(await running.value == nil)
    }

    /// root (intensity 1) → sub (intensity 0) → w: every crash of w makes sub give up. The first
    /// escalation is absorbed by root's restart; the second exceeds root's intensity too.
    @Test func test_escalationPastTheParentsIntensity_parentGivesUpToo() async throws {
        let world = Harness()
        let probe = world.probe
        let root = world.supervisor(intensity: RestartIntensity(intensity: 1, period: .seconds(5)), children: [
            .supervisor(id: "sub", intensity: RestartIntensity(intensity: 0, period: .seconds(5)),
                        children: [probe.spec("w")]),
        ])
        let running = Task { await RootSupervisor.run(root) }
        #expect(await world.waitForStarts(["w"]))

        #expect(try await crashAndAwaitRestart(world, root, "w", reason: "first"))
        try #require(probe.current("w")).crash("second")
        let exit = await running.value
        #expect(exit.exitCode == 1)
        guard case .gaveUp(let error) = exit else {
            Issue.record("root did not give up: \(exit)")
            return
        }
        let gaveUp = try #require(error as? SupervisorGaveUp)
        #expect(gaveUp.supervisor == "")
        #expect(gaveUp.child == "sub")
        #expect(gaveUp.chain == ["", "sub"])
        #expect(gaveUp.escalatedFrom?.child == "w")
        #expect(gaveUp.rootReason == "second")

        #expect(world.logs.count("escalated", child: "sub") == 2)
        #expect(world.logs.count("restart_intensity_exceeded", supervisor: "sub") == 2)
        #expect(world.logs.count("restart_intensity_exceeded", supervisor: "") == 1)
        let last = try #require(world.logs.objects.last)
        #expect(last["event"] as? String == "node_giving_up")
        #expect(last["level"] as? String == "error")
        #expect(last["child"] as? String == "sub")
        #expect((last["reason"] as? String)?.contains("second") == true)
    }
}
