// Hands out child generations: one number per child start, increasing across the whole tree.

import Synchronization

/// A resource shared by successive runs of a child (a region's writes, a listener's loop slot)
/// remembers the newest generation it has seen and refuses older ones, because a child that was
/// abandoned after its shutdown timeout may still be running. One source serves a whole tree (by
/// default the whole process), so that a restarted subtree's children never reuse a number that
/// an abandoned child of its previous incarnation still holds.
public final class GenerationSource: Sendable {
    private let last: Atomic<UInt64>

    /// The first generation handed out is `after + 1`.
    public init(after: UInt64 = 0) {
        last = Atomic(after)
    }

    /// The source every supervisor uses unless told otherwise.
    public static let process = GenerationSource()

    public func next() -> UInt64 {
        last.add(1, ordering: .relaxed).newValue
    }
}
