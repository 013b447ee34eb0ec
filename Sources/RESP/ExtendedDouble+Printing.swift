// Writing a `long double` as Redis 7.0 stores INCRBYFLOAT's result (`ld2string`, human mode).

extension ExtendedDouble {
    /// Digits after the point of `%.17Lf`.
    static let fractionDigits = 17

    /// The text Redis 7.0 stores and replies for a `long double` (`ld2string` in `LD_STR_HUMAN`
    /// mode): `printf("%.17Lf")`, then trailing zeros and a bare point removed, and `-0` written
    /// as `0`. Infinities are `inf` / `-inf` as Redis writes them itself.
    public func humanText() -> [UInt8] {
        switch magnitude {
        case .infinity:
            return Array((isNegative ? "-inf" : "inf").utf8)
        case .notANumber:
            return Array("nan".utf8)
        case .finite:
            var text = fixedPoint()
            while text.last == UInt8(ascii: "0") { text.removeLast() }
            if text.last == UInt8(ascii: ".") { text.removeLast() }
            if text == Array("-0".utf8) { text = [UInt8(ascii: "0")] }
            return text
        }
    }

    /// C's `printf("%.17Lf")` of a finite value: every integer digit, a point and 17 decimals,
    /// the exact binary value rounded to nearest with ties to even (glibc converts exactly, in
    /// the default rounding mode). A negative value keeps its sign even when it prints as zero.
    func fixedPoint() -> [UInt8] {
        guard case .finite(let significand, let exponent) = magnitude else { return [] }
        // value × 10^17 = significand × 5^17 × 2^(exponent + 17).
        var scaled = BigUnsigned(significand)
        scaled.multiply(byPowerOfFive: Self.fractionDigits)
        let shift = exponent + Self.fractionDigits
        if shift >= 0 {
            scaled.shiftLeft(by: shift)
        } else {
            let dropped = -shift
            let aboveHalf = scaled.bit(at: dropped - 1)
            let belowHalf = scaled.hasSetBits(below: dropped - 1)
            scaled.shiftRight(by: dropped)
            if aboveHalf && (belowHalf || scaled.bit(at: 0)) { scaled.add(BigUnsigned(1)) }
        }
        var digits = scaled.decimalDigits()
        if digits.count <= Self.fractionDigits {
            digits.insert(contentsOf: repeatElement(0, count: Self.fractionDigits + 1 - digits.count), at: 0)
        }
        var text: [UInt8] = isNegative ? [UInt8(ascii: "-")] : []
        text.reserveCapacity(digits.count + 2)
        let pointPosition = digits.count - Self.fractionDigits
        for (position, digit) in digits.enumerated() {
            if position == pointPosition { text.append(UInt8(ascii: ".")) }
            text.append(UInt8(ascii: "0") + digit)
        }
        return text
    }
}
