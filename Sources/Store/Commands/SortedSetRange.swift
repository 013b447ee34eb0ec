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
        isAboveMin(member) && isBelowMax(member)
    }

    /// `zslLexValueGteMin`.
    func isAboveMin(_ member: [UInt8]) -> Bool {
        switch min {
        case .minusInfinity: true
        case .plusInfinity: false
        case .inclusive(let bound): !member.lexicographicallyPrecedes(bound)
        case .exclusive(let bound): bound.lexicographicallyPrecedes(member)
        }
    }

    /// `zslLexValueLteMax`.
    func isBelowMax(_ member: [UInt8]) -> Bool {
        switch max {
        case .minusInfinity: false
        case .plusInfinity: true
        case .inclusive(let bound): !bound.lexicographicallyPrecedes(member)
        case .exclusive(let bound): member.lexicographicallyPrecedes(bound)
        }
    }

    /// Positions of the members a lex range selects from members in score order, as Redis 7.0
    /// walks a listpack (`zzlFirstInLexRange`, `zzlLastInLexRange`): forwards from the first
    /// member at or above min (none unless it is also at or below max) while members stay at
    /// or below max; reversed from the last member at or below max while members stay at or
    /// above min. With equal scores, as BYLEX expects, that is every member in the range; with
    /// mixed scores it is what Redis answers for a small sorted set.
    func walk(_ members: [[UInt8]], reverse: Bool) -> [Int] {
        guard isNonEmpty, let first = members.first, let last = members.last, isAboveMin(last), isBelowMax(first) else { return [] }
        if reverse {
            guard let start = members.lastIndex(where: isBelowMax), isAboveMin(members[start]) else { return [] }
            var index = start
            var selected: [Int] = []
            while index >= 0, isAboveMin(members[index]) {
                selected.append(index)
                index -= 1
            }
            return selected
        }
        guard let start = members.firstIndex(where: isAboveMin), isBelowMax(members[start]) else { return [] }
        return Array(members[start...].prefix { isBelowMax($0) }.indices)
    }

    /// `zslIsInLexRange`'s first test: min above max, or equal with an exclusive end (`-` and
    /// `+` count as exclusive), is empty.
    private var isNonEmpty: Bool {
        func rank(_ bound: Bound) -> (order: Int, bytes: [UInt8]) {
            switch bound {
            case .minusInfinity: (0, [])
            case .inclusive(let bytes), .exclusive(let bytes): (1, bytes)
            case .plusInfinity: (2, [])
            }
        }
        let (low, high) = (rank(min), rank(max))
        if low.order != high.order { return low.order < high.order }
        if low.bytes != high.bytes { return low.bytes.lexicographicallyPrecedes(high.bytes) }
        if case .inclusive = min, case .inclusive = max { return true }
        return false
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

/// A sorted set member with its score, in the order the reads list them.
typealias ScoredMember = (member: [UInt8], score: Double)

/// What a range command selects from the members in Redis's order: by rank (ZRANGE,
/// ZREMRANGEBYRANK), by score (BYSCORE, ZCOUNT, ZREMRANGEBYSCORE) or by member bytes (BYLEX,
/// ZLEXCOUNT, ZREMRANGEBYLEX). One place for ZRANGE's and ZREMRANGEBY*'s selection.
enum SortedSetSelection {
    case rank(start: Int64, stop: Int64)
    case score(ScoreRange)
    case lex(LexRange)

    /// The selected members in the reply's direction. LIMIT applies to score and lex ranges
    /// only: a negative offset selects nothing, a negative count means all.
    func select(_ ordered: [ScoredMember], reverse: Bool = false, offset: Int64 = 0, limit: Int64 = -1) -> [ScoredMember] {
        let matching: [ScoredMember]
        switch self {
        case .rank(let start, let stop):
            guard let positions = Self.positions(start: start, stop: stop, length: ordered.count) else { return [] }
            guard reverse else { return Array(ordered[positions]) }
            return Array(Array(ordered.reversed())[positions])
        case .score(let range):
            let inRange = ordered.filter { range.contains($0.score) }
            matching = reverse ? inRange.reversed() : inRange
        case .lex(let range):
            matching = range.walk(ordered.map(\.member), reverse: reverse).map { ordered[$0] }
        }
        guard offset >= 0 else { return [] }
        let rest = matching.dropFirst(Int(clamping: offset))
        return limit < 0 ? Array(rest) : Array(rest.prefix(Int(clamping: limit)))
    }
}

extension SortedSetSelection {
    /// `genericZrangebyrankCommand`: negative indexes count from the end, then clamp; nil
    /// when nothing is selected.
    static func positions(start: Int64, stop: Int64, length: Int) -> ClosedRange<Int>? {
        let count = Int64(length)
        var first = start < 0 ? count &+ start : start
        var last = stop < 0 ? count &+ stop : stop
        if first < 0 { first = 0 }
        guard first <= last, first < count else { return nil }
        if last >= count { last = count - 1 }
        return Int(first)...Int(last)
    }
}

enum SortedSetOrder {
    /// Members and their stored scores in Redis's order (score, then member bytes).
    static func ordered(_ entries: [(member: [UInt8], value: [UInt8])]) -> [ScoredMember] {
        entries.compactMap { entry in ScoreKey.score(entry.value).map { (member: entry.member, score: $0) } }
            .sorted(by: SortedSetScore.precedes)
    }
}
