// The production defaults — system clock and task timers — with real waiting bounded by polling.

import Logging
import Runtime
import Supervisors
import TestSupport
import Testing

@Suite struct RealTimeTests {
    @Test func test_taskTimer_fires_andACancelledOneNeverDoes() async {
        let timers = TaskTimerScheduler()
        let fired = Recorder<String>()
        let cancelled = timers.scheduleTimer(after: .milliseconds(20), repeating: nil) { fired.append("cancelled") }
        cancelled.cancel()
        timers.scheduleTimer(after: .milliseconds(40), repeating: nil) { fired.append("kept") }
        #expect(await eventually { fired.all.contains("kept") })
        #expect(fired.all == ["kept"])
    }

    @Test func test_taskTimer_repeats_untilCancelled() async {
        let timers = TaskTimerScheduler()
        let fired = Recorder<Int>()
        let timer = timers.scheduleTimer(after: .milliseconds(1), repeating: .milliseconds(1)) { fired.append(1) }
        #expect(await eventually { fired.all.count >= 3 })
        timer.cancel()
    }

    /// A stubborn child under the default environment is abandoned after its (short, real) timeout.
    @Test func test_defaultEnvironment_abandonsAChildIgnoringCancellation() async throws {
        let logs = LogCapture()
        let probe = Probe()
        let supervisor = Supervisor(
            children: [probe.spec("stubborn", shutdown: .timeout(.milliseconds(20)), onCancel: .ignore)],
            environment: SupervisorEnvironment(generations: GenerationSource()), logger: logs.logger)
        let running = Task { try await supervisor.run() }
        #expect(await eventually { probe.startCount("stubborn") == 1 })
        running.cancel()
        try await running.value
        #expect(logs.count("shutdown_timeout", child: "stubborn") == 1)
        #expect(probe.current("stubborn")?.hasEnded == false)
        probe.current("stubborn")?.finish()
    }

    @Test func test_gaveUpDescription_readsAsAChainDownToTheFirstFailure() {
        let inner = SupervisorGaveUp(supervisor: "store.regions.region-7", child: "raft", reason: "disk full",
                                     escalatedFrom: nil, intensity: 5, period: .seconds(30), restarts: 6)
        let outer = SupervisorGaveUp(supervisor: "", child: "store", reason: inner.description,
                                     escalatedFrom: inner, intensity: 3, period: .milliseconds(2500), restarts: 4)
        #expect(inner.description
            == "supervisor 'store.regions.region-7' gave up: 6 restarts within 30 s exceed its intensity 5; child 'raft': disk full")
        #expect(outer.description.hasPrefix("supervisor (root) gave up: 4 restarts within 2.5 s exceed its intensity 3; child 'store': supervisor 'store.regions.region-7'"))
        #expect(outer.chain == ["", "store.regions.region-7"])
        #expect(outer.rootReason == "disk full")
    }
}
