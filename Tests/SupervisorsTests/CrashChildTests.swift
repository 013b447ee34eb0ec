// Injected faults: `crashChild` by a nested path, as `cairn admin debug crash <path>` will use it.

import Supervisors
import TestSupport
import Testing

@Suite struct CrashChildTests {
    /// root → store → regions → region-3 → raft, the shape of DESIGN §4's tree.
    private func tree(_ world: Harness) -> Supervisor {
        let probe = world.probe
        return world.supervisor(strategy: .restForOne, children: [
            probe.spec("engine"),
            .supervisor(id: "store", strategy: .restForOne, children: [
                probe.spec("server"),
                .supervisor(id: "regions", children: [
                    .supervisor(id: "region-3", restart: .temporary,
                                intensity: RestartIntensity(intensity: 5, period: .seconds(30)),
                                children: [probe.spec("raft")]),
                ]),
            ]),
        ])
    }

    @Test func test_crashChild_byNestedPath_restartsTheLeaf_withTheInjectedReason() async throws {
        let world = Harness()
        let probe = world.probe
        let root = tree(world)
        let running = world.launch(root)
        #expect(await world.waitForStarts(["engine", "server", "raft"]))
        let raft = try #require(probe.current("raft"))
        #expect(raft.path == "store.regions.region-3.raft")

        try await root.crashChild(path: ["store", "regions", "region-3", "raft"], reason: "test")
        // crashChild returns once the owning supervisor has handled the crash.
        #expect(probe.startCount("raft") == 2)
        #expect(raft.hasEnded)

        let terminated = try #require(world.logs.events("child_terminated", child: "raft").first)
        #expect(terminated["supervisor"] as? String == "store.regions.region-3")
        #expect(terminated["reason"] as? String == "injected fault: test")
        let restarted = try #require(world.logs.events("child_restarted", child: "raft").first)
        #expect(restarted["supervisor"] as? String == "store.regions.region-3")
        #expect(restarted["intensity"] as? Int == 5)
        #expect(restarted["period_s"] as? Int == 30)
        #expect(restarted["restarts"] as? Int == 1)
        #expect(probe.startCount("engine") == 1)
        #expect(probe.startCount("server") == 1)

        let snapshot = await root.snapshot()
        let region = snapshot.children.last?.supervisor?.children.last?.supervisor?.children.first
        #expect(region?.path == "store.regions.region-3")
        #expect(region?.supervisor?.children.first?.lastReason == "injected fault: test")
        #expect(region?.supervisor?.children.first?.restarts == 1)
        running.cancel()
        #expect(await running.value == nil)
    }

    @Test func test_crashChild_ofAChildIgnoringCancellation_abandonsItThenRestarts() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(children: [probe.spec("stuck", shutdown: .timeout(.seconds(1)), onCancel: .ignore)])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["stuck"]))
        let crashing = Task { try await supervisor.crashChild(path: ["stuck"], reason: "wedged") }
        #expect(await eventually { world.clock.pendingTimerCount == 1 })
        world.clock.advance(by: .seconds(1))
        try await crashing.value
        #expect(probe.startCount("stuck") == 2)
        #expect(world.logs.count("shutdown_timeout", child: "stuck") == 1)
        #expect(world.logs.events("child_terminated", child: "stuck").first?["reason"] as? String == "injected fault: wedged")
        probe.instances("stuck").first?.finish()
        running.cancel()
        let stopping = Task { await running.value }
        #expect(await eventually { world.clock.pendingTimerCount == 1 })
        world.clock.advance(by: .seconds(1))
        #expect(await stopping.value == nil)
        probe.current("stuck")?.finish()
    }

    @Test func test_crashChild_withABadPath_saysWhatIsWrong() async throws {
        let world = Harness()
        let root = tree(world)
        let running = world.launch(root)
        #expect(await world.waitForStarts(["engine", "server", "raft"]))

        await #expect(throws: SupervisorError.childNotFound(supervisor: "store.regions", child: "region-9")) {
            try await root.crashChild(path: ["store", "regions", "region-9", "raft"], reason: "x")
        }
        await #expect(throws: SupervisorError.notASupervisor(path: "engine")) {
            try await root.crashChild(path: ["engine", "inner"], reason: "x")
        }
        await #expect(throws: SupervisorError.childNotFound(supervisor: "", child: "")) {
            try await root.crashChild(path: [], reason: "x")
        }
        try await root.terminateChild("engine")
        await #expect(throws: SupervisorError.childNotRunning(supervisor: "", child: "engine")) {
            try await root.crashChild(path: ["engine"], reason: "x")
        }
        running.cancel()
        _ = await running.value
    }
}
