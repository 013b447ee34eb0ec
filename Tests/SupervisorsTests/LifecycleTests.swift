// Start order, reverse shutdown order, shutdown timeouts (abandon, brutal, infinity) and generations.

import Foundation
import Logging
import Runtime
import ServiceLifecycle
import Supervisors
import TestSupport
import Testing

@Suite struct LifecycleTests {
    @Test func test_childrenStartInOrder_andStopInReverseOrder() async throws {
        let world = Harness()
        let probe = world.probe
        let ids = ["engine", "cluster", "pd", "store", "resp"]
        let supervisor = world.supervisor(strategy: .restForOne, children: ids.map { probe.spec($0) })
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(ids))
        running.cancel()
        #expect(await running.value == nil)

        #expect(probe.notes == ids.map { "start \($0)" } + ids.reversed().map { "stop \($0)" })
        #expect(world.logs.events("child_started").compactMap { $0["child"] as? String } == ids)
        let shutdown = try #require(world.logs.events("shutdown").first)
        #expect(shutdown["level"] as? String == "info")
        #expect(world.logs.eventNames.last == "shutdown")
        #expect(world.exits.all.isEmpty)
    }

    @Test func test_childIgnoringCancellation_isAbandonedAfterItsTimeout_andLogged() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(children: [
            probe.spec("first"),
            probe.spec("stubborn", shutdown: .timeout(.seconds(2)), onCancel: .ignore),
        ])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["first", "stubborn"]))

        running.cancel()
        // The supervisor waits on its (manual) clock: nothing moves until the test advances it.
        #expect(await eventually { world.clock.pendingTimerCount == 1 })
        #expect(await eventually { probe.notes.contains("ignore stubborn") })
        world.clock.advance(by: .milliseconds(1999))
        #expect(await supervisor.whichChildren().last?.state == .stopping)
        world.clock.advance(by: .milliseconds(1))
        #expect(await running.value == nil)

        let stubborn = try #require(probe.current("stubborn"))
        #expect(stubborn.hasEnded == false)
        let timeout = try #require(world.logs.events("shutdown_timeout").first)
        #expect(timeout["child"] as? String == "stubborn")
        #expect(timeout["level"] as? String == "error")
        #expect((timeout["reason"] as? String)?.contains("generation \(stubborn.generation)") == true)
        // The next child in reverse order is stopped only after the abandoned one.
        #expect(Array(probe.notes.suffix(2)) == ["ignore stubborn", "stop first"])
        #expect(await supervisor.whichChildren().last?.lastReason?.hasPrefix("abandoned") == true)
        stubborn.finish()
    }

    @Test func test_brutalShutdown_cancelsAndDoesNotWait() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(children: [probe.spec("stubborn", shutdown: .brutal, onCancel: .ignore)])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["stubborn"]))
        running.cancel()
        #expect(await running.value == nil)
        #expect(try #require(probe.current("stubborn")).hasEnded == false)
        #expect(world.clock.pendingTimerCount == 0)
        #expect(world.logs.count("shutdown_timeout") == 0)
        try #require(probe.current("stubborn")).finish()
    }

    @Test func test_infinityShutdown_waitsUntilTheChildEnds() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(children: [probe.spec("slow", shutdown: .infinity, onCancel: .ignore)])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["slow"]))
        running.cancel()
        #expect(await eventually { await supervisor.whichChildren().first?.state == .stopping })
        world.clock.advance(by: .seconds(3600))
        #expect(await supervisor.whichChildren().first?.state == .stopping)
        try #require(probe.current("slow")).finish()
        #expect(await running.value == nil)
        #expect(world.logs.count("shutdown_timeout") == 0)
    }

    @Test func test_childFailingWhileStopped_isReported() async throws {
        let world = Harness()
        let supervisor = world.supervisor(children: [world.probe.spec("messy", onCancel: .throwError("socket closed"))])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["messy"]))
        running.cancel()
        #expect(await running.value == nil)
        let line = try #require(world.logs.events("child_terminated", child: "messy").first)
        #expect(line["reason"] as? String == "failed while stopping: socket closed")
    }

    @Test func test_generations_increaseWithEveryStart_acrossRestartsAndTheTree() async throws {
        let world = Harness()
        let probe = world.probe
        let root = world.supervisor(children: [
            probe.spec("a"),
            .supervisor(id: "sub", children: [probe.spec("w")]),
        ])
        let running = world.launch(root)
        #expect(await world.waitForStarts(["a", "w"]))
        for _ in 0..<3 {
            let before = probe.startCount("a")
            try #require(probe.current("a")).crash()
            #expect(await eventually { probe.startCount("a") == before + 1 })
            world.clock.advance(by: .seconds(10))
        }
        let generations = probe.instances("a").map(\.generation)
        #expect(generations == generations.sorted())
        #expect(Set(generations).count == 4)
        // The nested supervisor and its child take numbers from the same source.
        let w = try #require(probe.current("w"))
        #expect(w.generation < generations[1])
        #expect(w.path == "sub.w")
        #expect(await root.whichChildren().first?.generation == generations.last)
        running.cancel()
        _ = await running.value
    }

    @Test func test_runTwice_isRefused() async throws {
        let world = Harness()
        let supervisor = world.supervisor(children: [])
        let running = world.launch(supervisor)
        await supervisor.barrier()
        await #expect(throws: SupervisorError.alreadyRunning(supervisor: "")) { try await supervisor.run() }
        running.cancel()
        #expect(await running.value == nil)
    }

    @Test func test_duplicateOrDottedChildIDs_failRunBeforeStartingAnything() async throws {
        let world = Harness()
        let duplicate = world.supervisor(children: [world.probe.spec("a"), world.probe.spec("a")])
        await #expect(throws: SupervisorError.duplicateChildID(supervisor: "", child: "a")) { try await duplicate.run() }
        let dotted = world.supervisor(children: [world.probe.spec("a.b")])
        await #expect(throws: SupervisorError.self) { try await dotted.run() }
        #expect(world.probe.notes.isEmpty)
    }

    @Test func test_supervisorInAServiceGroup_stopsOnGracefulShutdown() async throws {
        let world = Harness()
        let supervisor = world.supervisor(children: [world.probe.spec("a"), world.probe.spec("b")])
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [supervisor], logger: Logger(label: "group") { _ in SwiftLogNoOpLogHandler() }))
        let running = Task { try await group.run() }
        #expect(await world.waitForStarts(["a", "b"]))
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(Array(world.probe.notes.suffix(2)) == ["stop b", "stop a"])
        #expect(world.logs.count("shutdown") == 1)
    }
}
