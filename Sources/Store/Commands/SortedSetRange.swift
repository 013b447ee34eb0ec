// The ranges of Redis 7.0's sorted set reads: `zslParseRange` (scores, `(` exclusive, strtod
// without the range checks of ZADD's parse) and `zslParseLexRange` (`[`, `(`, `-`, `+`).
import RESP

struct ScoreRange {
    var min: Double, max: Double
    var minExclusive: Bool, maxExclusive: Bool

    static let notAFloat = RESPValue.error("ERR min or max is not a float")

    init?(min: [UInt8], max: [UInt8]) {
        guard let low = Self.bound(min), let high = Self.bound(max) else { return nil }
        (self.min, minExclusive, self.max, maxExclusive) = (low.value, low.exclusive, high.value, high.exclusive)
    }

    func contains(_ score: Double) -> Bool {
        (minExclusive ? score > min : score >= min) && (maxExclusive ? score < max : score <= max)
    }

    private static func bound(_ argument: [UInt8]) -> (value: Double, exclusive: Bool)? {
        let exclusive = argument.first == UInt8(ascii: "(")
        guard let value = strtod(Array(argument.dropFirst(exclusive ? 1 : 0))) else { return nil }
        return (value, exclusive)
    }

    /// strtod over the whole text: leading spaces skipped, nothing after the number, an empty
    /// text is 0; NaN refused.
    private static func strtod(_ text: [UInt8]) -> Double? {
        let trimmed = text.drop { $0 == 0x20 || (0x09...0x0D).contains($0) }
        guard !trimmed.isEmpty else { return text.isEmpty ? 0 : nil }
        guard !trimmed.contains(0), let string = String(validating: trimmed, as: UTF8.self),
              let value = Double(string), !value.isNaN else { return nil }
        return value
    }
}

struct LexRange {
    enum Bound { case minusInfinity, plusInfinity, inclusive([UInt8]), exclusive([UInt8]) }
    var min: Bound, max: Bound

    static let invalid = RESPValue.error("ERR min or max not valid string range item")

    init?(min: [UInt8], max: [UInt8]) {
        guard let low = Self.bound(min), let high = Self.bound(max) else { return nil }
        (self.min, self.max) = (low, high)
    }

    func contains(_ member: [UInt8]) -> Bool {
        let aboveMin: Bool = switch min {
        case .minusInfinity: true
        case .plusInfinity: false
        case .inclusive(let bound): !member.lexicographicallyPrecedes(bound)
        case .exclusive(let bound): bound.lexicographicallyPrecedes(member)
        }
        let belowMax: Bool = switch max {
        case .minusInfinity: false
        case .plusInfinity: true
        case .inclusive(let bound): !bound.lexicographicallyPrecedes(member)
        case .exclusive(let bound): member.lexicographicallyPrecedes(bound)
        }
        return aboveMin && belowMax
    }

    private static func bound(_ argument: [UInt8]) -> Bound? {
        guard let first = argument.first else { return nil }
        switch first {
        case UInt8(ascii: "+"): return argument.count == 1 ? .plusInfinity : nil
        case UInt8(ascii: "-"): return argument.count == 1 ? .minusInfinity : nil
        case UInt8(ascii: "("): return .exclusive(Array(argument.dropFirst()))
        case UInt8(ascii: "["): return .inclusive(Array(argument.dropFirst()))
        default: return nil
        }
    }
}
