// A collection's members as a read sees them.

extension KeyspaceRead {
    /// The key's live collection of `type`, or why there is none.
    public func collection(_ key: [UInt8], of type: KeyType) throws -> CollectionLookup {
        CollectionLookup(try record(key), type: type)
    }

    /// The member's value, or nil when the collection has no such member.
    public func member(_ member: [UInt8], of key: [UInt8], _ record: KeyRecord) throws -> [UInt8]? {
        let stored = MemberKey.stored(key, version: record.version, member: member)
        if let pending = pendingMembers[stored] { return pending }
        return try engine.get(.sub, key: stored)
    }

    /// Members in byte order, from the first one at or after `start` (nil: the first), at
    /// most `limit` of them.
    public func members(of key: [UInt8], _ record: KeyRecord, from start: [UInt8]? = nil, limit: Int = .max) throws
        -> [(member: [UInt8], value: [UInt8])]
    {
        let prefix = MemberKey.prefix(key, version: record.version)
        guard !pendingMembers.isEmpty else {
            let entries = try engine.scan(.sub, from: prefix + (start ?? []), to: MemberKey.end(ofPrefix: prefix), limit: limit, reverse: false)
            return entries.map { (member: Array($0.key[prefix.count...]), value: $0.value) }
        }
        // Inside a MULTI/EXEC block: the block's own pending member writes overlay the engine.
        var merged: [[UInt8]: [UInt8]] = [:]
        for entry in try engine.scan(.sub, from: prefix + (start ?? []), to: MemberKey.end(ofPrefix: prefix), limit: .max, reverse: false) {
            merged[Array(entry.key[prefix.count...])] = entry.value
        }
        for (stored, value) in pendingMembers where stored.count >= prefix.count && stored.starts(with: prefix) {
            let member = Array(stored[prefix.count...])
            if let start, member.lexicographicallyPrecedes(start) { continue }
            merged[member] = value
        }
        let ordered = merged.map { (member: $0.key, value: $0.value) }.sorted { $0.member.lexicographicallyPrecedes($1.member) }
        return Array(ordered.prefix(max(0, limit)))
    }
}
