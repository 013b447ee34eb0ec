// The subtree snapshot (JSON for the admin `tree` command) and the metrics observer hooks.

import Foundation
import Supervisors
import TestSupport
import Testing

@Suite struct SnapshotAndObserverTests {
    @Test func test_snapshot_includesNestedSupervisors_andEncodesToSnakeCaseJSON() async throws {
        let world = Harness()
        let probe = world.probe
        let root = world.supervisor(strategy: .restForOne, children: [
            probe.spec("engine"),
            .supervisor(id: "store", strategy: .oneForAll, children: [probe.spec("server", restart: .transient)]),
        ])
        let running = world.launch(root)
        #expect(await world.waitForStarts(["engine", "server"]))
        world.clock.advance(by: .seconds(2))

        let snapshot = await root.snapshot()
        #expect(snapshot.path == "")
        #expect(snapshot.strategy == .restForOne)
        #expect(snapshot.intensity == 3)
        #expect(snapshot.periodSeconds == 5)
        #expect(snapshot.children.map(\.id) == ["engine", "store"])
        let store = try #require(snapshot.children.last)
        #expect(store.kind == .supervisor)
        #expect(store.uptimeSeconds == 2)
        #expect(store.startedAtNanoseconds != nil)
        let nested = try #require(store.supervisor)
        #expect(nested.path == "store")
        #expect(nested.strategy == .oneForAll)
        #expect(nested.children.map(\.path) == ["store.server"])
        #expect(nested.children.first?.restartType == .transient)
        #expect(snapshot.children.first?.supervisor == nil)

        let data = try JSONEncoder().encode(snapshot)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["strategy"] as? String == "rest_for_one")
        #expect(json["period_s"] as? Double == 5)
        let children = try #require(json["children"] as? [[String: Any]])
        #expect(children.last?["restart_type"] as? String == "permanent")
        #expect(children.last?["kind"] as? String == "supervisor")
        #expect(children.last?["state"] as? String == "running")
        #expect(children.last?["uptime_s"] as? Double == 2)
        let nestedJSON = try #require(children.last?["supervisor"] as? [String: Any])
        #expect((nestedJSON["children"] as? [[String: Any]])?.first?["id"] as? String == "server")
        #expect(try JSONDecoder().decode(SupervisorSnapshot.self, from: data) == snapshot)

        running.cancel()
        _ = await running.value
    }

    @Test func test_observer_hearsRestartsAndStateCounts_andZerosWhenStopped() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(path: "resp", strategy: .oneForAll,
                                          children: [probe.spec("acceptor"), probe.spec("listener-0")])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["acceptor", "listener-0"]))
        await supervisor.barrier()
        #expect(world.observer.counts("resp") == ChildStateCounts(running: 2))

        try #require(probe.current("listener-0")).crash()
        #expect(await eventually { world.observer.restarts.count == 2 })
        #expect(world.observer.restarts == ["resp.acceptor", "resp.listener-0"])

        try await supervisor.terminateChild("acceptor")
        #expect(world.observer.counts("resp") == ChildStateCounts(running: 1, stopped: 1))
        running.cancel()
        _ = await running.value
        #expect(world.observer.counts("resp") == ChildStateCounts())
    }

    @Test func test_backoff_delaysTheRestart_onTheInjectedClock_andGrows() async throws {
        let world = Harness()
        let probe = world.probe
        let backoff = RestartBackoff(minimum: .seconds(1), maximum: .seconds(8))
        let supervisor = world.supervisor(intensity: RestartIntensity(intensity: 10, period: .seconds(60)),
                                          children: [probe.spec("w", backoff: backoff)])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["w"]))

        try #require(probe.current("w")).crash()
        #expect(await eventually { await supervisor.whichChildren().first?.state == .restarting })
        #expect(world.clock.pendingTimerCount == 1)
        world.clock.advance(by: .milliseconds(999))
        await supervisor.barrier()
        #expect(probe.startCount("w") == 1)
        world.clock.advance(by: .milliseconds(1))
        #expect(await eventually { probe.startCount("w") == 2 })
        // The run's start instant is read just after the factory counts the start.
        await supervisor.barrier()

        // The second consecutive crash waits twice as long.
        try #require(probe.current("w")).crash()
        #expect(await eventually { world.clock.pendingTimerCount == 1 })
        world.clock.advance(by: .milliseconds(1999))
        await supervisor.barrier()
        #expect(probe.startCount("w") == 2)
        world.clock.advance(by: .milliseconds(1))
        #expect(await eventually { probe.startCount("w") == 3 })
        await supervisor.barrier()

        // A run that lasted the maximum resets the delay to the minimum.
        world.clock.advance(by: .seconds(8))
        try #require(probe.current("w")).crash()
        #expect(await eventually { world.clock.pendingTimerCount == 1 })
        world.clock.advance(by: .seconds(1))
        #expect(await eventually { probe.startCount("w") == 4 })
        await supervisor.barrier()

        running.cancel()
        _ = await running.value
    }

    @Test func test_rootShutdown_returnsExitCodeZero_withoutGivingUp() async throws {
        let world = Harness()
        let root = world.supervisor(children: [world.probe.spec("admin")])
        let running = Task { await RootSupervisor.run(root) }
        #expect(await world.waitForStarts(["admin"]))
        running.cancel()
        let exit = await running.value
        #expect(exit.exitCode == 0)
        #expect(world.logs.count("node_giving_up") == 0)
        #expect(world.logs.eventNames.last == "shutdown")
    }
}
