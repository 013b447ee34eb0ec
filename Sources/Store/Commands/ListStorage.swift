// How a list lives in the `sub` family (DESIGN §6): each item is a member whose bytes are its
// position, a big-endian u64, and whose value is the item. The record keeps the head position
// (KeyRecord.head) and the count, so the items always sit at `head ..< head + count`: pushes
// and pops at either end touch one member, LINDEX and LSET one get, LRANGE one range scan.
// LINSERT and LREM rewrite the positions after the change (O(n)).
import RESP

enum ListStorage {
    /// A new list's head: room for 2^62 pushes at either end before positions wrap.
    static let origin: UInt64 = 1 << 62

    static func position(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        BigEndian.append(value, to: &bytes)
        return bytes
    }

    /// The key's list to change, created empty when missing; nil when it holds another type.
    static func openForWrite(_ key: [UInt8], _ context: inout ApplyContext) throws -> KeyRecord? {
        switch try context.collection(key, of: .list) {
        case .wrongType: return nil
        case .found(let record): return record
        case .missing:
            var record = try context.newCollection(.list, for: key)
            record.head = origin
            return record
        }
    }

    static func push(_ item: [UInt8], left: Bool, of key: [UInt8], _ record: inout KeyRecord, _ context: inout ApplyContext) throws {
        if left {
            record.head &-= 1
            try context.putMember(position(record.head), value: item, of: key, &record)
        } else {
            try context.putMember(position(record.head &+ record.count), value: item, of: key, &record)
        }
    }

    /// Removes and returns the item at one end; nil when the list is empty.
    static func pop(left: Bool, of key: [UInt8], _ record: inout KeyRecord, _ context: inout ApplyContext) throws -> [UInt8]? {
        guard record.count > 0 else { return nil }
        let at = position(left ? record.head : record.head &+ (record.count - 1))
        guard let item = try context.member(at, of: key, record) else { return nil }
        try context.deleteMember(at, of: key, &record)
        if left { record.head &+= 1 }
        return item
    }

    /// Every item, head first (O(n)).
    static func items(of key: [UInt8], _ record: KeyRecord, _ context: ApplyContext) throws -> [[UInt8]] {
        try context.members(of: key, record).map(\.value)
    }

    /// Replaces the items with `items`, kept from the same head (O(n)).
    static func rewrite(_ key: [UInt8], _ record: inout KeyRecord, with items: [[UInt8]], _ context: inout ApplyContext) throws {
        let old = record.count
        for (offset, item) in items.enumerated() {
            try context.putMember(position(record.head &+ UInt64(offset)), value: item, of: key, &record)
        }
        var offset = UInt64(items.count)
        while offset < old {
            try context.deleteMember(position(record.head &+ offset), of: key, &record)
            offset += 1
        }
    }

    /// Redis's index: negative counts from the tail; nil when outside the list.
    static func offset(_ index: Int64, count: UInt64) -> UInt64? {
        let length = Int64(clamping: count)
        let resolved = index < 0 ? index + length : index
        guard resolved >= 0, resolved < length else { return nil }
        return UInt64(resolved)
    }

    /// LRANGE's and LTRIM's clamp: the offsets kept, nil when none is.
    static func range(_ start: Int64, _ end: Int64, count: UInt64) -> ClosedRange<UInt64>? {
        let length = Int64(clamping: count)
        var start = start, end = end
        if start < 0 { start += length }
        if end < 0 { end += length }
        if start < 0 { start = 0 }
        guard start <= end, start < length else { return nil }
        if end >= length { end = length - 1 }
        return UInt64(start)...UInt64(end)
    }

    static func parseIndex(_ argument: [UInt8]) -> Int64? { StrictInteger.parse(argument) }

    static let noSuchKey = RESPValue.error("ERR no such key")
    static let indexOutOfRange = RESPValue.error("ERR index out of range")

    static func isLeft(_ argument: [UInt8]) -> Bool? {
        if StringCommands.isOption(argument, "left") { return true }
        if StringCommands.isOption(argument, "right") { return false }
        return nil
    }
}
