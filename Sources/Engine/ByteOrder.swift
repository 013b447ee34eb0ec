// The order of keys: unsigned bytes, lexicographically, as RocksDB's default comparator.

/// Every engine must order keys exactly this way (a shorter key sorts before any longer key
/// it is a prefix of; the empty key sorts first), because key encodings (DESIGN §6) rely on
/// big-endian numbers sorting numerically, including bytes ≥ 0x80.
public enum ByteOrder {
    /// Negative, zero or positive as `lhs` sorts before, equal to, or after `rhs`.
    static func compare(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                let common = min(left.count, right.count)
                var index = 0
                while index < common {
                    let (a, b) = (left[index], right[index])
                    if a != b { return a < b ? -1 : 1 }
                    index += 1
                }
                if left.count == right.count { return 0 }
                return left.count < right.count ? -1 : 1
            }
        }
    }

    static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// The smallest key greater than every key that starts with `prefix`, or nil when there
    /// is none (the prefix is empty or all 0xFF): drop trailing 0xFF bytes, add one to the last.
    public static func prefixEnd(_ prefix: [UInt8]) -> [UInt8]? {
        var end = prefix
        while let last = end.last {
            if last < 0xFF {
                end[end.count - 1] = last + 1
                return end
            }
            end.removeLast()
        }
        return nil
    }
}
