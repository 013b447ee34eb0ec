// What a read command sees of its region: live keys at one moment.
public import Engine

/// Expired keys read as absent (DESIGN §6): only the leader's expiry cycle deletes them.
public struct KeyspaceRead: Sendable {
    let engine: any StorageEngine
    public let nowMilliseconds: Int64
    /// A MULTI/EXEC block's own earlier writes (stored meta key → record, nil: deleted), which
    /// its reads must see; empty for an ordinary read.
    var pendingMeta: [[UInt8]: [UInt8]?] = [:]
    /// The same for `sub` members (KeyspaceRead+Members.swift).
    var pendingMembers: [[UInt8]: [UInt8]?] = [:]

    public init(engine: any StorageEngine, nowMilliseconds: Int64) {
        self.engine = engine
        self.nowMilliseconds = nowMilliseconds
    }

    /// The key's record, or nil when it does not exist or has expired.
    public func record(_ key: [UInt8]) throws -> KeyRecord? {
        let stored = StoredKey.meta(key)
        guard let bytes = try pendingMeta[stored] ?? engine.get(.meta, key: stored) else { return nil }
        let record = try KeyRecord.decode(bytes)
        return record.isExpired(atMilliseconds: nowMilliseconds) ? nil : record
    }

    /// Live keys with `start <= stored key < end` in stored order, at most `limit` of them
    /// examined (expired ones are skipped but count against the limit, so a scan over many
    /// expired keys still returns promptly). Also returns the last stored key examined and how
    /// many were examined: fewer than `limit` means the range is exhausted.
    public func liveKeys(from start: [UInt8], to end: [UInt8], limit: Int) throws
        -> (keys: [(key: [UInt8], record: KeyRecord)], lastExamined: [UInt8]?, examined: Int)
    {
        let entries = try engine.scan(.meta, from: start, to: end, limit: limit, reverse: false)
        var live: [(key: [UInt8], record: KeyRecord)] = []
        for entry in entries {
            let record = try KeyRecord.decode(entry.value)
            guard !record.isExpired(atMilliseconds: nowMilliseconds), let decoded = StoredKey.decodeMeta(entry.key) else { continue }
            live.append((decoded.key, record))
        }
        return (live, entries.last?.key, entries.count)
    }
}
