// Helpers over the runtime's seeded generator for model and property tests.
public import Runtime

extension SplitMix64 {
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
