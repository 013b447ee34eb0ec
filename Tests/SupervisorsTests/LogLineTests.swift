// Supervisor log lines: one JSON object each, with every DESIGN §4 key, numbers as numbers, levels per event.

import Foundation
import Supervisors
import TestSupport
import Testing

@Suite struct LogLineTests {
    static let keys: Set<String> = [
        "ts", "level", "node", "component", "msg",
        "supervisor", "child", "event", "reason", "restart_type", "restarts", "intensity", "period_s",
    ]

    static let levels: [String: String] = [
        "child_started": "info", "child_terminated": "warning", "child_restarted": "warning",
        "start_error": "error", "shutdown_timeout": "error", "restart_intensity_exceeded": "error",
        "escalated": "error", "shutdown": "info", "node_giving_up": "error",
    ]

    /// Drives one tree through every event DESIGN §4 lists, then checks every line.
    @Test func test_everyEvent_isOneJSONObject_withAllKeys_andTheRightLevel() async throws {
        let world = Harness()
        let probe = world.probe
        probe.failStarts("flaky", times: 1)
        let root = world.supervisor(intensity: RestartIntensity(intensity: 2, period: .seconds(5)), children: [
            probe.spec("stubborn", shutdown: .timeout(.milliseconds(500)), onCancel: .ignore),
            probe.spec("flaky"),
            .supervisor(id: "sub", intensity: RestartIntensity(intensity: 0, period: .milliseconds(1500)),
                        children: [probe.spec("w")]),
        ])
        let running = Task { await RootSupervisor.run(root) }
        #expect(await world.waitForStarts(["stubborn", "flaky", "w"]))

        // A crash of w: sub gives up at once (intensity 0), root escalates and restarts sub.
        try #require(probe.current("w")).crash("w failed")
        #expect(await eventually { probe.startCount("w") == 2 })
        // Another: root's restarts reach 3 > 2 (the start retry of flaky was the first), so root gives up.
        try #require(probe.current("w")).crash("w failed again")
        // Root stops its children in reverse: sub (ended), flaky, then stubborn, which ignores
        // cancellation; its timeout is the only timer once it has been told to stop.
        #expect(await eventually { probe.notes.contains("ignore stubborn") && world.clock.pendingTimerCount == 1 })
        world.clock.advance(by: .milliseconds(500))
        let exit = await running.value
        #expect(exit.exitCode == 1)
        probe.current("stubborn")?.finish()

        let lines = world.logs.lines
        for line in lines {
            #expect(!line.contains("\n"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            #expect(Set(object.keys) == Self.keys, "\(line)")
            #expect(object["component"] as? String == "supervisor")
            #expect(object["node"] as? String == "n1")
            let event = try #require(object["event"] as? String)
            #expect(object["level"] as? String == Self.levels[event], "\(line)")
            // Numbers are JSON numbers, not strings.
            #expect(object["restarts"] is Int, "\(line)")
            #expect(object["intensity"] is Int, "\(line)")
            #expect(object["period_s"] is NSNumber && !(object["period_s"] is String), "\(line)")
            #expect(object["supervisor"] is String && object["child"] is String && object["reason"] is String)
        }
        #expect(Set(world.logs.eventNames) == Set(Self.levels.keys).subtracting(["shutdown"]))
        #expect(world.logs.eventNames.last == "node_giving_up")
        // A fractional period prints as a JSON fraction.
        let subLine = try #require(world.logs.events("restart_intensity_exceeded", supervisor: "sub").first)
        #expect(subLine["period_s"] as? Double == 1.5)
        #expect(lines.contains { $0.contains(#""period_s":1.5"#) })
    }

    @Test func test_shutdownLine_hasEmptyChildAndReason() async throws {
        let world = Harness()
        let supervisor = world.supervisor(path: "metrics", children: [world.probe.spec("http")])
        let running = world.launch(supervisor)
        #expect(await world.waitForStarts(["http"]))
        running.cancel()
        _ = await running.value
        let line = try #require(world.logs.lines.last)
        #expect(line.hasSuffix(#""child":"","event":"shutdown","intensity":3,"period_s":5,"reason":"","restart_type":"","restarts":0,"supervisor":"metrics"}"#))
        #expect(line.contains(#""msg":"supervisor shut down""#))
    }
}
