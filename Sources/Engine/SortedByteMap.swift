// An ordered map from byte-string keys to values: the in-memory engine's table for one family.

/// A B-tree of height two: a sorted array of leaves, each a sorted array of entries, found by
/// a binary search over the leaves' first keys and another inside the leaf (the layout of
/// Python's sortedcontainers).
///
/// Why this shape: one flat sorted array moves O(n) entries per insert (at a million keys,
/// ~8 MB of memmove per write); a deeper B-tree or a skip list is more code and more pointer
/// chasing than the sizes this engine serves need (tests and simulations, up to a few million
/// keys). Here an insert or delete moves at most `leafCapacity` entries, plus the leaf array
/// (n / leafCapacity references) on the rare split or merge; a lookup is two binary searches;
/// a scan walks contiguous arrays; and a range delete drops whole leaves at once.
///
/// Invariants (`invariantViolation()` checks them in tests): no leaf is empty; keys strictly
/// increase across the whole map; a leaf holds at most `leafCapacity` entries and, when there
/// is more than one leaf, at least `leafCapacity / 4`.
struct SortedByteMap: Sendable {
    private(set) var leaves: [[KeyValue]] = []
    private(set) var count = 0
    let leafCapacity: Int

    private var minimumLeafCount: Int { leafCapacity / 4 }

    init(leafCapacity: Int = 512) {
        precondition(leafCapacity >= 4, "SortedByteMap leafCapacity \(leafCapacity) is below 4")
        self.leafCapacity = leafCapacity
    }

    /// A place between entries: before entry `index` of leaf `leaf`. Always normalised so
    /// `index` is inside the leaf, or `(leaves.count, 0)` for the end of the map.
    private struct Position: Comparable {
        var leaf: Int
        var index: Int

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.leaf, lhs.index) < (rhs.leaf, rhs.index)
        }
    }

    private var endPosition: Position { Position(leaf: leaves.count, index: 0) }

    func value(for key: [UInt8]) -> [UInt8]? {
        guard let (leaf, index) = slot(for: key) else { return nil }
        guard index < leaves[leaf].count, leaves[leaf][index].key == key else { return nil }
        return leaves[leaf][index].value
    }

    /// Inserts `key` or replaces its value.
    mutating func set(_ value: [UInt8], for key: [UInt8]) {
        guard let (leaf, index) = slot(for: key) else {
            leaves = [[KeyValue(key: key, value: value)]]
            count = 1
            return
        }
        if index < leaves[leaf].count, leaves[leaf][index].key == key {
            leaves[leaf][index].value = value
            return
        }
        leaves[leaf].insert(KeyValue(key: key, value: value), at: index)
        count += 1
        if leaves[leaf].count > leafCapacity { split(leaf) }
    }

    mutating func remove(_ key: [UInt8]) {
        guard let (leaf, index) = slot(for: key) else { return }
        guard index < leaves[leaf].count, leaves[leaf][index].key == key else { return }
        leaves[leaf].remove(at: index)
        count -= 1
        rebalance(leaf)
    }

    /// Removes every key in `[start, end)`; nothing when `start >= end`.
    mutating func removeRange(from start: [UInt8], to end: [UInt8]) {
        guard ByteOrder.precedes(start, end) else { return }
        let first = lowerBound(start)
        let last = lowerBound(end)
        guard first < last else { return }
        if first.leaf == last.leaf {
            leaves[first.leaf].removeSubrange(first.index..<last.index)
            count -= last.index - first.index
            rebalance(first.leaf)
            return
        }
        // The range ends in a later leaf (or at the end of the map): trim the tail of the
        // first leaf and the head of the last, and drop the leaves between whole.
        var removed = leaves[first.leaf].count - first.index
        leaves[first.leaf].removeSubrange(first.index...)
        if last.leaf < leaves.count {
            removed += last.index
            leaves[last.leaf].removeSubrange(..<last.index)
        }
        let middle = (first.leaf + 1)..<last.leaf
        removed += leaves[middle].reduce(0) { $0 + $1.count }
        leaves.removeSubrange(middle)
        count -= removed
        // The two trimmed leaves are now neighbours and either may be under-full or empty.
        if first.leaf + 1 < leaves.count { rebalance(first.leaf + 1) }
        rebalance(first.leaf)
    }

    /// Up to `limit` entries in `[start, end)` (`end` nil: to the last key), ascending, or
    /// descending from the largest key below `end` when `reverse`.
    func entries(from start: [UInt8], to end: [UInt8]?, limit: Int, reverse: Bool) -> [KeyValue] {
        var result: [KeyValue] = []
        guard limit > 0 else { return result }
        if reverse {
            var position = end.map { lowerBound($0) } ?? endPosition
            while result.count < limit, let previous = self.position(before: position) {
                let entry = leaves[previous.leaf][previous.index]
                guard !ByteOrder.precedes(entry.key, start) else { break }
                result.append(entry)
                position = previous
            }
        } else {
            var position = lowerBound(start)
            while result.count < limit, position.leaf < leaves.count {
                let entry = leaves[position.leaf][position.index]
                if let end, !ByteOrder.precedes(entry.key, end) { break }
                result.append(entry)
                position = self.position(after: position)
            }
        }
        return result
    }

    /// A description of the first broken invariant, or nil when the structure is sound.
    func invariantViolation() -> String? {
        var seen = 0
        var previous: [UInt8]?
        for (number, leaf) in leaves.enumerated() {
            if leaf.isEmpty { return "leaf \(number) of \(leaves.count) is empty" }
            if leaf.count > leafCapacity {
                return "leaf \(number) holds \(leaf.count) entries, capacity \(leafCapacity)"
            }
            if leaves.count > 1, leaf.count < minimumLeafCount {
                return "leaf \(number) of \(leaves.count) holds \(leaf.count) entries, minimum \(minimumLeafCount)"
            }
            for entry in leaf {
                if let previous, !ByteOrder.precedes(previous, entry.key) {
                    return "key \(entry.key.hexDescription) in leaf \(number) follows \(previous.hexDescription)"
                }
                previous = entry.key
            }
            seen += leaf.count
        }
        return seen == count ? nil : "count is \(count) but leaves hold \(seen) entries"
    }

    // MARK: - Searching

    /// The leaf where `key` is or would be inserted and the index of the first entry ≥ `key`
    /// in it (possibly the leaf's count); nil when the map is empty.
    private func slot(for key: [UInt8]) -> (leaf: Int, index: Int)? {
        guard !leaves.isEmpty else { return nil }
        let leaf = leafIndex(for: key)
        return (leaf, Self.lowerBound(key, in: leaves[leaf]))
    }

    /// The last leaf whose first key is ≤ `key`, or 0 when `key` precedes every leaf.
    private func leafIndex(for key: [UInt8]) -> Int {
        var low = 0
        var high = leaves.count
        while low < high {
            let middle = low + (high - low) / 2
            if ByteOrder.compare(leaves[middle][0].key, key) <= 0 {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return max(low - 1, 0)
    }

    private static func lowerBound(_ key: [UInt8], in leaf: [KeyValue]) -> Int {
        var low = 0
        var high = leaf.count
        while low < high {
            let middle = low + (high - low) / 2
            if ByteOrder.precedes(leaf[middle].key, key) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// The position of the first entry ≥ `key`.
    private func lowerBound(_ key: [UInt8]) -> Position {
        guard let (leaf, index) = slot(for: key) else { return endPosition }
        return index < leaves[leaf].count ? Position(leaf: leaf, index: index) : Position(leaf: leaf + 1, index: 0)
    }

    private func position(after position: Position) -> Position {
        position.index + 1 < leaves[position.leaf].count
            ? Position(leaf: position.leaf, index: position.index + 1)
            : Position(leaf: position.leaf + 1, index: 0)
    }

    private func position(before position: Position) -> Position? {
        if position.index > 0 { return Position(leaf: position.leaf, index: position.index - 1) }
        guard position.leaf > 0 else { return nil }
        return Position(leaf: position.leaf - 1, index: leaves[position.leaf - 1].count - 1)
    }

    // MARK: - Keeping leaves within bounds

    private mutating func split(_ leaf: Int) {
        let half = leaves[leaf].count / 2
        let upper = Array(leaves[leaf][half...])
        leaves[leaf].removeSubrange(half...)
        leaves.insert(upper, at: leaf + 1)
    }

    /// Restores the bounds at `leaf` after removals from it: an empty leaf goes; an under-full
    /// one merges into a neighbour (the right one, or the left for the last leaf), and the
    /// merged leaf splits again if it overflows — both halves then hold at least half the
    /// capacity. Each merge removes a leaf, so the loop ends.
    private mutating func rebalance(_ start: Int) {
        var leaf = start
        while leaf < leaves.count {
            if leaves[leaf].isEmpty {
                leaves.remove(at: leaf)
                return
            }
            guard leaves.count > 1, leaves[leaf].count < minimumLeafCount else { return }
            let left = leaf + 1 < leaves.count ? leaf : leaf - 1
            let moved = leaves.remove(at: left + 1)
            leaves[left].append(contentsOf: moved)
            if leaves[left].count > leafCapacity {
                split(left)
                return
            }
            leaf = left
        }
    }
}
