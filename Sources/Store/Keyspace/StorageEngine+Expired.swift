// Finding expired keys in a range of the `meta` family, for the expiry cycle.
import Engine

/// One window of the `meta` family, read for expired keys.
struct ExpiredScan {
    /// The expired keys, with the expiry each had.
    var found: [(key: [UInt8], expireAt: Int64)] = []
    /// Stored keys read.
    var examined = 0
    /// Of those, the keys with a TTL (the expired ones included).
    var volatile = 0
    /// The last stored key read; nil when the range is exhausted.
    var lastExamined: [UInt8]?
}

extension StorageEngine {
    /// Expired keys among at most `limit` stored keys from `start`.
    func scanExpired(from start: [UInt8], to end: [UInt8], limit: Int, now: Int64) throws -> ExpiredScan {
        let entries = try scan(.meta, from: start, to: end, limit: limit, reverse: false)
        var result = ExpiredScan()
        result.examined = entries.count
        for entry in entries {
            let record = try KeyRecord.decode(entry.value)
            guard let expireAt = record.expireAtMilliseconds else { continue }
            result.volatile += 1
            guard record.isExpired(atMilliseconds: now), let decoded = StoredKey.decodeMeta(entry.key) else { continue }
            result.found.append((decoded.key, expireAt))
        }
        result.lastExamined = entries.count < limit ? nil : entries.last?.key
        return result
    }
}
