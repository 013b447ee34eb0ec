// Each strategy with each restart type, for a child that ends normally and one that crashes.

import Supervisors
import TestSupport
import Testing

@Suite struct StrategyTests {
    enum Ending: String, CaseIterable, Sendable {
        case normal
        case crash
    }

    /// Children a, b, c (a and c permanent); b has the restart type under test and ends.
    @Test(arguments: SupervisionStrategy.allCases, RestartType.allCases)
    func test_strategy_restartType_decidesWhoRestarts(strategy: SupervisionStrategy, restart: RestartType) async throws {
        for ending in Ending.allCases {
            try await check(strategy: strategy, restart: restart, ending: ending)
        }
    }

    private func check(strategy: SupervisionStrategy, restart: RestartType, ending: Ending) async throws {
        let context = "\(strategy) \(restart) \(ending)"
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(strategy: strategy, children: [
            probe.spec("a"), probe.spec("b", restart: restart), probe.spec("c"),
        ])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["a", "b", "c"]), "\(context)")

        let b = try #require(probe.current("b"))
        switch ending {
        case .normal: b.finish()
        case .crash: b.crash("boom")
        }

        let restarted = restart == .permanent || (restart == .transient && ending == .crash)
        let expectedStarts: [String: Int] = switch (restarted, strategy) {
        case (false, _): ["a": 1, "b": 1, "c": 1]
        case (true, .oneForOne): ["a": 1, "b": 2, "c": 1]
        case (true, .oneForAll): ["a": 2, "b": 2, "c": 2]
        case (true, .restForOne): ["a": 1, "b": 2, "c": 2]
        }
        if restarted {
            #expect(await eventually { expectedStarts.allSatisfy { probe.startCount($0.key) == $0.value } }, "\(context)")
        } else {
            #expect(await eventually { world.exits.all.count == 1 }, "\(context)")
        }
        await supervisor.barrier()
        for (id, starts) in expectedStarts {
            #expect(probe.startCount(id) == starts, "\(context): starts of \(id)")
        }

        // Siblings taken down were stopped first, in reverse start order, then all started in order.
        if restarted, strategy == .oneForAll {
            #expect(Array(probe.notes.suffix(5)) == ["stop c", "stop a", "start a", "start b", "start c"], "\(context)")
        }
        if restarted, strategy == .restForOne {
            #expect(Array(probe.notes.suffix(3)) == ["stop c", "start b", "start c"], "\(context)")
        }

        let children = await supervisor.whichChildren()
        if restarted {
            #expect(world.exits.all.isEmpty, "\(context)")
            #expect(children.map(\.id) == ["a", "b", "c"], "\(context)")
            #expect(children.allSatisfy { $0.state == .running }, "\(context)")
            #expect(world.logs.count("child_restarted", child: "b") == 1, "\(context)")
        } else {
            let exit = try #require(world.exits.all.first, "\(context)")
            #expect(exit.id == "b", "\(context)")
            #expect(exit.restartType == restart, "\(context)")
            #expect(exit.generation == b.generation, "\(context)")
            #expect(exit.reason == (ending == .crash ? .crashed("boom") : .normal), "\(context)")
            // A temporary child is forgotten; a transient one keeps its spec, stopped.
            if restart == .temporary {
                #expect(children.map(\.id) == ["a", "c"], "\(context)")
            } else {
                #expect(children.map(\.id) == ["a", "b", "c"], "\(context)")
                #expect(children.first { $0.id == "b" }?.state == .stopped, "\(context)")
            }
            #expect(world.logs.count("child_restarted") == 0, "\(context)")
        }

        // OTP reports an end that is a crash, or any end of a permanent child; not a normal end
        // of a child that is not restarted for it.
        let reported = ending == .crash || restart == .permanent
        let terminated = world.logs.events("child_terminated", child: "b")
        #expect(terminated.count == (reported ? 1 : 0), "\(context)")
        if reported {
            #expect(terminated.first?["reason"] as? String == (ending == .crash ? "boom" : "normal"), "\(context)")
            #expect(terminated.first?["restart_type"] as? String == restart.rawValue, "\(context)")
        }

        running.cancel()
        #expect(await running.value == nil, "\(context)")
    }

    @Test func test_oneForAll_temporarySiblingTakenDown_isNotRestarted_andEndsForGood() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(strategy: .oneForAll, children: [
            probe.spec("a"), probe.spec("t", restart: .temporary), probe.spec("c"),
        ])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["a", "t", "c"]))

        try #require(probe.current("c")).crash()
        #expect(await eventually { probe.startCount("a") == 2 && probe.startCount("c") == 2 })
        await supervisor.barrier()

        #expect(probe.startCount("t") == 1)
        #expect(await supervisor.whichChildren().map(\.id) == ["a", "c"])
        let exit = try #require(world.exits.all.first)
        #expect(exit.id == "t")
        #expect(exit.reason == .shutdown)
        running.cancel()
        _ = await running.value
    }

    @Test func test_oneForAll_restartsChildStoppedEarlier_asOTPDoes() async throws {
        let world = Harness()
        let probe = world.probe
        let supervisor = world.supervisor(strategy: .oneForAll, children: [probe.spec("a"), probe.spec("b")])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["a", "b"]))

        try await supervisor.terminateChild("a")
        try #require(probe.current("b")).crash()
        #expect(await eventually { probe.startCount("a") == 2 && probe.startCount("b") == 2 })
        #expect(await supervisor.whichChildren().map(\.state) == [.running, .running])
        running.cancel()
        _ = await running.value
    }
}
