// Picking a random live key of one region without counting its keys one by one.
import RESP

/// The engine has no rank lookup, so a random position cannot be reached directly. Instead:
/// pick a slot of the region at random and read its keys; accept the slot with probability
/// (live keys in it) / `slotBound`, and then one of its keys uniformly. Every key of a slot
/// holding at most `slotBound` keys is then equally likely. A slot holding more is always
/// accepted, so its keys are less likely than others by `slotBound / its keys` (a listed
/// divergence: a heavily used hash tag is under-sampled), and when no attempt is accepted
/// the first non-empty slot from a random one is used, so a key is found whenever one lives.
/// Small regions are simply read whole.
struct RandomKeySampler {
    /// Regions with at most this many stored keys are read whole and picked from uniformly.
    static let smallRegion = 1024
    /// Keys read from one slot at most: a hot hash-tag slot is sampled among its first ones.
    static let slotReadLimit = 65536
    static let attempts = 64

    let region: RegionDescriptor
    let data: KeyspaceRead
    /// Stored keys of the region, expired ones included (the region's count).
    let keyCount: Int

    func pick<Generator: RandomNumberGenerator>(using generator: inout Generator) throws -> [UInt8]? {
        guard keyCount > 0, !region.slots.isEmpty else { return nil }
        if keyCount <= Self.smallRegion {
            let whole = try data.liveKeys(from: region.startKey, to: region.endKey, limit: Self.smallRegion + 1)
            if whole.examined <= Self.smallRegion {
                return whole.keys.randomElement(using: &generator)?.key
            }
        }
        // Twice the mean keys per slot: most slots fit under it, and attempts stay few.
        let perSlot = (keyCount + region.slots.count - 1) / region.slots.count
        let slotBound = min(max(2 * perSlot, 1), Self.slotReadLimit)
        for _ in 0..<Self.attempts {
            let slot = Int.random(in: region.slots, using: &generator)
            let keys = try liveKeys(ofSlot: slot)
            guard !keys.isEmpty else { continue }
            let draw = Int.random(in: 0..<max(slotBound, keys.count), using: &generator)
            if draw < keys.count { return keys[draw] }
        }
        return try firstLiveSlotKey(from: Int.random(in: region.slots, using: &generator), using: &generator)
    }

    private func liveKeys(ofSlot slot: Int) throws -> [[UInt8]] {
        try data.liveKeys(from: StoredKey.slotStart(slot), to: StoredKey.slotStart(slot + 1), limit: Self.slotReadLimit).keys.map(\.key)
    }

    /// A random key of the first slot at or after `slot` (wrapping around the region) with a
    /// live key.
    private func firstLiveSlotKey<Generator: RandomNumberGenerator>(from slot: Int, using generator: inout Generator) throws -> [UInt8]? {
        let ranges = [(StoredKey.slotStart(slot), region.endKey), (region.startKey, StoredKey.slotStart(slot))]
        for (start, end) in ranges {
            var next: [UInt8]? = start
            while let from = next {
                let page = try data.liveKeys(from: from, to: end, limit: 1024)
                if let first = page.keys.first {
                    return try liveKeys(ofSlot: KeySlot.of(first.key)).randomElement(using: &generator)
                }
                next = page.examined < 1024 ? nil : page.lastExamined.map { $0 + [0] }
            }
        }
        return nil
    }
}
