// The seeded generator behind model and property tests, so a failing run replays from its seed.

/// Steele, Lea and Flood's SplitMix64. The helpers below use their own arithmetic rather than
/// the standard library's `random(in:using:)`, whose algorithm may change between toolchains
/// and would silently change what a seed replays.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound` (the modulo bias is irrelevant at test bounds).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "SplitMix64.below(\(bound)) needs a positive bound")
        return Int(next() % UInt64(bound))
    }

    /// True `percent` times in a hundred.
    public mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }
}
