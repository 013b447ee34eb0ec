// A sorted set's members as a write changes them: the `sub` entry and its `score` index entry
// are written and removed together, in the same batch (DESIGN §6).

extension ApplyContext {
    /// The member's score, or nil when the sorted set has no such member.
    func score(of member: [UInt8], in key: [UInt8], _ record: KeyRecord) throws -> Double? {
        try self.member(member, of: key, record).flatMap(ScoreKey.score)
    }

    /// Sets the member's score (`previous`: its current one, nil when it is new), counting it
    /// in `record` when it is new.
    mutating func setScore(_ score: Double, of member: [UInt8], in key: [UInt8], previous: Double?, _ record: inout KeyRecord) throws {
        if let previous {
            batch.delete(.score, key: ScoreKey.stored(key, version: record.version, score: previous, member: member))
        }
        try putMember(member, value: ScoreKey.value(score), of: key, &record)
        batch.put(.score, key: ScoreKey.stored(key, version: record.version, score: score, member: member), value: [])
    }

    /// Removes a member and its index entry; returns whether it existed.
    @discardableResult
    mutating func removeScored(_ member: [UInt8], in key: [UInt8], _ record: inout KeyRecord) throws -> Bool {
        guard let previous = try score(of: member, in: key, record) else { return false }
        try deleteMember(member, of: key, &record)
        batch.delete(.score, key: ScoreKey.stored(key, version: record.version, score: previous, member: member))
        return true
    }
}

extension ApplyContext {
    /// Deletes a stale `sub` entry (the GC cycle's) and, when its value is a score, the
    /// sorted set index entry it implies. For a hash field whose value happens to be 8 bytes
    /// that index key names nothing: the version is stale, so no live sorted set has it.
    mutating func deleteStoredMemberAndScore(_ stored: [UInt8]) throws {
        if let value = try pendingMembers[stored] ?? engine.get(.sub, key: stored), let score = ScoreKey.score(value),
           let (key, version, member) = MemberKey.decode(stored)
        {
            batch.delete(.score, key: ScoreKey.stored(key, version: version, score: score, member: member))
        }
        deleteStoredMember(stored)
    }
}
