// InMemoryEngine against the reference model over many seeds.

import Testing
@testable import Engine

@Suite struct InMemoryEngineModelTests {
    /// To replay a failure, add the seed the failure message prints to this list.
    static let seeds: [UInt64] = [1, 2, 3, 42, 0xDEAD_BEEF, 0x5EED_0000_0000_0007]

    @Test(arguments: seeds)
    func test_randomBatches_shouldMatchReferenceModel(seed: UInt64) throws {
        let engine = InMemoryEngine()
        let divergence = try EngineModelCheck(seed: seed, steps: 300).run(on: engine)
        #expect(divergence == nil)
    }

    @Test(arguments: seeds)
    func test_randomBatchesOverTinyLeaves_shouldMatchReferenceModel_andKeepInvariants(seed: UInt64) throws {
        let engine = InMemoryEngine(leafCapacity: 4)
        let divergence = try EngineModelCheck(seed: seed, steps: 300).run(on: engine)
        #expect(divergence == nil)
        #expect(engine.invariantViolation() == nil)
    }
}
