// A collection's members as a write sees them: the engine's `sub` family under this entry's
// own pending member writes (DESIGN §6).
import Engine

extension ApplyContext {
    /// The key's live collection of `type`, or why there is none.
    public func collection(_ key: [UInt8], of type: KeyType) throws -> CollectionLookup {
        CollectionLookup(try record(key), type: type)
    }

    /// An empty collection for `key` under a version never used before, not stored yet: the
    /// version is what makes members of an earlier collection of the same name invisible. A
    /// region restarted with a clock that went backwards could propose a version an old,
    /// not yet collected collection of this key had; any version under which `key` still has
    /// members is skipped, so stale members can never reappear.
    public mutating func newCollection(_ type: KeyType, for key: [UInt8]) throws -> KeyRecord {
        var version = newVersion()
        while try hasMembers(key, version: version) { version = newVersion() }
        return KeyRecord(type: type, expireAtMilliseconds: nil, version: version, value: [], count: 0)
    }

    private func hasMembers(_ key: [UInt8], version: UInt64) throws -> Bool {
        let prefix = MemberKey.prefix(key, version: version)
        if pendingMembers.contains(where: { $0.value != nil && $0.key.starts(with: prefix) }) { return true }
        return try !engine.scan(.sub, from: prefix, to: MemberKey.end(ofPrefix: prefix), limit: 1, reverse: false).isEmpty
    }

    /// The member's value, or nil when the collection has no such member.
    public func member(_ member: [UInt8], of key: [UInt8], _ record: KeyRecord) throws -> [UInt8]? {
        let stored = MemberKey.stored(key, version: record.version, member: member)
        if let overlaid = pendingMembers[stored] { return overlaid }
        return try engine.get(.sub, key: stored)
    }

    /// Adds or replaces a member, counting it in `record` when it is new; returns whether it was.
    @discardableResult
    public mutating func putMember(_ member: [UInt8], value: [UInt8], of key: [UInt8], _ record: inout KeyRecord) throws -> Bool {
        let isNew = try self.member(member, of: key, record) == nil
        let stored = MemberKey.stored(key, version: record.version, member: member)
        pendingMembers[stored] = .some(value)
        batch.put(.sub, key: stored, value: value)
        if isNew { record.count &+= 1 }
        return isNew
    }

    /// Removes a member, uncounting it from `record`; returns whether it existed.
    @discardableResult
    public mutating func deleteMember(_ member: [UInt8], of key: [UInt8], _ record: inout KeyRecord) throws -> Bool {
        guard try self.member(member, of: key, record) != nil else { return false }
        let stored = MemberKey.stored(key, version: record.version, member: member)
        pendingMembers[stored] = .some(nil)
        batch.delete(.sub, key: stored)
        record.count = record.count > 0 ? record.count - 1 : 0
        return true
    }

    /// Every member with its value, in member byte order.
    public func members(of key: [UInt8], _ record: KeyRecord) throws -> [(member: [UInt8], value: [UInt8])] {
        let prefix = MemberKey.prefix(key, version: record.version)
        var merged: [[UInt8]: [UInt8]] = [:]
        for entry in try engine.scan(.sub, from: prefix, to: MemberKey.end(ofPrefix: prefix), limit: .max, reverse: false) {
            merged[Array(entry.key[prefix.count...])] = entry.value
        }
        for (stored, value) in pendingMembers where stored.count >= prefix.count && stored.starts(with: prefix) {
            merged[Array(stored[prefix.count...])] = value
        }
        return merged.map { (member: $0.key, value: $0.value) }.sorted { $0.member.lexicographicallyPrecedes($1.member) }
    }

    /// Stores the collection's record, or deletes the key once it has no member left: Redis
    /// never keeps an empty collection.
    public mutating func storeCollection(_ key: [UInt8], _ record: KeyRecord) throws {
        if record.count == 0 {
            try delete(key)
        } else {
            try put(key, record)
        }
    }

    /// Writes `destination` as a copy of the collection `source` (members, count, expiry, a
    /// sorted set's order index) under a new version, replacing whatever `destination` held.
    public mutating func copyCollection(from source: [UInt8], _ record: KeyRecord, to destination: [UInt8]) throws {
        var copy = try newCollection(record.type, for: destination)
        copy.expireAtMilliseconds = record.expireAtMilliseconds
        copy.head = record.head
        for (member, value) in try members(of: source, record) {
            if record.type == .zset, let score = ScoreKey.score(value) {
                try setScore(score, of: member, in: destination, previous: nil, &copy)
            } else {
                try putMember(member, value: value, of: destination, &copy)
            }
        }
        try storeCollection(destination, copy)
    }

    /// Deletes a `sub` entry by its stored key (the GC cycle's stale members).
    mutating func deleteStoredMember(_ stored: [UInt8]) {
        pendingMembers[stored] = .some(nil)
        batch.delete(.sub, key: stored)
    }
}
