// Reading a `long double` as Redis 7.0's `string2ld` does: glibc's `strtold`, then Redis's checks.

extension ExtendedDouble {
    /// Redis's `MAX_LONG_DOUBLE_CHARS`: `string2ld` refuses texts this long or longer.
    public static let maximumTextLength = 5 * 1024

    /// A decimal exponent this large already puts any value of at most `maximumTextLength`
    /// digits far outside the format, so larger ones can be clamped to it while reading.
    private static let exponentClamp = 1_000_000

    /// The value of `text` when all of it is a number `strtold` reads — decimal, hexadecimal
    /// (`0x1.8p3`) or `inf`/`infinity`, with an optional sign — rounded to nearest as glibc
    /// rounds. Nil, as `string2ld` refuses them, for leading space, anything left unread
    /// (including a NUL), NaN, and a value out of range: one that overflows to infinity, or a
    /// nonzero one that rounds to zero. Subnormal results are accepted.
    public static func parse(_ text: [UInt8]) -> ExtendedDouble? {
        guard !text.isEmpty, text.count < maximumTextLength else { return nil }
        var index = text.startIndex
        let negative = text[index] == UInt8(ascii: "-")
        if negative || text[index] == UInt8(ascii: "+") { index += 1 }
        let body = text[index...].map(lowercased)
        if body == Array("inf".utf8) || body == Array("infinity".utf8) {
            return ExtendedDouble(isNegative: negative, magnitude: .infinity)
        }
        let parsed: ExtendedDouble?
        if body.starts(with: Array("0x".utf8)), let hex = parseHexadecimal(body.dropFirst(2), negative: negative) {
            parsed = hex
        } else {
            // `strtold` reads "0x" without hex digits as 0 followed by junk: refused below too.
            parsed = parseDecimal(body[...], negative: negative)
        }
        guard let parsed, parsed.isFinite else { return nil }
        return parsed
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func decimalDigit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        if let digit = decimalDigit(byte) { return digit }
        return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f") ? Int(byte - UInt8(ascii: "a")) + 10 : nil
    }

    /// An exponent (`e`/`p` already consumed): optional sign and at least one digit, the whole
    /// rest of the text; clamped, since only its order of magnitude can matter.
    private static func parseExponent(_ text: ArraySlice<UInt8>) -> Int? {
        var index = text.startIndex
        guard index < text.endIndex else { return nil }
        let negative = text[index] == UInt8(ascii: "-")
        if negative || text[index] == UInt8(ascii: "+") { index += 1 }
        guard index < text.endIndex else { return nil }
        var value = 0
        while index < text.endIndex {
            guard let digit = decimalDigit(text[index]) else { return nil }
            value = min(value * 10 + digit, exponentClamp)
            index += 1
        }
        return negative ? -value : value
    }

    /// Digits with at most one point, up to `stop` or the end: the digit values, without
    /// leading zeros, and how many digits (zeros included) came after the point.
    private static func parseMantissa(_ text: ArraySlice<UInt8>, digit: (UInt8) -> Int?, stop: UInt8)
        -> (digits: [Int], fractionDigits: Int, rest: ArraySlice<UInt8>)?
    {
        var digits: [Int] = []
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        var index = text.startIndex
        while index < text.endIndex, text[index] != stop {
            if text[index] == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if let value = digit(text[index]) {
                sawDigit = true
                if sawPoint { fractionDigits += 1 }
                if !(digits.isEmpty && value == 0) { digits.append(value) }
            } else {
                return nil
            }
            index += 1
        }
        guard sawDigit else { return nil }
        return (digits, fractionDigits, text[index...])
    }

    /// `0x` already consumed: hex digits with an optional point, then an optional `p` exponent
    /// (a power of two).
    private static func parseHexadecimal(_ text: ArraySlice<UInt8>, negative: Bool) -> ExtendedDouble? {
        guard let mantissa = parseMantissa(text, digit: hexDigit, stop: UInt8(ascii: "p")) else { return nil }
        var binaryExponent = 0
        if !mantissa.rest.isEmpty {
            guard let exponent = parseExponent(mantissa.rest.dropFirst()) else { return nil }
            binaryExponent = exponent
        }
        var exact = BigUnsigned(0)
        for value in mantissa.digits {
            exact.multiply(by: 16)
            exact.add(BigUnsigned(UInt64(value)))
        }
        return checkedRange(rounded(negative: negative, exact, exponent: binaryExponent - 4 * mantissa.fractionDigits), exactIsZero: exact.isZero)
    }

    private static func parseDecimal(_ text: ArraySlice<UInt8>, negative: Bool) -> ExtendedDouble? {
        guard let mantissa = parseMantissa(text, digit: decimalDigit, stop: UInt8(ascii: "e")) else { return nil }
        var decimalExponent = 0
        if !mantissa.rest.isEmpty {
            guard let exponent = parseExponent(mantissa.rest.dropFirst()) else { return nil }
            decimalExponent = exponent
        }
        var digits = mantissa.digits[...]
        var power = decimalExponent - mantissa.fractionDigits
        while digits.last == 0 {
            digits.removeLast()
            power += 1
        }
        guard !digits.isEmpty else { return ExtendedDouble(isNegative: negative, magnitude: .finite(significand: 0, exponent: 0)) }
        // The value lies in [10^(count-1+power), 10^(count+power)): at least 10^4933 overflows
        // (the largest finite value is about 1.19e4932); below 10^-4951 it is under half the
        // least subnormal (about 3.65e-4951) and rounds to zero. Checked before any big power.
        if digits.count - 1 + power >= 4933 || digits.count + power <= -4951 { return nil }

        var exact = BigUnsigned(0)
        var chunk: UInt64 = 0
        var chunkScale: UInt32 = 1
        for digit in digits {
            chunk = chunk * 10 + UInt64(digit)
            chunkScale *= 10
            if chunkScale == 1_000_000_000 {
                exact.multiply(by: chunkScale)
                exact.add(BigUnsigned(chunk))
                chunk = 0
                chunkScale = 1
            }
        }
        exact.multiply(by: chunkScale)
        exact.add(BigUnsigned(chunk))

        if power >= 0 {
            // digits × 10^power = (digits × 5^power) × 2^power, exactly.
            exact.multiply(byPowerOfFive: power)
            return checkedRange(rounded(negative: negative, exact, exponent: power), exactIsZero: false)
        }
        // digits / 10^m = (digits / 5^m) × 2^-m: scale numerator or denominator by a power of two
        // so the quotient has 66 bits — 64 kept, one to round by, one spare — and let the
        // remainder decide exactness.
        let m = -power
        var denominator = BigUnsigned(1)
        denominator.multiply(byPowerOfFive: m)
        let scale = denominator.bitWidth - exact.bitWidth + significandBits + 2
        if scale >= 0 {
            exact.shiftLeft(by: scale)
        } else {
            denominator.shiftLeft(by: -scale)
        }
        let (quotient, isExact) = exact.dividedWithShortQuotient(by: denominator)
        return checkedRange(rounded(negative: negative, quotient, exponent: -m - scale, inexact: !isExact), exactIsZero: false)
    }

    /// Nil where `strtold` reports ERANGE and Redis refuses: overflow to infinity, or a nonzero
    /// value rounded to zero.
    private static func checkedRange(_ value: ExtendedDouble, exactIsZero: Bool) -> ExtendedDouble? {
        guard value.isFinite, exactIsZero || !value.isZero else { return nil }
        return value
    }
}
