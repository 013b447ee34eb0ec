// A sorted set read in Redis's order straight from its `score` index (DESIGN §6), a page at a
// time, so a range or a pop costs what it returns rather than a load and sort of every member.
import Engine

extension KeyspaceRead {
    /// Whether the index shows this view's sorted sets as they are: a view carrying a MULTI
    /// block's pending writes has them in its overlays only, so its reads take every member.
    var indexIsCurrent: Bool { pendingMeta.isEmpty && pendingMembers.isEmpty }

    static let scorePage = 256

    /// Calls `body` with `key`'s members in Redis's order (score, then member bytes), or
    /// reversed, from the first one at or beyond `score` in that direction (nil: from the
    /// end), until `body` returns false or the members run out. Only when `indexIsCurrent`.
    func walkScores(_ key: [UInt8], _ record: KeyRecord, from score: Double? = nil, reverse: Bool = false,
                    _ body: (ScoredMember) throws -> Bool) throws {
        let prefix = MemberKey.prefix(key, version: record.version)
        let prefixEnd = MemberKey.end(ofPrefix: prefix)
        var start = prefix
        var end = prefixEnd
        if let score {
            let ordered = ScoreKey.ordered(score)
            if !reverse {
                BigEndian.append(ordered, to: &start)
            } else if ordered < UInt64.max {
                var bound = prefix
                BigEndian.append(ordered + 1, to: &bound)
                end = bound
            }
        }
        while true {
            let page = try engine.scan(.score, from: start, to: end, limit: Self.scorePage, reverse: reverse)
            for entry in page {
                guard entry.key.count >= prefix.count + 8 else { continue }
                let ordered = BigEndian.uint64(entry.key, at: prefix.count)
                let member = Array(entry.key[(prefix.count + 8)...])
                guard try body((member: member, score: ScoreKey.score(ordered: ordered))) else { return }
            }
            guard page.count == Self.scorePage, let last = page.last?.key else { return }
            if reverse { end = last } else { start = last + [0] }
        }
    }

    /// Up to `limit` members from one end, in that end's order.
    func firstScored(_ key: [UInt8], _ record: KeyRecord, reverse: Bool, limit: Int) throws -> [ScoredMember] {
        var found: [ScoredMember] = []
        guard limit > 0 else { return found }
        try walkScores(key, record, reverse: reverse) { member in
            found.append(member)
            return found.count < limit
        }
        return found
    }
}
