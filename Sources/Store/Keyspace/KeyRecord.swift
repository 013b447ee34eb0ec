// A key's `meta` record (DESIGN §6): type, expiry, version, and a string's bytes inline.

/// Stored as `[format 1][type][expireAt ms u64][version u64][payload]`, integers big-endian;
/// the payload is a string's bytes, or a collection's member count (u64); a list's payload
/// adds its head position (u64) after the count, a record without it reads as head 0. A
/// record with another format byte is refused, never guessed at.
public struct KeyRecord: Sendable, Equatable {
    public static let format: UInt8 = 1
    private static let headerLength = 18

    public var type: KeyType
    /// Absolute Unix time in milliseconds; nil when the key does not expire.
    public var expireAtMilliseconds: Int64?
    public var version: UInt64
    /// A string's value; empty for collections.
    public var value: [UInt8]
    /// A collection's member count; 0 for strings.
    public var count: UInt64
    /// A list's first item's position: its items sit at `head ..< head + count` (ListStorage).
    public var head: UInt64 = 0

    public static func string(_ value: [UInt8], expireAt: Int64? = nil, version: UInt64 = 0) -> KeyRecord {
        KeyRecord(type: .string, expireAtMilliseconds: expireAt, version: version, value: value, count: 0)
    }

    public init(type: KeyType, expireAtMilliseconds: Int64?, version: UInt64, value: [UInt8], count: UInt64, head: UInt64 = 0) {
        self.type = type
        self.expireAtMilliseconds = expireAtMilliseconds
        self.version = version
        self.value = value
        self.count = count
        self.head = head
    }

    /// Redis's `keyIsExpired`: a key is still there during its expiry millisecond.
    public func isExpired(atMilliseconds now: Int64) -> Bool {
        guard let expireAtMilliseconds else { return false }
        return expireAtMilliseconds < now
    }

    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.headerLength + (type == .string ? value.count : 16))
        bytes.append(Self.format)
        bytes.append(type.rawValue)
        BigEndian.append(UInt64(bitPattern: expireAtMilliseconds ?? 0), to: &bytes)
        BigEndian.append(version, to: &bytes)
        if type == .string {
            bytes.append(contentsOf: value)
        } else {
            BigEndian.append(count, to: &bytes)
            if type == .list { BigEndian.append(head, to: &bytes) }
        }
        return bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(StoredDataError) -> KeyRecord {
        guard bytes.count >= headerLength else { throw .truncated("key record") }
        guard bytes[0] == format else { throw .unknownFormat("key record", bytes[0]) }
        guard let type = KeyType(rawValue: bytes[1]) else { throw .unknownFormat("key type", bytes[1]) }
        let expireAt = Int64(bitPattern: BigEndian.uint64(bytes, at: 2))
        let version = BigEndian.uint64(bytes, at: 10)
        if type == .string {
            return KeyRecord(type: type, expireAtMilliseconds: expireAt == 0 ? nil : expireAt, version: version,
                             value: Array(bytes[headerLength...]), count: 0)
        }
        guard bytes.count >= headerLength + 8 else { throw .truncated("key record") }
        let head = type == .list && bytes.count >= headerLength + 16 ? BigEndian.uint64(bytes, at: headerLength + 8) : 0
        return KeyRecord(type: type, expireAtMilliseconds: expireAt == 0 ? nil : expireAt, version: version,
                         value: [], count: BigEndian.uint64(bytes, at: headerLength), head: head)
    }
}
