// The contracts every StorageEngine keeps, as one suite each engine runs (tikv's engine_traits_tests).

import Engine
import Testing

/// One case per contract of `StorageEngine`, so a report names the contract an engine broke.
/// Checks use only the public API and get a fresh engine from the factory. An engine's tests
/// run every case:
///
///     @Test(arguments: EngineContract.allCases)
///     func test_someEngine_shouldKeepContract(_ contract: EngineContract) async throws {
///         try await contract.check { try SomeEngine(...) }
///     }
enum EngineContract: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case pointGetSeesLatestWrite
    case emptyKeyIsAKey
    case keysOrderAsUnsignedBytes
    case scanStartIsInclusiveAndEndExclusive
    case reverseScanDescendsWithinRange
    case scanStopsAtLimit
    case emptyOrInvertedRangeScansNothing
    case batchOperationsApplyInOrder
    case deleteRangeRemovesHalfOpenRange
    case columnFamiliesAreIsolated
    case multiGetAnswersInOrderWithNilForMissingKeys
    case snapshotHidesLaterWrites
    case prefixScanStaysWithinPrefix
    case flushKeepsDataAndSequences
    case sequenceGrowsWithEveryBatch
    case syncWALCoversEveryEarlierWrite
    case concurrentWritersKeepBatchesAtomic
    case matchesReferenceModel

    var testDescription: String { rawValue }

    func check<TestedEngine: StorageEngine>(_ makeEngine: () throws -> TestedEngine) async throws {
        let engine = try makeEngine()
        switch self {
        case .pointGetSeesLatestWrite: try Self.checkPointGetSeesLatestWrite(engine)
        case .emptyKeyIsAKey: try Self.checkEmptyKeyIsAKey(engine)
        case .keysOrderAsUnsignedBytes: try Self.checkKeysOrderAsUnsignedBytes(engine)
        case .scanStartIsInclusiveAndEndExclusive: try Self.checkScanBounds(engine)
        case .reverseScanDescendsWithinRange: try Self.checkReverseScan(engine)
        case .scanStopsAtLimit: try Self.checkScanLimit(engine)
        case .emptyOrInvertedRangeScansNothing: try Self.checkEmptyAndInvertedRanges(engine)
        case .batchOperationsApplyInOrder: try Self.checkBatchOrder(engine)
        case .deleteRangeRemovesHalfOpenRange: try Self.checkDeleteRange(engine)
        case .columnFamiliesAreIsolated: try Self.checkFamilyIsolation(engine)
        case .multiGetAnswersInOrderWithNilForMissingKeys: try Self.checkMultiGet(engine)
        case .snapshotHidesLaterWrites: try Self.checkSnapshotIsolation(engine)
        case .prefixScanStaysWithinPrefix: try Self.checkPrefixScan(engine)
        case .flushKeepsDataAndSequences: try Self.checkFlushKeepsData(engine)
        case .sequenceGrowsWithEveryBatch: try Self.checkSequenceGrowth(engine)
        case .syncWALCoversEveryEarlierWrite: try Self.checkSyncWAL(engine)
        case .concurrentWritersKeepBatchesAtomic: try await Self.checkConcurrentAtomicity(engine)
        case .matchesReferenceModel:
            let seed: UInt64 = 0xCA1B_5EED
            let divergence = try EngineModelCheck(seed: seed, steps: 150).run(on: engine)
            #expect(divergence == nil, "replay: EngineModelCheck(seed: \(seed), steps: 150)")
        }
    }
}
