// A short fuzz run in CI (the long one is `make fuzz`), and proof that its checks can fail.
import Fuzzing
import RESP
import Store
import Testing

@Suite struct FuzzRunTests {
    @Test func test_twentyThousandSeededInputs_crashNothing_andEveryReplyIsWellFormed() async throws {
        let store = try FuzzStore()
        let target = FuzzTarget(store: store)
        var report = FuzzReport()
        await target.run(seed: 0x5EED_CA1B, inputs: 0..<20_000, report: &report)
        await store.shutdown()
        #expect(report.failureCount == 0, "\(report.failures.map(\.description).joined(separator: "\n"))")
        // The inputs reach every layer: the parser's errors, session commands and the store.
        #expect(report.inputs == 20_000)
        #expect(report.protocolErrors > 1000)
        #expect(report.dataCommands > 10_000)
        #expect(report.errorReplies > 1000)
        for name in target.catalog.commands.map(\.spec.name) {
            #expect(report.commandsByName[name, default: 0] > 100, "\(name) was fuzzed only \(report.commandsByName[name, default: 0]) times")
        }
        #expect(report.commandsByName["(unknown)", default: 0] > 100)
    }

    @Test func test_aCommandWithMalformedReplies_isReported() async throws {
        // Negative control: replies the encoder writes faithfully but RESP does not allow.
        let broken = [
            CommandEntry(spec: CommandSpec("brokenbig", arity: -1, flags: [.fast], summary: "A big number that is not digits")) { _, _ in
                .bigNumber("12x")
            },
            CommandEntry(spec: CommandSpec("brokenerror", arity: -1, flags: [.fast], summary: "An error without a code")) { _, _ in
                .error("something went wrong")
            },
        ]
        let store = try FuzzStore(entries: CommandCatalog.nodeEntries + broken)
        let target = FuzzTarget(store: store)
        var report = FuzzReport()
        await target.run(seed: 7, inputs: 0..<3000, report: &report)
        await store.shutdown()
        #expect(report.failureCount > 10)
        let problems = report.failures.map(\.problem)
        #expect(problems.allSatisfy { $0.contains("malformed") && $0.lowercased().contains("broken") }, "\(problems)")
        #expect(problems.contains { $0.contains("big number that is not digits") })
        #expect(problems.contains { $0.contains("error without an upper-case code") })
    }

    @Test func test_inputs_replayFromSeedAndIndexAlone() throws {
        let catalog = CommandCatalog(CommandTable(CommandCatalog.nodeEntries))
        for index in [0, 1, 17, 999_999] {
            let first = FuzzInput.generate(seed: 42, index: index, catalog: catalog)
            let again = FuzzInput.generate(seed: 42, index: index, catalog: catalog)
            #expect(first.bytes == again.bytes && first.cuts == again.cuts && first.kind == again.kind)
        }
        let distinct = Set((0..<200).map { FuzzInput.generate(seed: 42, index: $0, catalog: catalog).bytes })
        #expect(distinct.count > 190)
        let kinds = Set((0..<200).map { FuzzInput.generate(seed: 42, index: $0, catalog: catalog).kind })
        #expect(kinds == Set(FuzzInput.Kind.allCases))
    }
}
