// What a write's apply function works on: its entry, the region's data, and the batch it builds.
public import Engine

/// Apply is a pure function of (data, entry) (DESIGN §6a): "now" is the entry's time, never a
/// clock. Reads see this entry's own earlier writes (a command may write a key and read it
/// back, as RENAME does), so the pending writes are overlaid on the engine.
public struct ApplyContext {
    /// A MULTI/EXEC block's apply points this at each of its commands in turn.
    public internal(set) var entry: WriteEntry
    let engine: any StorageEngine
    public internal(set) var batch = WriteBatch()
    /// Stored meta key → its new record bytes, or nil when this entry deleted it.
    private(set) var pending: [[UInt8]: [UInt8]?] = [:]
    /// Stored `sub` key → the member's new value, or nil when this entry deleted it
    /// (ApplyContext+Members.swift).
    var pendingMembers: [[UInt8]: [UInt8]?] = [:]
    /// How many keys this entry added (negative: removed), for the region's key count.
    public private(set) var keyCountChange = 0
    /// How many keys with an expiry this entry added (negative: removed), for INFO keyspace.
    public private(set) var expiringCountChange = 0
    private(set) var highestVersion: UInt64
    /// The region's record of key changes, for a block's WATCH check (nil outside a region).
    var modifications: ModificationLog?

    /// The region applying the entry.
    public let region: RegionDescriptor

    init(entry: WriteEntry, region: RegionDescriptor, engine: any StorageEngine, highestVersion: UInt64) {
        self.entry = entry
        self.region = region
        self.engine = engine
        self.highestVersion = highestVersion
    }

    public var arguments: [[UInt8]] { entry.arguments }
    public var nowMilliseconds: Int64 { entry.nowMilliseconds }

    /// The key's record even if it has expired, or nil when there is none.
    public func storedRecord(_ key: [UInt8]) throws -> KeyRecord? {
        let stored = StoredKey.meta(key)
        let bytes: [UInt8]?
        if let overlaid = pending[stored] {
            bytes = overlaid
        } else {
            bytes = try engine.get(.meta, key: stored)
        }
        return try bytes.map { try KeyRecord.decode($0) }
    }

    /// The key's record, or nil when it does not exist or has expired at the entry's time.
    public func record(_ key: [UInt8]) throws -> KeyRecord? {
        guard let record = try storedRecord(key), !record.isExpired(atMilliseconds: nowMilliseconds) else { return nil }
        return record
    }

    public mutating func put(_ key: [UInt8], _ record: KeyRecord) throws {
        let old = try storedRecord(key)
        if old == nil { keyCountChange += 1 }
        if old?.expireAtMilliseconds != nil { expiringCountChange -= 1 }
        if record.expireAtMilliseconds != nil { expiringCountChange += 1 }
        let stored = StoredKey.meta(key)
        let bytes = record.encoded()
        pending[stored] = .some(bytes)
        batch.put(.meta, key: stored, value: bytes)
    }

    /// Removes the key, expired or not; returns whether a live key was removed.
    @discardableResult
    public mutating func delete(_ key: [UInt8]) throws -> Bool {
        guard let existing = try storedRecord(key) else { return false }
        keyCountChange -= 1
        if existing.expireAtMilliseconds != nil { expiringCountChange -= 1 }
        let stored = StoredKey.meta(key)
        pending[stored] = .some(nil)
        batch.delete(.meta, key: stored)
        return !existing.isExpired(atMilliseconds: nowMilliseconds)
    }

    /// Deletes every key of the region applying this entry, in every data family. Must be the
    /// entry's only write: keys it wrote before are not tracked past this.
    public mutating func deleteAllKeys() throws {
        let counts = try KeyCounts.of(region, in: engine)
        for family in [ColumnFamily.meta, .sub, .score] {
            batch.deleteRange(family, from: region.startKey, to: region.endKey)
        }
        pending.removeAll()
        pendingMembers.removeAll()
        keyCountChange = -counts.keys
        expiringCountChange = -counts.expiring
    }

    /// A collection version never used before in this region (DESIGN §6): the entry's
    /// proposal, or one past the highest the region has applied, whichever is larger.
    public mutating func newVersion() -> UInt64 {
        let (next, overflow) = highestVersion.addingReportingOverflow(1)
        highestVersion = overflow ? highestVersion : max(entry.versionProposal, next)
        return highestVersion
    }
}
