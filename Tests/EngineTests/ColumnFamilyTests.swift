// ColumnFamily: the on-disk names of DESIGN §6 and the dense indexes engines rely on.

import Engine
import Testing

@Suite struct ColumnFamilyTests {
    @Test func test_names_shouldBeDesignTableNames() {
        #expect(ColumnFamily.allCases.map(\.name) == ["meta", "sub", "score", "raft", "region"])
    }

    @Test func test_rawValues_shouldBeDenseFromZero() {
        #expect(ColumnFamily.allCases.map(\.rawValue) == Array(0..<ColumnFamily.allCases.count))
    }
}
