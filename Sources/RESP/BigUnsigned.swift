// An arbitrary-precision unsigned integer: what exact decimal conversion of binary floats needs.

/// Little-endian 32-bit limbs; products and quotients go through 64 bits, so no step can
/// overflow: (2^32 - 1)^2 + (2^32 - 1) < 2^64.
struct BigUnsigned: Equatable, Comparable {
    /// Without trailing zero limbs, so equal values have equal limbs (zero has none).
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

    // MARK: Bits

    /// The number of bits up to and including the highest set one (0 for zero).
    var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 32 - top.leadingZeroBitCount
    }

    /// The value's low 64 bits.
    var low64: UInt64 {
        let low = limbs.first.map(UInt64.init) ?? 0
        let high = limbs.count > 1 ? UInt64(limbs[1]) << 32 : 0
        return high | low
    }

    func bit(at position: Int) -> Bool {
        guard position >= 0, position / 32 < limbs.count else { return false }
        return limbs[position / 32] >> UInt32(position % 32) & 1 == 1
    }

    /// Whether any bit below `position` is set.
    func hasSetBits(below position: Int) -> Bool {
        guard position > 0 else { return false }
        let wholeLimbs = min(position / 32, limbs.count)
        if limbs[..<wholeLimbs].contains(where: { $0 != 0 }) { return true }
        guard wholeLimbs < limbs.count, position % 32 != 0 else { return false }
        return limbs[wholeLimbs] & ((1 << UInt32(position % 32)) - 1) != 0
    }

    mutating func setBit(at position: Int) {
        guard position >= 0 else { return }
        let index = position / 32
        if index >= limbs.count { limbs += repeatElement(0, count: index + 1 - limbs.count) }
        limbs[index] |= 1 << UInt32(position % 32)
    }

    /// Drops the low `bits` bits.
    mutating func shiftRight(by bits: Int) {
        guard bits > 0 else { return }
        let wholeLimbs = bits / 32
        guard wholeLimbs < limbs.count else {
            limbs = []
            return
        }
        limbs.removeFirst(wholeLimbs)
        let rest = UInt32(bits % 32)
        if rest != 0 {
            for index in limbs.indices {
                let next = index + 1 < limbs.count ? limbs[index + 1] : 0
                limbs[index] = limbs[index] >> rest | next << (32 - rest)
            }
        }
        trim()
    }

    // MARK: Arithmetic

    mutating func add(_ other: BigUnsigned) {
        if limbs.count < other.limbs.count { limbs += repeatElement(0, count: other.limbs.count - limbs.count) }
        var carry: UInt64 = 0
        for index in limbs.indices {
            let addend = index < other.limbs.count ? UInt64(other.limbs[index]) : 0
            let sum = UInt64(limbs[index]) + addend + carry
            limbs[index] = UInt32(truncatingIfNeeded: sum)
            carry = sum >> 32
        }
        if carry != 0 { limbs.append(UInt32(truncatingIfNeeded: carry)) }
    }

    /// Subtracts `other`, which must not be larger (the callers compare first).
    mutating func subtract(_ other: BigUnsigned) {
        var borrow: UInt64 = 0
        for index in limbs.indices {
            let subtrahend = (index < other.limbs.count ? UInt64(other.limbs[index]) : 0) + borrow
            let minuend = UInt64(limbs[index])
            borrow = minuend < subtrahend ? 1 : 0
            limbs[index] = UInt32(truncatingIfNeeded: (minuend | borrow << 32) - subtrahend)
        }
        trim()
    }

    /// Long division one bit at a time: cheap only when the quotient has few bits, as when a
    /// decimal is scaled to just past 64 significant bits. `exact` is whether nothing remains.
    func dividedWithShortQuotient(by divisor: BigUnsigned) -> (quotient: BigUnsigned, exact: Bool) {
        var remainder = self
        var quotient = BigUnsigned(0)
        var shift = bitWidth - divisor.bitWidth
        while shift >= 0 {
            var shifted = divisor
            shifted.shiftLeft(by: shift)
            if shifted <= remainder {
                remainder.subtract(shifted)
                quotient.setBit(at: shift)
            }
            shift -= 1
        }
        return (quotient, remainder.isZero)
    }

    static func < (lhs: BigUnsigned, rhs: BigUnsigned) -> Bool {
        guard lhs.limbs.count == rhs.limbs.count else { return lhs.limbs.count < rhs.limbs.count }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }
}
