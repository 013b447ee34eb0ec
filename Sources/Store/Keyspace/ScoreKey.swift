// How a sorted set keeps its scores (DESIGN §6): member → score in `sub` (the value is the
// score's 8 bytes), and the order index in `score`:
// `slot u16 | len(key) u32 | key | version u64 | ordered score u64 | member` → empty.

public enum ScoreKey {
    /// The score as a `sub` value: its IEEE bits, big-endian. -0 is kept as 0, as Redis 7.0's
    /// listpack-encoded sorted sets answer it.
    public static func value(_ score: Double) -> [UInt8] {
        var bytes: [UInt8] = []
        BigEndian.append((score == 0 ? 0.0 : score).bitPattern, to: &bytes)
        return bytes
    }

    /// The score a `sub` value holds, or nil when it is not 8 bytes or is NaN (never stored).
    public static func score(_ value: [UInt8]) -> Double? {
        guard value.count == 8 else { return nil }
        let score = Double(bitPattern: BigEndian.uint64(value, at: 0))
        return score.isNaN ? nil : score
    }

    /// Eight bytes whose byte order is the scores' numeric order: the sign bit flipped for
    /// positives, every bit for negatives. -0 is written as 0, since Redis compares them equal
    /// and orders such members by their bytes.
    public static func ordered(_ score: Double) -> UInt64 {
        let bits = (score == 0 ? 0.0 : score).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The score whose `ordered` bytes these are.
    public static func score(ordered: UInt64) -> Double {
        Double(bitPattern: ordered & (1 << 63) != 0 ? ordered & ~(1 << 63) : ~ordered)
    }

    /// The index entry of `member` with `score` in `key`'s sorted set of `version`.
    public static func stored(_ key: [UInt8], version: UInt64, score: Double, member: [UInt8]) -> [UInt8] {
        var bytes = MemberKey.prefix(key, version: version)
        BigEndian.append(ordered(score), to: &bytes)
        bytes.append(contentsOf: member)
        return bytes
    }
}
