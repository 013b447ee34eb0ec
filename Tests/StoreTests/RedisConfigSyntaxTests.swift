// Redis's readers of CONFIG SET values, including the corners of memtoull that clients can reach.
@testable import Store
import Testing

@Suite struct RedisConfigSyntaxTests {
    @Test(arguments: [
        ("0", Int64(0)), ("1b", 1), ("1k", 1_000), ("1KB", 1_024), ("2m", 2_000_000), ("2mb", 2_097_152), ("1g", 1_000_000_000),
        ("1Gb", 1_073_741_824), ("", 0), ("kb", 0),
        // Past 64 bits the number saturates, and a unit wraps it, as Redis's strtoull and multiply do.
        ("99999999999999999999", -1), ("18446744073709551615", -1), ("9223372036854775808", Int64.min),
    ])
    func test_memory_readsWhatRedisReads(text: String, expected: Int64) {
        #expect(RedisNumber.memory(Array(text.utf8)) == expected)
    }

    @Test(arguments: ["-1", "+1", " 1", "1 ", "1kib", "1.5mb", "1t", "abc", "1\u{212A}b"])
    func test_memory_refusesWhatRedisRefuses(text: String) {
        #expect(RedisNumber.memory(Array(text.utf8)) == nil)
    }

    @Test func test_memory_endsAtANul_asACString() {
        #expect(RedisNumber.memory(Array("5".utf8) + [0] + Array("xyz".utf8)) == 5)
    }

    @Test func test_unsignedBounds_readNegativeValuesAsHuge() {
        let size = RedisNumber.unsigned(.integer, 0...Int64.max)
        #expect(throws: ConfigRefusal.self) { try size.parse(Array("-1".utf8)).get() }
        let memory = RedisNumber.unsigned(.memory, 0...Int64.max)
        #expect((try? memory.parse(Array("3000".utf8)).get()) == 3000)
    }

    @Test func test_yesOrNo_andOneOf_ignoreCase() {
        #expect((try? RedisConfigSyntax.yesOrNo(Array("YES".utf8)).get()) == true)
        #expect((try? RedisConfigSyntax.yesOrNo(Array("no".utf8)).get()) == false)
        #expect((try? RedisConfigSyntax.oneOf(Array("ALWAYS".utf8), ["everysec", "always", "no"]).get()) == "always")
        #expect(RedisConfigSyntax.oneOf(Array("x".utf8), ["everysec", "always", "no"])
            == .failure(ConfigRefusal("argument(s) must be one of the following: everysec, always, no")))
    }
}
