// Redis's glob matching (`stringmatchlen`), byte for byte: KEYS, SCAN MATCH, CONFIG GET, COMMAND LIST.

/// `*` any run of bytes, `?` one byte, `[abc]` `[^abc]` `[a-z]` one byte of (or not of) a set,
/// `\x` the byte `x` itself. Matching is over bytes; `ignoringCase` folds ASCII letters only,
/// as C's `tolower` does in Redis (CONFIG GET and COMMAND LIST match that way, KEYS does not).
///
/// Redis's quirks are kept on purpose, because clients see them: a malformed set such as
/// `[abc` or `[^` ends at the pattern's end and still consumes one byte; a trailing `\`
/// matches a literal backslash; `[z-a]` is the range `a`…`z`; and no pattern matches the empty
/// string except the empty pattern (`*` does not: KEYS special-cases a lone `*` itself).
/// Redis gives up (no match) past 1000 nested `*`s, which also bounds the recursion here.
public struct GlobPattern: Sendable, Hashable {
    public let pattern: [UInt8]
    public let ignoringCase: Bool

    public init(_ pattern: [UInt8], ignoringCase: Bool = false) {
        self.pattern = pattern
        self.ignoringCase = ignoringCase
    }

    public init(_ pattern: String, ignoringCase: Bool = false) {
        self.init(Array(pattern.utf8), ignoringCase: ignoringCase)
    }

    public func matches(_ string: [UInt8]) -> Bool {
        var matcher = Matcher(pattern: pattern, string: string, ignoringCase: ignoringCase)
        return matcher.match(patternStart: 0, stringStart: 0, nesting: 0)
    }

    public func matches(_ string: String) -> Bool {
        matches(Array(string.utf8))
    }

    /// Whether `text` holds any of the bytes that make a pattern (`*`, `?`, `[`): CONFIG GET
    /// looks a name without them up directly instead of matching it (so `\` escapes nothing there).
    public static func hasWildcards(_ text: [UInt8]) -> Bool {
        text.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }
    }

    static let maximumNesting = 1000
}

/// The state of one match: a port of `stringmatchlen_impl`, with indexes for pointers. Reads
/// past the pattern's end see 0, as C sees the terminating NUL of Redis's strings.
private struct Matcher {
    let pattern: [UInt8]
    let string: [UInt8]
    let ignoringCase: Bool
    /// Redis's `skipLongerMatches`: once the rest of the pattern after a `*` failed to match
    /// anywhere in the rest of the string, no longer match for an earlier `*` can succeed.
    var skipLongerMatches = false

    init(pattern: [UInt8], string: [UInt8], ignoringCase: Bool) {
        self.pattern = pattern
        self.string = string
        self.ignoringCase = ignoringCase
    }

    private func patternByte(_ index: Int) -> UInt8 {
        index >= 0 && index < pattern.count ? pattern[index] : 0
    }

    private func folded(_ byte: UInt8) -> UInt8 {
        ignoringCase && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private func same(_ lhs: UInt8, _ rhs: UInt8) -> Bool {
        folded(lhs) == folded(rhs)
    }

    mutating func match(patternStart: Int, stringStart: Int, nesting: Int) -> Bool {
        if nesting > GlobPattern.maximumNesting { return false }
        var p = patternStart
        var s = stringStart
        while p < pattern.count, s < string.count {
            switch pattern[p] {
            case UInt8(ascii: "*"):
                while p + 1 < pattern.count, pattern[p + 1] == UInt8(ascii: "*") { p += 1 }
                if p + 1 == pattern.count { return true }
                while s < string.count {
                    if match(patternStart: p + 1, stringStart: s, nesting: nesting + 1) { return true }
                    if skipLongerMatches { return false }
                    s += 1
                }
                skipLongerMatches = true
                return false
            case UInt8(ascii: "?"):
                s += 1
            case UInt8(ascii: "["):
                guard matchSet(at: &p, byte: string[s]) else { return false }
                s += 1
            case UInt8(ascii: "\\"):
                if p + 1 < pattern.count { p += 1 }
                guard same(pattern[p], string[s]) else { return false }
                s += 1
            default:
                guard same(pattern[p], string[s]) else { return false }
                s += 1
            }
            p += 1
            if s == string.count {
                while patternByte(p) == UInt8(ascii: "*") { p += 1 }
                break
            }
        }
        return p >= pattern.count && s == string.count
    }

    /// Matches `byte` against the set opening at `p` (the `[`); leaves `p` on the set's last
    /// byte (its `]`, or the pattern's last byte when the set is not closed).
    private func matchSet(at p: inout Int, byte: UInt8) -> Bool {
        p += 1
        let negated = patternByte(p) == UInt8(ascii: "^")
        if negated { p += 1 }
        var matched = false
        while true {
            let remaining = pattern.count - p
            if patternByte(p) == UInt8(ascii: "\\"), remaining >= 2 {
                p += 1
                if pattern[p] == byte { matched = true }
            } else if patternByte(p) == UInt8(ascii: "]") {
                break
            } else if remaining <= 0 {
                p -= 1
                break
            } else if remaining >= 3, pattern[p + 1] == UInt8(ascii: "-") {
                // Redis compares C `char`s, signed on the x86-64 builds clients meet, so a
                // range reaching past 0x7F orders those bytes below 0.
                // The ends are swapped before case folding, as Redis does, so `[Z-a]` with
                // ignoringCase is the empty range `z`…`a`.
                var low = Int8(bitPattern: pattern[p]), high = Int8(bitPattern: pattern[p + 2])
                if low > high { swap(&low, &high) }
                low = Int8(bitPattern: folded(UInt8(bitPattern: low)))
                high = Int8(bitPattern: folded(UInt8(bitPattern: high)))
                let candidate = Int8(bitPattern: folded(byte))
                if candidate >= low, candidate <= high { matched = true }
                p += 2
            } else if same(pattern[p], byte) {
                matched = true
            }
            p += 1
        }
        return negated ? !matched : matched
    }
}
