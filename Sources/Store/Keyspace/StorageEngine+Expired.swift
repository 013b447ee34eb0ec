// Finding expired keys in a range of the `meta` family, for the expiry cycle.
import Engine

extension StorageEngine {
    /// Expired keys among at most `limit` stored keys from `start`, with their expiry, and the
    /// last stored key examined (nil when the range is exhausted).
    func scanExpired(from start: [UInt8], to end: [UInt8], limit: Int, now: Int64) throws
        -> (found: [(key: [UInt8], expireAt: Int64)], lastExamined: [UInt8]?)
    {
        let entries = try scan(.meta, from: start, to: end, limit: limit, reverse: false)
        var found: [(key: [UInt8], expireAt: Int64)] = []
        for entry in entries {
            let record = try KeyRecord.decode(entry.value)
            guard let expireAt = record.expireAtMilliseconds, record.isExpired(atMilliseconds: now),
                  let decoded = StoredKey.decodeMeta(entry.key) else { continue }
            found.append((decoded.key, expireAt))
        }
        return (found, entries.count < limit ? nil : entries.last?.key)
    }
}
