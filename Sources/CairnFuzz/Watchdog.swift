// A hang is a finding too: stop the run when one input takes far too long.
import Foundation

enum Watchdog {
    /// Checks every second from a thread of its own; exits with status 3 naming the input when
    /// the same one has been running for `limitSeconds`.
    static func start(limitSeconds: Int) {
        let thread = Thread {
            var watched = -2
            var since = ContinuousClock.now
            while true {
                Thread.sleep(forTimeInterval: 1)
                let index = CrashReporter.currentInput.load(ordering: .relaxed)
                if index != watched {
                    watched = index
                    since = .now
                } else if ContinuousClock.now - since > .seconds(limitSeconds) {
                    printLine("cairn-fuzz: input #\(index) has run for more than \(limitSeconds) s (a hang?); replay it with --start \(index) --iterations 1 --print-inputs")
                    exit(3)
                }
            }
        }
        thread.name = "cairn-fuzz-watchdog"
        thread.start()
    }
}
