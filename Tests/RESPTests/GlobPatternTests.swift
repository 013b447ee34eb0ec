// GlobPattern matches exactly as Redis's stringmatchlen: against KEYS answers, quirks, case folding.
import Testing
@testable import RESP

@Suite struct GlobPatternTests {
    @Test func test_everyPattern_matchesWhatRedisKeysMatched() {
        for (pattern, matched) in RedisGlobVectors.matches {
            let glob = GlobPattern(pattern)
            for (index, string) in RedisGlobVectors.strings.enumerated() {
                #expect(glob.matches(string) == matched.contains(index),
                        "pattern \(pattern) against \(string): Redis said \(matched.contains(index))")
            }
        }
    }

    @Test(arguments: [
        ("h?llo", "hello", true), ("h?llo", "hllo", false), ("h*llo", "hllo", true), ("h*llo", "heeeello", true),
        ("h[ae]llo", "hello", true), ("h[ae]llo", "hillo", false), ("h[^e]llo", "hallo", true), ("h[^e]llo", "hello", false),
        ("h[a-b]llo", "hbllo", true), ("h[a-b]llo", "hcllo", false), ("h\\*llo", "h*llo", true), ("h\\*llo", "hallo", false),
        ("", "", true), ("", "a", false), ("a", "", false), ("*", "", false), ("*", "anything", true), ("**", "x", true),
        ("?", "", false), ("a\\", "a\\", true), ("[z-a]", "m", true), ("[abc", "c", true), ("[abc", "[", false),
        ("[^", "x", true), ("a[", "a", false), ("[]]", "]", false), ("[\\]]", "]", true), ("a*b*c", "axxbyyc", true),
        ("a*b*c", "axxbyy", false), ("*.yaml", "single.yaml", true),
    ])
    func test_caseSensitive_matchesRedisRules(pattern: String, string: String, expected: Bool) {
        #expect(GlobPattern(pattern).matches(string) == expected)
    }

    @Test(arguments: [
        ("MAXCLIENTS", "maxclients", true), ("max*", "MAXMEMORY", true), ("[A-C]*", "bee", true), ("[a-c]*", "BEE", true),
        ("[^A]bc", "abc", false), ("h[E]llo", "hello", true), ("\\M*", "max", true),
        // Redis swaps a range's ends before folding case, so [Z-a] folds to the empty z…a.
        ("[Z-a]", "m", false), ("[Z-a]", "z", false), ("[Z-a]", "a", false), ("[a-Z]", "_", false),
    ])
    func test_ignoringCase_foldsASCIILettersOnly(pattern: String, string: String, expected: Bool) {
        #expect(GlobPattern(pattern, ignoringCase: true).matches(string) == expected)
    }

    @Test func test_ignoringCase_leavesNonASCIIBytesAlone() {
        #expect(GlobPattern([0xC3, 0x89], ignoringCase: true).matches([0xC3, 0xA9]) == false)
        #expect(GlobPattern("caf?", ignoringCase: true).matches(Array("CAFE".utf8)))
    }

    @Test func test_escapeInsideASet_isCaseSensitiveEvenIgnoringCase() {
        // Redis compares an escaped byte in a set without folding.
        #expect(GlobPattern("[\\A]", ignoringCase: true).matches("a") == false)
        #expect(GlobPattern("[\\A]", ignoringCase: true).matches("A"))
    }

    @Test func test_rangesPastASCII_orderBytesAsSignedCharacters() {
        // x86-64 Redis compares C chars: 0x80…0xFF are below 0, so [a-\xFF] is \xFF…a.
        let pattern = GlobPattern([UInt8(ascii: "["), UInt8(ascii: "a"), UInt8(ascii: "-"), 0xFF, UInt8(ascii: "]")])
        #expect(pattern.matches([UInt8(ascii: "0")]))
        #expect(pattern.matches([0xFE]) == false)
        #expect(pattern.matches([UInt8(ascii: "b")]) == false)
    }

    @Test func test_manyStars_giveUpPastRedisNestingLimitWithoutDeepRecursion() {
        // 1001 `*x` pairs nest past Redis's limit of 1000: no match, as in Redis, and no crash.
        let deep = Array(repeating: "*x", count: 1_001).joined() + "y"
        #expect(GlobPattern(deep).matches(String(repeating: "x", count: 1_200)) == false)
        let shallow = Array(repeating: "*x", count: 900).joined()
        #expect(GlobPattern(shallow).matches(String(repeating: "x", count: 900)))
    }

    @Test func test_pathologicalPattern_returnsQuickly() {
        // Without Redis's skipLongerMatches this is exponential.
        let pattern = String(repeating: "a*", count: 30) + "b"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(GlobPattern(pattern).matches(String(repeating: "a", count: 60)) == false)
        }
        #expect(elapsed < .seconds(2))
    }

    @Test func test_hasWildcards_isConfigGetsTestForAPattern() {
        #expect(GlobPattern.hasWildcards(Array("max*".utf8)))
        #expect(GlobPattern.hasWildcards(Array("a?".utf8)))
        #expect(GlobPattern.hasWildcards(Array("[ab]".utf8)))
        #expect(GlobPattern.hasWildcards(Array("max\\clients".utf8)) == false)
        #expect(GlobPattern.hasWildcards(Array("maxclients".utf8)) == false)
    }
}
