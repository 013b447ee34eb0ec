// WriteBatch: operations kept in order, byte accounting, and ranges that delete nothing.

import Engine
import Testing

@Suite struct WriteBatchTests {
    @Test func test_operations_shouldBeKeptInInsertionOrder() {
        var batch = WriteBatch()
        batch.put(.meta, key: bytes("a"), value: bytes("1"))
        batch.delete(.sub, key: bytes("b"))
        batch.deleteRange(.raft, from: bytes("c"), to: bytes("d"))
        batch.put(.meta, key: bytes("a"), value: bytes("2"))
        #expect(batch.operations == [
            .put(.meta, key: bytes("a"), value: bytes("1")),
            .delete(.sub, key: bytes("b")),
            .deleteRange(.raft, start: bytes("c"), end: bytes("d")),
            .put(.meta, key: bytes("a"), value: bytes("2")),
        ])
        #expect(batch.count == 4)
        #expect(!batch.isEmpty)
    }

    @Test func test_byteCount_shouldSumKeysValuesAndRangeBounds() {
        var batch = WriteBatch()
        #expect(batch.byteCount == 0)
        batch.put(.meta, key: bytes("key"), value: bytes("value"))
        #expect(batch.byteCount == 8)
        batch.delete(.meta, key: bytes("gone"))
        #expect(batch.byteCount == 12)
        batch.deleteRange(.sub, from: bytes("a"), to: bytes("bb"))
        #expect(batch.byteCount == 15)
        batch.put(.meta, key: [], value: [])
        #expect(batch.byteCount == 15)
        #expect(batch.count == 4)
    }

    @Test func test_emptyOrInvertedRange_shouldNotBeRecorded() {
        var batch = WriteBatch()
        batch.deleteRange(.meta, from: bytes("a"), to: bytes("a"))
        batch.deleteRange(.meta, from: bytes("b"), to: bytes("a"))
        batch.deleteRange(.meta, from: [], to: [])
        batch.deleteRange(.meta, from: [0x80], to: [0x7F])
        #expect(batch.isEmpty)
        #expect(batch.byteCount == 0)
        // The order is unsigned: [0x7F] < [0x80], so this one is kept.
        batch.deleteRange(.meta, from: [0x7F], to: [0x80])
        #expect(batch.count == 1)
    }
}
