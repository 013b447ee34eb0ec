// A region: an id and the contiguous range of whole slots it owns (DESIGN §5).

public struct RegionDescriptor: Sendable, Equatable {
    /// Data regions are numbered from 1; 0 is PD's group.
    public let id: Int
    public let slots: Range<Int>

    public init(id: Int, slots: Range<Int>) {
        self.id = id
        self.slots = slots
    }

    public var startKey: [UInt8] { StoredKey.slotStart(slots.lowerBound) }
    public var endKey: [UInt8] { StoredKey.slotStart(slots.upperBound) }
}
