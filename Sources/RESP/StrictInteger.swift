// Reads an integer with the rules of Redis's `string2ll`: request headers, CONFIG SET values, key counts.

public enum StrictInteger {
    /// The value of `digits` when it is exactly a signed 64-bit decimal number: an optional `-`,
    /// then `0` alone or a digit 1–9 followed by digits. No `+`, no spaces, no leading zeros,
    /// no `-0`, nothing after the digits, no overflow — otherwise nil. Redis accepts the same
    /// and no more, so `*03` and `$-0` are protocol errors here as there.
    public static func parse(_ digits: [UInt8]) -> Int64? {
        parse(digits[...])
    }

    public static func parse(_ digits: ArraySlice<UInt8>) -> Int64? {
        guard let first = digits.first else { return nil }
        if digits.count == 1 && first == UInt8(ascii: "0") { return 0 }

        var index = digits.startIndex
        let isNegative = first == UInt8(ascii: "-")
        if isNegative { index += 1 }
        guard index < digits.endIndex,
              digits[index] >= UInt8(ascii: "1"), digits[index] <= UInt8(ascii: "9")
        else { return nil }

        var magnitude: UInt64 = 0
        while index < digits.endIndex {
            let byte = digits[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflowed) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflowed else { return nil }
            let (sum, overflowedSum) = times10.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
            guard !overflowedSum else { return nil }
            magnitude = sum
            index += 1
        }

        if isNegative {
            // Int64.min's magnitude is one more than Int64.max.
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }
}
