// One entry a scan returns.

/// A struct rather than a `(key:, value:)` tuple so scan results compare with `==` and can be
/// stored in sets and dictionaries.
public struct KeyValue: Sendable, Hashable, CustomStringConvertible {
    public var key: [UInt8]
    public var value: [UInt8]

    public init(key: [UInt8], value: [UInt8]) {
        self.key = key
        self.value = value
    }

    public var description: String { "\(key.hexDescription)=\(value.hexDescription)" }
}

extension [UInt8] {
    /// Lowercase hex, so failing tests show keys with bytes ≥ 0x80 exactly.
    var hexDescription: String {
        let digits = [Character]("0123456789abcdef")
        var text = "0x"
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
