// The in-memory engine's sorted table: contents against a dictionary, and its leaf invariants.

import Runtime
import TestSupport
import Testing
@testable import Engine

@Suite struct SortedByteMapTests {
    /// Big-endian two-byte keys, so numeric order is byte order.
    private func key(_ number: Int) -> [UInt8] {
        [UInt8(number >> 8), UInt8(number & 0xFF)]
    }

    private func keys(_ map: SortedByteMap) -> [[UInt8]] {
        map.entries(from: [], to: nil, limit: .max, reverse: false).map(\.key)
    }

    @Test func test_ascendingInserts_shouldSplitLeavesAndKeepOrder() {
        var map = SortedByteMap(leafCapacity: 8)
        for number in 0..<1000 { map.set(key(number), for: key(number)) }
        #expect(map.invariantViolation() == nil)
        #expect(map.count == 1000)
        #expect(map.leaves.count > 100)
        #expect(keys(map) == (0..<1000).map(key))
        #expect(map.value(for: key(999)) == key(999))
        #expect(map.value(for: key(1000)) == nil)
    }

    @Test func test_removingEveryOtherThenAll_shouldMergeLeavesDownToEmpty() {
        var map = SortedByteMap(leafCapacity: 8)
        for number in 0..<500 { map.set([], for: key(number)) }
        for number in stride(from: 0, to: 500, by: 2) {
            map.remove(key(number))
            #expect(map.invariantViolation() == nil)
        }
        #expect(keys(map) == stride(from: 1, to: 500, by: 2).map(key))
        for number in stride(from: 499, through: 1, by: -2) { map.remove(key(number)) }
        #expect(map.invariantViolation() == nil)
        #expect(map.count == 0)
        #expect(map.leaves.isEmpty)
    }

    @Test func test_removeRangeAcrossManyLeaves_shouldDropThemAndRebalanceTheEdges() {
        var map = SortedByteMap(leafCapacity: 8)
        for number in 0..<300 { map.set([], for: key(number)) }
        // Ends mid-leaf on both sides, so both edge leaves are trimmed.
        map.removeRange(from: key(13), to: key(287))
        #expect(map.invariantViolation() == nil)
        #expect(keys(map) == (Array(0..<13) + Array(287..<300)).map(key))
        // Everything from the empty key to past the end.
        map.removeRange(from: [], to: [0xFF, 0xFF, 0xFF])
        #expect(map.invariantViolation() == nil)
        #expect(map.count == 0)
    }

    @Test func test_replacingAValue_shouldKeepCount() {
        var map = SortedByteMap()
        map.set([1], for: [0x80])
        map.set([2], for: [0x80])
        #expect(map.count == 1)
        #expect(map.value(for: [0x80]) == [2])
    }

    /// Random sets, removes and range removes against a dictionary, invariants after each.
    @Test(arguments: [UInt64(7), 8, 9])
    func test_randomOperations_shouldMatchDictionary_andKeepInvariants(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var map = SortedByteMap(leafCapacity: 4)
        var model: [[UInt8]: [UInt8]] = [:]
        for step in 0..<3000 {
            let first = key(random.below(400))
            switch random.below(10) {
            case 0..<6:
                let value = [UInt8(truncatingIfNeeded: step)]
                map.set(value, for: first)
                model[first] = value
            case 6..<9:
                map.remove(first)
                model[first] = nil
            default:
                let second = key(random.below(400))
                map.removeRange(from: first, to: second)
                model = model.filter { $0.key.lexicographicallyPrecedes(first) || !$0.key.lexicographicallyPrecedes(second) }
            }
            if let violation = map.invariantViolation() {
                Issue.record("seed \(seed) step \(step): \(violation)")
                return
            }
            let expected = model.map { KeyValue(key: $0.key, value: $0.value) }
                .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            guard map.entries(from: [], to: nil, limit: .max, reverse: false) == expected else {
                Issue.record("seed \(seed) step \(step): contents differ from the dictionary")
                return
            }
        }
    }
}
