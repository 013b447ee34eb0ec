// Writes a Double exactly as C's printf("%.17g") does, which Redis 7.0's addReplyDouble uses.

/// Without libc (RESP is pure), so the digits come from the double's exact binary value:
/// m × 2^e is the integer m·2^e when e ≥ 0, and m·5^-e × 10^e when e < 0, so the exact decimal
/// expansion is one big-integer product away. It is then rounded to 17 significant digits,
/// ties to even (glibc rounds in the current rounding mode, round-to-nearest-even by default),
/// and laid out by `%g`'s rules: scientific when the exponent is below -4 or at least 17,
/// trailing zeros (and a bare point) removed, and an exponent of at least two digits.
public enum PrintfDouble {
    static let significantDigits = 17

    public static func appendG17(_ value: Double, to buffer: inout [UInt8]) {
        if value.isNaN {
            // glibc prints the sign bit of a NaN too.
            buffer.append(contentsOf: (value.sign == .minus ? "-nan" : "nan").utf8)
            return
        }
        if value.sign == .minus { buffer.append(UInt8(ascii: "-")) }
        if value.isInfinite {
            buffer.append(contentsOf: "inf".utf8)
            return
        }
        if value == 0 {
            buffer.append(UInt8(ascii: "0"))
            return
        }

        let (digits, exponent) = roundedDigits(of: value.magnitude)
        if exponent < -4 || exponent >= significantDigits {
            appendScientific(digits: digits, exponent: exponent, to: &buffer)
        } else {
            appendFixed(digits: digits, exponent: exponent, to: &buffer)
        }
    }

    /// 17 digits d0…d16 (d0 ≠ 0) and the exponent X with value ≈ d0.d1…d16 × 10^X.
    private static func roundedDigits(of magnitude: Double) -> (digits: [UInt8], exponent: Int) {
        let biasedExponent = Int(magnitude.exponentBitPattern)
        let fraction = magnitude.significandBitPattern
        let significand = biasedExponent == 0 ? fraction : fraction | (1 << 52)
        // Subnormals share the smallest normal exponent.
        let binaryExponent = (biasedExponent == 0 ? 1 : biasedExponent) - 1075

        var exact = BigUnsigned(significand)
        var decimalShift = 0
        if binaryExponent >= 0 {
            exact.shiftLeft(by: binaryExponent)
        } else {
            exact.multiply(byPowerOfFive: -binaryExponent)
            decimalShift = binaryExponent
        }
        var digits = exact.decimalDigits()
        var exponent = digits.count - 1 + decimalShift

        if digits.count > significantDigits {
            let dropped = digits[significantDigits]
            let restIsZero = digits[(significantDigits + 1)...].allSatisfy { $0 == 0 }
            let lastKeptIsOdd = digits[significantDigits - 1] % 2 == 1
            let roundsUp = dropped > 5 || (dropped == 5 && (!restIsZero || lastKeptIsOdd))
            digits.removeLast(digits.count - significantDigits)
            if roundsUp {
                var position = significantDigits - 1
                while position >= 0 && digits[position] == 9 {
                    digits[position] = 0
                    position -= 1
                }
                if position >= 0 {
                    digits[position] += 1
                } else {
                    // 99…9 carried into a new leading digit: 10…0, one decade up.
                    digits[0] = 1
                    exponent += 1
                }
            }
        } else {
            digits.append(contentsOf: repeatElement(0, count: significantDigits - digits.count))
        }
        return (digits, exponent)
    }

    private static func appendScientific(digits: [UInt8], exponent: Int, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "0") + digits[0])
        appendFraction(digits[1...], to: &buffer)
        buffer.append(UInt8(ascii: "e"))
        buffer.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let magnitude = exponent.magnitude
        if magnitude < 10 { buffer.append(UInt8(ascii: "0")) }
        buffer.append(contentsOf: String(magnitude).utf8)
    }

    private static func appendFixed(digits: [UInt8], exponent: Int, to buffer: inout [UInt8]) {
        if exponent >= 0 {
            for digit in digits[...exponent] { buffer.append(UInt8(ascii: "0") + digit) }
            appendFraction(digits[(exponent + 1)...], to: &buffer)
        } else {
            buffer.append(UInt8(ascii: "0"))
            let leadingZeros = [UInt8](repeating: 0, count: -exponent - 1)
            appendFraction((leadingZeros + digits)[...], to: &buffer)
        }
    }

    /// `.` and the digits without trailing zeros; nothing when no digit is left.
    private static func appendFraction(_ digits: ArraySlice<UInt8>, to buffer: inout [UInt8]) {
        guard let lastNonZero = digits.lastIndex(where: { $0 != 0 }) else { return }
        buffer.append(UInt8(ascii: "."))
        for digit in digits[...lastNonZero] { buffer.append(UInt8(ascii: "0") + digit) }
    }
}
