// The reason one configuration value was refused, before the loader knows its key and source.

/// Thrown by the value parsers (`ByteSize`, `DurationSyntax`, `ListenAddress`, …).
/// It carries only what was expected; the loader adds the key path, the offending text and
/// where it came from, so every message the user sees has the same shape.
public struct ConfigValueError: Error, Sendable, Equatable {
    /// What would have been accepted, phrased to follow "expected": "an integer ≥ 1".
    public let expected: String

    /// The part of a list value that was refused, when not the whole value.
    public let item: String?

    public init(expected: String, item: String? = nil) {
        self.expected = expected
        self.item = item
    }
}
