// Children added, terminated, restarted and deleted at run time, and the end-for-good notices.

import Supervisors
import TestSupport
import Testing

@Suite struct DynamicChildrenTests {
    @Test func test_startChild_addsAfterExistingChildren_andWhichChildrenListsThem() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(path: "store.regions", children: [probe.spec("first")])
        let running = world.launch(supervisor)

        let generation = try await supervisor.startChild(probe.spec("region-1", restart: .temporary))
        _ = try await supervisor.startChild(probe.spec("region-2", restart: .transient))
        #expect(probe.current("region-1")?.generation == generation)
        #expect(probe.current("region-1")?.path == "store.regions.region-1")

        world.clock.advance(by: .milliseconds(1500))
        let children = await supervisor.whichChildren()
        #expect(children.map(\.id) == ["first", "region-1", "region-2"])
        #expect(children.map(\.path) == ["store.regions.first", "store.regions.region-1", "store.regions.region-2"])
        #expect(children.map(\.restartType) == [.permanent, .temporary, .transient])
        #expect(children.allSatisfy { $0.state == .running && $0.kind == .worker && $0.restarts == 0 })
        #expect(children.allSatisfy { $0.uptimeSeconds == 1.5 && $0.lastReason == nil })

        await #expect(throws: SupervisorError.alreadyStarted(supervisor: "store.regions", child: "region-1")) {
            _ = try await supervisor.startChild(probe.spec("region-1"))
        }
        await #expect(throws: SupervisorError.self) { _ = try await supervisor.startChild(probe.spec("a.b")) }
        running.cancel()
        _ = await running.value
    }

    @Test func test_terminate_restart_delete_ofAPermanentChild() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(children: [probe.spec("a"), probe.spec("b")])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["a", "b"]))

        await #expect(throws: SupervisorError.childRunning(supervisor: "", child: "a")) {
            try await supervisor.deleteChild("a")
        }
        try await supervisor.terminateChild("a")
        #expect(probe.notes.last == "stop a")
        var children = await supervisor.whichChildren()
        #expect(children.map(\.state) == [.stopped, .running])
        #expect(children.first?.lastReason == "shutdown")
        let exit = try #require(world.exits.all.first)
        #expect(exit == ChildExit(supervisor: "", id: "a", generation: probe.current("a")?.generation,
                                  restartType: .permanent, reason: .shutdown))
        // A terminated child stays terminated: nothing restarts it on its own.
        await supervisor.barrier()
        #expect(probe.startCount("a") == 1)
        try await supervisor.terminateChild("a")
        #expect(world.exits.all.count == 1)

        await #expect(throws: SupervisorError.alreadyPresent(supervisor: "", child: "a")) {
            _ = try await supervisor.startChild(probe.spec("a"))
        }
        _ = try await supervisor.restartChild("a")
        #expect(probe.startCount("a") == 2)
        await #expect(throws: SupervisorError.alreadyStarted(supervisor: "", child: "a")) {
            _ = try await supervisor.restartChild("a")
        }

        try await supervisor.terminateChild("a")
        try await supervisor.deleteChild("a")
        children = await supervisor.whichChildren()
        #expect(children.map(\.id) == ["b"])
        await #expect(throws: SupervisorError.childNotFound(supervisor: "", child: "a")) {
            try await supervisor.terminateChild("a")
        }
        running.cancel()
        _ = await running.value
    }

    @Test func test_terminatingATemporaryChild_removesIt_andNotifiesTheOwner() async throws {
        let world = Harness()
        let supervisor = world.supervisor(children: [])
        let running = world.launch(supervisor)
        _ = try await supervisor.startChild(world.probe.spec("region-3", restart: .temporary))
        try await supervisor.terminateChild("region-3")
        #expect(await supervisor.whichChildren().isEmpty)
        #expect(world.exits.all.map(\.reason) == [.shutdown])
        running.cancel()
        _ = await running.value
    }

    @Test func test_endForGood_notices_forTemporaryAndTransientChildren() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(children: [])
        let running = world.launch(supervisor)
        _ = try await supervisor.startChild(probe.spec("temp", restart: .temporary))
        _ = try await supervisor.startChild(probe.spec("trans", restart: .transient))

        try #require(probe.current("temp")).crash("disk gone")
        #expect(await eventually { world.exits.all.count == 1 })
        try #require(probe.current("trans")).finish()
        #expect(await eventually { world.exits.all.count == 2 })

        #expect(world.exits.all.map(\.id) == ["temp", "trans"])
        #expect(world.exits.all.map(\.reason) == [.crashed("disk gone"), .normal])
        let children = await supervisor.whichChildren()
        #expect(children.map(\.id) == ["trans"])
        #expect(children.first?.lastReason == "normal")
        #expect(probe.startCount("temp") == 1)
        #expect(probe.startCount("trans") == 1)
        running.cancel()
        _ = await running.value
        // Children stopped because their supervisor stops are not ended "for good" notices.
        #expect(world.exits.all.count == 2)
    }

    @Test func test_requestsToAStoppedSupervisor_failAtOnce() async throws {
        let world = Harness()
        let supervisor = world.supervisor(path: "x", children: [])
        let running = world.launch(supervisor)
        running.cancel()
        #expect(await running.value == nil)
        await #expect(throws: SupervisorError.notRunning(supervisor: "x")) {
            _ = try await supervisor.startChild(world.probe.spec("late"))
        }
        await #expect(throws: SupervisorError.notRunning(supervisor: "x")) {
            try await supervisor.crashChild(path: ["late"], reason: "r")
        }
    }
}
