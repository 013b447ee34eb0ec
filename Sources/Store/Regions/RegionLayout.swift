// Which region owns each slot: the slot table the router reads on every command (DESIGN §5).
import RESP

public struct RegionLayout: Sendable {
    public let regions: [RegionDescriptor]
    /// Slot → index into `regions`: a lookup, never a search, on the hot path.
    private let owner: [Int]

    /// `count` regions of (nearly) equal slot ranges covering every slot, ids 1…count.
    /// The count is clamped to 1…16384, since a slot is never divided.
    public static func initial(count: Int) -> RegionLayout {
        let count = min(max(count, 1), KeySlot.count)
        let regions = (0..<count).map { index in
            RegionDescriptor(id: index + 1, slots: (index * KeySlot.count / count)..<((index + 1) * KeySlot.count / count))
        }
        return RegionLayout(regions: regions)
    }

    /// `regions` must cover 0..<16384 without overlap, in slot order.
    init(regions: [RegionDescriptor]) {
        self.regions = regions
        var owner = [Int](repeating: 0, count: KeySlot.count)
        for (index, region) in regions.enumerated() {
            for slot in region.slots where slot >= 0 && slot < KeySlot.count { owner[slot] = index }
        }
        self.owner = owner
    }

    public func region(forSlot slot: Int) -> RegionDescriptor {
        regions[owner[min(max(slot, 0), KeySlot.count - 1)]]
    }
}
