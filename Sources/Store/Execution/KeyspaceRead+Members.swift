// A collection's members as a read sees them.

extension KeyspaceRead {
    /// The key's live collection of `type`, or why there is none.
    public func collection(_ key: [UInt8], of type: KeyType) throws -> CollectionLookup {
        CollectionLookup(try record(key), type: type)
    }

    /// The member's value, or nil when the collection has no such member.
    public func member(_ member: [UInt8], of key: [UInt8], _ record: KeyRecord) throws -> [UInt8]? {
        try engine.get(.sub, key: MemberKey.stored(key, version: record.version, member: member))
    }

    /// Members in byte order, from the first one at or after `start` (nil: the first), at
    /// most `limit` of them.
    public func members(of key: [UInt8], _ record: KeyRecord, from start: [UInt8]? = nil, limit: Int = .max) throws
        -> [(member: [UInt8], value: [UInt8])]
    {
        let prefix = MemberKey.prefix(key, version: record.version)
        let entries = try engine.scan(.sub, from: prefix + (start ?? []), to: MemberKey.end(ofPrefix: prefix), limit: limit, reverse: false)
        return entries.map { (member: Array($0.key[prefix.count...]), value: $0.value) }
    }
}
