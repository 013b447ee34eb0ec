// The binary formats a region applies and stores: entries and key records.
@testable import Store
import Testing

@Suite struct WriteEntryTests {
    @Test func test_entry_roundTripsThroughItsBytes() throws {
        let entry = WriteEntry(nowMilliseconds: 1_700_000_000_123, seed: 42, versionProposal: 9,
                               arguments: [Array("set".utf8), [0, 255, 13, 10], []])
        #expect(try WriteEntry.decode(entry.encoded()) == entry)
        #expect(entry.commandName == "set")
    }

    @Test func test_entry_ofAnotherFormat_isRefusedNotGuessed() {
        var bytes = WriteEntry(nowMilliseconds: 0, seed: 0, versionProposal: 0, arguments: [[1]]).encoded()
        bytes[0] = 2
        #expect(throws: StoredDataError.unknownFormat("write entry", 2)) { try WriteEntry.decode(bytes) }
    }

    @Test func test_entry_truncatedOrWithTrailingBytes_isRefused() {
        let bytes = WriteEntry(nowMilliseconds: 1, seed: 2, versionProposal: 3, arguments: [Array("abc".utf8)]).encoded()
        for length in 0..<bytes.count {
            #expect(throws: StoredDataError.self) { try WriteEntry.decode(Array(bytes.prefix(length))) }
        }
        #expect(throws: StoredDataError.trailingBytes("write entry")) { try WriteEntry.decode(bytes + [0]) }
    }

    @Test func test_entry_withAHugeArgumentCount_failsWithoutAllocating() {
        var bytes: [UInt8] = [WriteEntry.format] + [UInt8](repeating: 0, count: 24) + [0xFF, 0xFF, 0xFF, 0xFF]
        bytes += [0, 0, 0, 1, 7]
        #expect(throws: StoredDataError.truncated("write entry")) { try WriteEntry.decode(bytes) }
    }

    @Test func test_keyRecord_roundTripsStringsAndCollections() throws {
        let string = KeyRecord.string([1, 2, 3], expireAt: 1234, version: 7)
        #expect(try KeyRecord.decode(string.encoded()) == string)
        let set = KeyRecord(type: .set, expireAtMilliseconds: nil, version: 99, value: [], count: 5)
        #expect(try KeyRecord.decode(set.encoded()) == set)
        #expect(throws: StoredDataError.unknownFormat("key record", 9)) { try KeyRecord.decode([9] + string.encoded().dropFirst()) }
    }

    @Test func test_storedKey_ordersBySlotThenKey() {
        let a = StoredKey.meta(Array("a".utf8), slot: 1)
        let b = StoredKey.meta(Array("a".utf8), slot: 2)
        #expect(a.lexicographicallyPrecedes(b))
        #expect(StoredKey.decodeMeta(b)?.slot == 2)
        #expect(StoredKey.decodeMeta(b)?.key == Array("a".utf8))
        #expect(StoredKey.slotStart(16384) == [0x40, 0x00])
    }
}
