// Reading a SCAN cursor as Redis 7.0's `parseScanCursorOrReply` does (C's `strtoul`, base 10).

enum ScanCursorSyntax {
    /// The cursor, or nil for Redis's `invalid cursor`. Like `strtoul` on a C string: bytes
    /// after a NUL are not seen, an optional `+` or `-` (which negates modulo 2^64) precedes
    /// the digits, a value past 2^64-1 is out of range, and the empty string is 0. Redis
    /// refuses a leading space itself and anything after the digits.
    static func parse(_ argument: [UInt8]) -> UInt64? {
        let text = argument.prefix { $0 != 0 }
        guard let first = text.first else { return 0 }
        guard !isCSpace(first) else { return nil }
        var digits = text[...]
        let negative = first == UInt8(ascii: "-")
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow, !overflowSum else { return nil }
            value = sum
        }
        return negative ? 0 &- value : value
    }

    /// C's `isspace` in the C locale.
    private static func isCSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 9 && byte <= 13)
    }
}
