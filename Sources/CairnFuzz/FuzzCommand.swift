// `cairn-fuzz`: a long seeded property-based run over the RESP parser and the command layer.
import ArgumentParser
import Foundation
import Fuzzing

@main
struct FuzzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cairn-fuzz",
        abstract: "Feed the RESP parser and the command layer seeded random and mutated requests.",
        discussion: "Every reply must be one well-formed RESP value in its connection's protocol, the store must "
            + "never fail, and the parser must read the same commands however the bytes are cut. A crash prints the "
            + "input's index; replay it alone with --start INDEX --iterations 1 --print-inputs, or from the "
            + "beginning (the store keeps data between inputs).")

    @Option(help: "How many inputs to run.")
    var iterations = 1_000_000

    @Option(help: "The run's seed; the same seed generates the same inputs.")
    var seed: UInt64 = 1

    @Option(help: "The index of the first input (to replay part of a run).")
    var start = 0

    @Option(help: "Print a progress line every this many inputs.")
    var progressEvery = 500_000

    @Option(help: "Give up when one input runs longer than this many seconds (a hang).")
    var watchdogSeconds = 120

    @Flag(help: "Print every input before running it.")
    var printInputs = false

    func validate() throws {
        guard iterations >= 0, start >= 0, progressEvery > 0, watchdogSeconds > 0 else {
            throw ValidationError("--iterations and --start must not be negative; --progress-every and --watchdog-seconds must be positive")
        }
        guard start <= Int.max - iterations else { throw ValidationError("--start + --iterations overflows") }
    }

    func run() async throws {
        CrashReporter.install(seed: seed)
        Watchdog.start(limitSeconds: watchdogSeconds)
        let store = try FuzzStore()
        let target = FuzzTarget(store: store)
        let began = ContinuousClock.now
        let (seed, start, iterations, progressEvery, printInputs) = (self.seed, self.start, self.iterations, self.progressEvery, self.printInputs)
        printLine("cairn-fuzz: seed \(seed), inputs \(start)..<\(start + iterations), \(target.catalog.commands.count) commands in the table")
        // On the loop the regions are pinned to, as sessions run on theirs: a region call stays
        // on this thread, and nothing hops through the main actor.
        let report = await Task(executorPreference: store.loops.loops[0]) { () -> FuzzReport in
            var report = FuzzReport()
            var next = start
            let end = start + iterations
            while next < end {
                let batchEnd = min(end, next + progressEvery)
                await target.run(seed: seed, inputs: next..<batchEnd, report: &report) { index in
                    CrashReporter.currentInput.store(index, ordering: .relaxed)
                    if printInputs { printLine(FuzzInput.generate(seed: seed, index: index, catalog: target.catalog).description) }
                }
                next = batchEnd
                let seconds = (ContinuousClock.now - began).components.seconds
                printLine("cairn-fuzz: \(report.inputs) inputs, \(report.commands) commands, \(report.failureCount) failures, \(seconds) s")
            }
            return report
        }.value
        await store.shutdown()
        let elapsed = ContinuousClock.now - began
        printLine("cairn-fuzz: done in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1))))")
        printLine(report.summary)
        for failure in report.failures { printLine("FAILURE: \(failure)") }
        if report.failureCount > 0 { throw ExitCode(1) }
    }
}

/// Progress and results go to stdout unbuffered, so a crash loses none of them. A reader that
/// went away (`| head`) costs the output, not the run.
func printLine(_ text: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
}
