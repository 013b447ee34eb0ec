// How a collection's members are laid out in the `sub` family (DESIGN §6).
import Engine
import RESP

/// `slot u16 | len(key) u32 | key | version u64 | member`. The key's length comes first so one
/// key's members never interleave with a longer key's that shares its prefix; the version
/// follows, so a collection re-created under a new version starts with no members, and the
/// old version's entries are garbage the GC cycle removes.
public enum MemberKey {
    /// Every member of `key`'s collection of `version` starts with this.
    public static func prefix(_ key: [UInt8], version: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2 + 4 + key.count + 8)
        BigEndian.append(UInt16(truncatingIfNeeded: KeySlot.of(key)), to: &bytes)
        BigEndian.append(UInt32(truncatingIfNeeded: key.count), to: &bytes)
        bytes.append(contentsOf: key)
        BigEndian.append(version, to: &bytes)
        return bytes
    }

    public static func stored(_ key: [UInt8], version: UInt64, member: [UInt8]) -> [UInt8] {
        prefix(key, version: version) + member
    }

    /// The smallest byte string above every string starting with `prefix` (nil: none exists,
    /// the prefix is all 0xFF), the exclusive end of a prefix scan.
    public static func end(ofPrefix prefix: [UInt8]) -> [UInt8]? {
        ByteOrder.prefixEnd(prefix)
    }

    /// The parts of a stored member key, or nil when it is malformed.
    public static func decode(_ stored: [UInt8]) -> (key: [UInt8], version: UInt64, member: [UInt8])? {
        guard stored.count >= 6 else { return nil }
        let keyLength = Int(BigEndian.uint32(stored, at: 2))
        let versionOffset = 6 + keyLength
        guard stored.count >= versionOffset + 8 else { return nil }
        return (Array(stored[6..<versionOffset]), BigEndian.uint64(stored, at: versionOffset), Array(stored[(versionOffset + 8)...]))
    }
}
