// Scores as Redis 7.0 reads them (`getDoubleFromObject`: strtod over the whole argument, no
// leading space, no overflow to ±inf or underflow to 0, never NaN) and orders them.
import RESP

enum SortedSetScore {
    static let notAFloat = RESPValue.error("ERR value is not a valid float")
    static let notANumber = RESPValue.error("ERR resulting score is not a number (NaN)")

    static func parse(_ argument: [UInt8]) -> Double? {
        guard let first = argument.first, !isSpace(first), !argument.contains(0) else { return nil }
        guard let text = String(validating: argument, as: UTF8.self), let value = Double(text), !value.isNaN else { return nil }
        let lowered = text.lowercased()
        // strtod's ERANGE: a finite spelling that overflowed, or a nonzero one that underflowed to 0.
        if value.isInfinite && !lowered.contains("inf") { return nil }
        if value == 0 && mantissaHasNonzeroDigit(lowered) { return nil }
        return value
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func mantissaHasNonzeroDigit(_ lowered: String) -> Bool {
        if lowered.contains("0x") {
            let mantissa = lowered.split(separator: "p", maxSplits: 1).first ?? ""
            return mantissa.dropFirst(mantissa.hasPrefix("-") || mantissa.hasPrefix("+") ? 3 : 2).contains { $0.isHexDigit && $0 != "0" }
        }
        let mantissa = lowered.split(separator: "e", maxSplits: 1).first ?? ""
        return mantissa.contains { ("1"..."9").contains($0) }
    }

    /// Redis's order: by score, then by member bytes.
    static func precedes(_ left: (member: [UInt8], score: Double), _ right: (member: [UInt8], score: Double)) -> Bool {
        if left.score != right.score { return left.score < right.score }
        return left.member.lexicographicallyPrecedes(right.member)
    }
}
