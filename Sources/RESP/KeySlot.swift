// Redis Cluster's key → slot function: CRC16 (XMODEM) of the hash tag, modulo 16384 (DESIGN §5).

public enum KeySlot {
    public static let count = 16384

    /// The slot of `key`: if the key has a non-empty `{…}` section, only that part is hashed,
    /// so `{user1}:a` and `{user1}:b` share a slot.
    public static func of<Key: Collection>(_ key: Key) -> Int where Key.Element == UInt8 {
        let tagged = hashTag(key)
        return Int(crc16(tagged) & 0x3FFF)
    }

    /// The bytes that decide the slot: between the first `{` and the next `}` when that span
    /// is not empty; otherwise the whole key (Redis's `keyHashSlot`).
    static func hashTag<Key: Collection>(_ key: Key) -> Key.SubSequence where Key.Element == UInt8 {
        guard let open = key.firstIndex(of: UInt8(ascii: "{")) else { return key[...] }
        let afterOpen = key.index(after: open)
        guard let close = key[afterOpen...].firstIndex(of: UInt8(ascii: "}")), close != afterOpen else {
            return key[...]
        }
        return key[afterOpen..<close]
    }

    /// CRC16-CCITT (XMODEM): polynomial 0x1021, initial value 0, as Redis Cluster specifies.
    static func crc16<Bytes: Sequence>(_ bytes: Bytes) -> UInt16 where Bytes.Element == UInt8 {
        var crc: UInt16 = 0
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1
            }
        }
        return crc
    }
}
