// How a user key is laid out in the `meta` family: its slot first (DESIGN §5, §6).
import RESP

/// `slot u16 | key`: a region's keys are one contiguous range, ordered by slot then key bytes.
public enum StoredKey {
    public static func meta(_ key: [UInt8]) -> [UInt8] {
        meta(key, slot: KeySlot.of(key))
    }

    public static func meta(_ key: [UInt8], slot: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2 + key.count)
        BigEndian.append(UInt16(truncatingIfNeeded: slot), to: &bytes)
        bytes.append(contentsOf: key)
        return bytes
    }

    /// The first stored key of `slot` (`slot` may be 16384: the end of the keyspace).
    public static func slotStart(_ slot: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        BigEndian.append(UInt16(truncatingIfNeeded: slot), to: &bytes)
        return bytes
    }

    /// The user key and slot of a stored `meta` key, or nil when it is too short.
    public static func decodeMeta(_ stored: [UInt8]) -> (slot: Int, key: [UInt8])? {
        guard stored.count >= 2 else { return nil }
        return (Int(BigEndian.uint16(stored, at: 0)), Array(stored[2...]))
    }
}
