// An x87 value as the nearest Double, for uses where the extra precision does not matter.

extension ExtendedDouble {
    /// The nearest `Double` (huge values become infinities, tiny ones zero or subnormals).
    public var approximateDouble: Double {
        let sign: FloatingPointSign = isNegative ? .minus : .plus
        switch magnitude {
        case .notANumber: return .nan
        case .infinity: return sign == .minus ? -.infinity : .infinity
        case .finite(let significand, let exponent):
            guard significand != 0 else { return sign == .minus ? -0.0 : 0.0 }
            // Clamped, as Double's exponent range is far smaller than x87's.
            return Double(sign: sign, exponent: max(-1200, min(1200, exponent)), significand: Double(significand))
        }
    }
}
