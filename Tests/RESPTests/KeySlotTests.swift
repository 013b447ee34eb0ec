// The slot function agrees with Redis Cluster's (values checked against `CLUSTER KEYSLOT`).
import Testing
@testable import RESP

@Suite struct KeySlotTests {
    @Test(arguments: [
        ("foo", 12182), ("bar", 5061), ("hello", 866), ("", 0),
        ("{user1}:a", 8106), ("{user1}:b", 8106), ("user1", 8106),
        ("{}foo", 9500), ("foo{}{bar}", 8363), ("foo{{bar}}zap", 4015), ("foo{bar}{zap}", 5061),
    ])
    func test_slot_matchesRedisCluster(key: String, slot: Int) {
        #expect(KeySlot.of(Array(key.utf8)) == slot)
    }

    @Test func test_crc16_matchesTheReferenceCheckValue() {
        // The CRC16/XMODEM check value for "123456789".
        #expect(KeySlot.crc16(Array("123456789".utf8)) == 0x31C3)
    }
}
