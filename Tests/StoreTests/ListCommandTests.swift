// List commands in-process: pushes and pops at both ends, ranges, edits, moves, the empty
// list disappearing, WRONGTYPE, and RENAME/COPY carrying the positions over.
import RESP
@testable import Store
import Testing

@Suite struct ListCommandTests {
    static let entries = CollectionStorageTests.entries + ListCommands.entries

    private func bulks(_ items: String...) -> RESPValue { .array(items.map { .bulk(Array($0.utf8)) }) }

    @Test func test_pushesAndPops_atBothEnds() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        #expect(await harness.run("RPUSH", "l", "b", "c") == .integer(2))
        #expect(await harness.run("LPUSH", "l", "a", "z") == .integer(4))
        #expect(await harness.run("LRANGE", "l", "0", "-1") == bulks("z", "a", "b", "c"))
        #expect(await harness.run("TYPE", "l") == .simpleString("list"))
        #expect(await harness.run("LPOP", "l") == .bulk(Array("z".utf8)))
        #expect(await harness.run("RPOP", "l", "2") == bulks("c", "b"))
        #expect(await harness.run("LLEN", "l") == .integer(1))
        #expect(await harness.run("LPOP", "l", "0") == .array([]))
        #expect(await harness.run("LPOP", "l", "9223372036854775807") == bulks("a"))
        #expect(await harness.run("EXISTS", "l") == .integer(0))
        #expect(await harness.run("LPOP", "l") == .nullBulk)
        #expect(await harness.run("LPOP", "l", "3") == .nullArray)
        #expect(await harness.run("LPOP", "l", "-1") == .error("ERR value is out of range, must be positive"))
        #expect(await harness.run("LPUSHX", "l", "a") == .integer(0))
        #expect(await harness.run("RPUSH", "l", "a") == .integer(1))
        #expect(await harness.run("RPUSHX", "l", "b") == .integer(2))
        await harness.shutdown()
    }

    @Test func test_indexesRangesAndEdits() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("RPUSH", "l", "a", "b", "a", "c", "a")
        #expect(await harness.run("LINDEX", "l", "-1") == .bulk(Array("a".utf8)))
        #expect(await harness.run("LINDEX", "l", "3") == .bulk(Array("c".utf8)))
        #expect(await harness.run("LINDEX", "l", "-9223372036854775808") == .nullBulk)
        #expect(await harness.run("LRANGE", "l", "-100", "1") == bulks("a", "b"))
        #expect(await harness.run("LRANGE", "l", "3", "9223372036854775807") == bulks("c", "a"))
        #expect(await harness.run("LPOS", "l", "a", "RANK", "-1", "COUNT", "0") == .array([.integer(4), .integer(2), .integer(0)]))
        #expect(await harness.run("LPOS", "l", "a", "RANK", "2") == .integer(2))
        #expect(await harness.run("LSET", "l", "1", "B") == .simpleString("OK"))
        #expect(await harness.run("LSET", "l", "5", "x") == .error("ERR index out of range"))
        #expect(await harness.run("LINSERT", "l", "BEFORE", "c", "x") == .integer(6))
        #expect(await harness.run("LINSERT", "l", "after", "nope", "x") == .integer(-1))
        #expect(await harness.run("LREM", "l", "-2", "a") == .integer(2))
        #expect(await harness.run("LRANGE", "l", "0", "-1") == bulks("a", "B", "x", "c"))
        #expect(await harness.run("LTRIM", "l", "1", "-2") == .simpleString("OK"))
        #expect(await harness.run("LRANGE", "l", "0", "-1") == bulks("B", "x"))
        #expect(await harness.run("LTRIM", "l", "5", "1") == .simpleString("OK"))
        #expect(await harness.run("EXISTS", "l") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_movesWrongTypeAndRenameCopy() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("RPUSH", "{t}a", "1", "2", "3")
        _ = await harness.run("SET", "{t}s", "x")
        #expect(await harness.run("LMOVE", "{t}a", "{t}a", "LEFT", "RIGHT") == .bulk(Array("1".utf8)))
        #expect(await harness.run("RPOPLPUSH", "{t}a", "{t}b") == .bulk(Array("1".utf8)))
        #expect(await harness.run("LMOVE", "{t}a", "{t}s", "LEFT", "LEFT") == CollectionCommands.wrongType)
        #expect(await harness.run("LMOVE", "{t}none", "{t}s", "LEFT", "LEFT") == .nullBulk)
        #expect(await harness.run("LPUSH", "{t}s", "x") == CollectionCommands.wrongType)
        #expect(await harness.run("LRANGE", "{t}a", "0", "-1") == bulks("2", "3"))
        #expect(await harness.run("RENAME", "{t}a", "{t}r") == .simpleString("OK"))
        #expect(await harness.run("COPY", "{t}r", "{t}c") == .integer(1))
        #expect(await harness.run("RPUSH", "{t}c", "4") == .integer(3))
        #expect(await harness.run("LRANGE", "{t}c", "0", "-1") == bulks("2", "3", "4"))
        #expect(await harness.run("LRANGE", "{t}r", "0", "-1") == bulks("2", "3"))
        #expect(await harness.run("EXISTS", "{t}a") == .integer(0))
        #expect(await harness.run("LMPOP", "2", "{t}none", "{t}c", "RIGHT", "COUNT", "2")
            == .array([.bulk(Array("{t}c".utf8)), bulks("4", "3")]))
        #expect(await harness.run("LMPOP", "2", "{t}c", "other", "LEFT") == KeySlots.crossSlotError)
        #expect(await harness.run("LMOVE", "{t}c", "other", "LEFT", "LEFT") == KeySlots.crossSlotError)
        await harness.shutdown()
    }

    @Test func test_listRecord_keepsItsHead_andReadsARecordWithoutOne() throws {
        let record = KeyRecord(type: .list, expireAtMilliseconds: 5, version: 9, value: [], count: 3, head: ListStorage.origin - 2)
        #expect(try KeyRecord.decode(record.encoded()) == record)
        let withoutHead = Array(record.encoded().dropLast(8))
        #expect(try KeyRecord.decode(withoutHead).head == 0)
        let set = KeyRecord(type: .set, expireAtMilliseconds: nil, version: 1, value: [], count: 2)
        #expect(set.encoded().count == 26)
    }

    @Test func test_aLargeList_pushesAtBothEnds_andRangesByScan() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        let items = (0..<1500).map { Array("i\($0)".utf8) }
        #expect(await harness.run([Array("RPUSH".utf8), Array("l".utf8)] + items) == .integer(1500))
        #expect(await harness.run([Array("LPUSH".utf8), Array("l".utf8)] + items.prefix(500)) == .integer(2000))
        #expect(await harness.run("LINDEX", "l", "0") == .bulk(Array("i499".utf8)))
        #expect(await harness.run("LINDEX", "l", "-1") == .bulk(Array("i1499".utf8)))
        #expect(await harness.run("LRANGE", "l", "1000", "1002") == bulks("i500", "i501", "i502"))
        #expect(await harness.run("LREM", "l", "0", "i0") == .integer(2))
        #expect(await harness.run("LLEN", "l") == .integer(1998))
        #expect(await harness.run("LRANGE", "l", "497", "499") == bulks("i2", "i1", "i1"))
        #expect(await harness.run("LTRIM", "l", "-2", "-1") == .simpleString("OK"))
        #expect(await harness.run("LRANGE", "l", "0", "-1") == bulks("i1498", "i1499"))
        await harness.shutdown()
    }
}
