// Rank and score selections read from the sorted set's `score` index: they stop once they have
// what they select, instead of loading and sorting every member.

extension SortedSetSelection {
    /// The selection read from the index, or nil when it must take every member instead (a
    /// lex range, whose walk depends on the whole order, or a view with pending writes).
    func select(from data: KeyspaceRead, _ key: [UInt8], _ record: KeyRecord, reverse: Bool = false,
                offset: Int64 = 0, limit: Int64 = -1) throws -> [ScoredMember]? {
        guard data.indexIsCurrent else { return nil }
        switch self {
        case .lex:
            return nil
        case .rank(let start, let stop):
            guard let positions = Self.positions(start: start, stop: stop, length: Int(clamping: record.count)) else { return [] }
            var selected: [ScoredMember] = []
            var position = 0
            try data.walkScores(key, record, reverse: reverse) { member in
                if position >= positions.lowerBound { selected.append(member) }
                position += 1
                return position <= positions.upperBound
            }
            return selected
        case .score(let range):
            guard offset >= 0 else { return [] }
            var selected: [ScoredMember] = []
            var skipped: Int64 = 0
            try data.walkScores(key, record, from: reverse ? range.max : range.min, reverse: reverse) { member in
                guard range.contains(member.score) else {
                    // Before the range (an excluded bound) keep going; past it, stop.
                    return reverse ? member.score >= range.max : member.score <= range.min
                }
                if skipped < offset {
                    skipped += 1
                    return true
                }
                selected.append(member)
                return limit < 0 || Int64(selected.count) < limit
            }
            return selected
        }
    }

    /// How many members a score range holds, counted on the index (nil: see `select(from:)`).
    static func count(_ range: ScoreRange, from data: KeyspaceRead, _ key: [UInt8], _ record: KeyRecord) throws -> Int? {
        guard data.indexIsCurrent else { return nil }
        var count = 0
        try data.walkScores(key, record, from: range.min) { member in
            guard range.contains(member.score) else { return member.score <= range.min }
            count += 1
            return true
        }
        return count
    }
}
