// An arbitrary-precision unsigned integer with just the operations exact double printing needs.

/// Little-endian 32-bit limbs; products and quotients go through 64 bits, so no step can
/// overflow: (2^32 - 1)^2 + (2^32 - 1) < 2^64.
struct BigUnsigned {
    private(set) var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        trim()
    }

    var isZero: Bool { limbs.isEmpty }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(truncatingIfNeeded: carry)) }
        trim()
    }

    /// Multiplies by 5^exponent, 5^13 (the largest power of 5 below 2^32) at a time.
    mutating func multiply(byPowerOfFive exponent: Int) {
        var remaining = exponent
        while remaining >= 13 {
            multiply(by: 1_220_703_125)
            remaining -= 13
        }
        multiply(by: Self.powersOfFive[max(remaining, 0)])
    }

    /// 5^0 … 5^12.
    private static let powersOfFive: [UInt32] = [
        1, 5, 25, 125, 625, 3125, 15625, 78125, 390_625, 1_953_125, 9_765_625, 48_828_125, 244_140_625,
    ]

    mutating func shiftLeft(by bits: Int) {
        guard bits > 0, !isZero else { return }
        let wholeLimbs = bits / 32
        let rest = UInt32(bits % 32)
        if rest != 0 {
            var carry: UInt32 = 0
            for index in limbs.indices {
                let limb = limbs[index]
                limbs[index] = limb << rest | carry
                carry = limb >> (32 - rest)
            }
            if carry != 0 { limbs.append(carry) }
        }
        limbs.insert(contentsOf: repeatElement(0, count: wholeLimbs), at: 0)
    }

    /// Divides in place and returns the remainder; `divisor` must not be zero.
    mutating func divide(by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let dividend = remainder << 32 | UInt64(limbs[index])
            limbs[index] = UInt32(truncatingIfNeeded: dividend / UInt64(divisor))
            remainder = dividend % UInt64(divisor)
        }
        trim()
        return UInt32(truncatingIfNeeded: remainder)
    }

    /// The decimal digits (values 0–9), most significant first; `[0]` for zero.
    func decimalDigits() -> [UInt8] {
        guard !isZero else { return [0] }
        var value = self
        var chunks: [UInt32] = []
        while !value.isZero {
            chunks.append(value.divide(by: 1_000_000_000))
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(chunks.count * 9)
        for (position, chunk) in chunks.reversed().enumerated() {
            var chunkDigits = [UInt8](repeating: 0, count: 9)
            var rest = chunk
            for slot in (0..<9).reversed() {
                chunkDigits[slot] = UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            if position == 0 {
                digits.append(contentsOf: chunkDigits.drop { $0 == 0 })
            } else {
                digits.append(contentsOf: chunkDigits)
            }
        }
        return digits
    }

    private mutating func trim() {
        while limbs.last == 0 { limbs.removeLast() }
    }
}
