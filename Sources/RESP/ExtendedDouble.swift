// C's `long double` on x86-64 — the x87 80-bit extended format — emulated exactly in integers.

/// Redis 7.0 computes INCRBYFLOAT in `long double`: it reads both operands with `strtold`, adds
/// them, and writes the sum with `%.17Lf`. On x86-64 (where Redis is built and compared against)
/// that is the x87 format: a 64-bit significand and a 15-bit exponent, so `0.1 + 0.2` prints as
/// `0.3`, not the `0.30000000000000004` of a `Double`. Swift's `Float80` exists only on x86, and
/// a replica on another CPU must compute the same bits (apply is a pure function of its entry,
/// DESIGN §6a), so the format is emulated: every result is the exact value rounded as the x87
/// unit rounds it (to nearest, ties to even, with subnormals and overflow to infinity).
public struct ExtendedDouble: Sendable, Equatable {
    enum Magnitude: Sendable, Equatable {
        /// `significand × 2^exponent`; the significand need not be normalized.
        case finite(significand: UInt64, exponent: Int)
        case infinity
        case notANumber
    }

    let isNegative: Bool
    let magnitude: Magnitude

    /// Bits of precision of the x87 significand (its integer bit is explicit).
    static let significandBits = 64
    /// The exponent of the lowest significand bit of subnormals (2^-16445 is the least nonzero value).
    static let minimumExponent = -16445
    /// Values of at least 2^16384 are infinite: the largest finite one is (2^64 - 1) × 2^16320.
    static let overflowBitPosition = 16384

    public static let zero = ExtendedDouble(isNegative: false, magnitude: .finite(significand: 0, exponent: 0))

    public var isFinite: Bool {
        if case .finite = magnitude { return true }
        return false
    }

    var isZero: Bool {
        if case .finite(let significand, _) = magnitude { return significand == 0 }
        return false
    }

    /// The exact value `exact × 2^exponent` — plus a sliver less than one unit of its last bit
    /// when `inexact` — rounded to the format as the x87 unit rounds.
    static func rounded(negative: Bool, _ exact: BigUnsigned, exponent: Int, inexact: Bool = false) -> ExtendedDouble {
        var exact = exact
        var exponent = exponent
        if inexact {
            // Room below the kept bits, so the sliver only ever decides ties and halves.
            exact.shiftLeft(by: significandBits + 2)
            exponent -= significandBits + 2
        }
        let width = exact.bitWidth
        guard width > 0 else { return ExtendedDouble(isNegative: negative, magnitude: .finite(significand: 0, exponent: 0)) }
        // Keep 64 bits, or fewer where the result is subnormal.
        let dropped = max(width - significandBits, minimumExponent - exponent)
        var significand: UInt64
        var resultExponent: Int
        if dropped <= 0 {
            // Representable as it is.
            significand = exact.low64
            resultExponent = exponent
        } else {
            var kept = exact
            kept.shiftRight(by: dropped)
            significand = kept.low64
            resultExponent = exponent + dropped
            let aboveHalf = exact.bit(at: dropped - 1)
            let belowHalf = inexact || exact.hasSetBits(below: dropped - 1)
            if aboveHalf && (belowHalf || significand & 1 == 1) {
                if significand == .max {
                    significand = 1 << 63
                    resultExponent += 1
                } else {
                    significand += 1
                }
            }
        }
        if significand != 0 && (UInt64.bitWidth - significand.leadingZeroBitCount) + resultExponent > overflowBitPosition {
            return ExtendedDouble(isNegative: negative, magnitude: .infinity)
        }
        return ExtendedDouble(isNegative: negative, magnitude: .finite(significand: significand, exponent: resultExponent))
    }

    /// The sum, rounded once (IEEE addition): an infinity with an infinity of the other sign, or
    /// a NaN, gives NaN; an exact zero sum is +0 unless both operands are -0.
    public static func + (lhs: ExtendedDouble, rhs: ExtendedDouble) -> ExtendedDouble {
        switch (lhs.magnitude, rhs.magnitude) {
        case (.notANumber, _), (_, .notANumber):
            return ExtendedDouble(isNegative: false, magnitude: .notANumber)
        case (.infinity, .infinity):
            return lhs.isNegative == rhs.isNegative ? lhs : ExtendedDouble(isNegative: false, magnitude: .notANumber)
        case (.infinity, _):
            return lhs
        case (_, .infinity):
            return rhs
        case (.finite(let lhsSignificand, let lhsExponent), .finite(let rhsSignificand, let rhsExponent)):
            if lhsSignificand == 0 && rhsSignificand == 0 {
                return ExtendedDouble(isNegative: lhs.isNegative && rhs.isNegative, magnitude: .finite(significand: 0, exponent: 0))
            }
            if lhsSignificand == 0 { return rhs }
            if rhsSignificand == 0 { return lhs }
            return addFinite((lhs.isNegative, lhsSignificand, lhsExponent), (rhs.isNegative, rhsSignificand, rhsExponent))
        }
    }

    private typealias Operand = (negative: Bool, significand: UInt64, exponent: Int)

    private static func addFinite(_ first: Operand, _ second: Operand) -> ExtendedDouble {
        // `larger` reaches the higher bit position.
        let top = { (operand: Operand) in UInt64.bitWidth - operand.significand.leadingZeroBitCount + operand.exponent }
        var (larger, smaller) = top(first) >= top(second) ? (first, second) : (second, first)
        // An operand far below the other only decides rounding through its sign and being
        // nonzero, which any value that far below decides the same way: stand it in with one
        // that keeps the aligned integers small.
        let farBelow = 2 * significandBits + 2
        if top(larger) - top(smaller) > farBelow {
            smaller = (smaller.negative, 1, top(larger) - farBelow - 1)
        }
        let exponent = min(larger.exponent, smaller.exponent)
        var largerExact = BigUnsigned(larger.significand)
        largerExact.shiftLeft(by: larger.exponent - exponent)
        var smallerExact = BigUnsigned(smaller.significand)
        smallerExact.shiftLeft(by: smaller.exponent - exponent)

        if larger.negative == smaller.negative {
            largerExact.add(smallerExact)
            return rounded(negative: larger.negative, largerExact, exponent: exponent)
        }
        if largerExact == smallerExact { return zero }
        if largerExact < smallerExact {
            swap(&largerExact, &smallerExact)
            swap(&larger, &smaller)
        }
        largerExact.subtract(smallerExact)
        return rounded(negative: larger.negative, largerExact, exponent: exponent)
    }
}
