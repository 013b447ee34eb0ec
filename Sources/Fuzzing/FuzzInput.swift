// One fuzz input: the bytes a client sends, how its reads are cut, and how its connection starts.
import Runtime

public struct FuzzInput: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// Bytes biased toward RESP's punctuation.
        case randomBytes
        /// Valid requests with bytes flipped, inserted, deleted or duplicated.
        case mutatedFrames
        /// Requests for real commands with wrong arity, edge numbers, option words and binary.
        case plausibleCommands
    }

    public let index: Int
    public let kind: Kind
    public let bytes: [UInt8]
    /// Offsets where the stream is cut into separate reads, ascending, inside the bytes.
    public let cuts: [Int]
    /// `resp.requirepass` for this connection, so NOAUTH and the smaller unauthenticated limits are fuzzed too.
    public let requiredPassword: [UInt8]?
    /// The connection said `HELLO 3` before these bytes, so replies are encoded as RESP3.
    public let startsInRESP3: Bool
    /// How far the store's wall clock moves before this input, so expiry times come and go.
    public let clockAdvanceMilliseconds: Int64

    /// The reads, in order.
    public var chunks: [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            result.append(bytes[start..<cut])
            start = cut
        }
        return result
    }

    public var description: String {
        let password = requiredPassword.map { " requirepass=\(Self.escaped($0))" } ?? ""
        return "input #\(index) (\(kind.rawValue), \(bytes.count) bytes, \(cuts.count + 1) reads\(password)"
            + "\(startsInRESP3 ? ", RESP3" : "")): \(Self.escaped(bytes.prefix(2000)))"
    }

    /// Printable ASCII as itself, everything else as `\xHH` (and `\r`, `\n`).
    static func escaped(_ bytes: some Collection<UInt8>) -> String {
        var text = "\""
        for byte in bytes {
            switch byte {
            case 13: text += "\\r"
            case 10: text += "\\n"
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): text += "\\" + String(UnicodeScalar(byte))
            case 32..<127: text.unicodeScalars.append(UnicodeScalar(byte))
            default: text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return text + "\""
    }

    /// Input `index` of the run seeded with `seed`: each input has its own generator, so any
    /// one of them can be regenerated alone.
    public static func generate(seed: UInt64, index: Int, catalog: CommandCatalog) -> FuzzInput {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        var random = SplitMix64(seed: mixer.next())
        var requests = RequestWriter(random: random, catalog: catalog)
        let kind: Kind
        let roll = requests.random.below(100)
        if roll < 20 {
            kind = .randomBytes
            requests.randomBytes()
        } else if roll < 35 {
            kind = .mutatedFrames
            requests.mutatedFrames()
        } else {
            kind = .plausibleCommands
            requests.plausibleCommands()
        }
        random = requests.random
        let password: [UInt8]? = random.chance(10) ? Array("fuzz-pass".utf8) : nil
        var bytes = requests.bytes
        if password != nil, random.chance(50) {
            bytes = RequestWriter.multibulk([Array("AUTH".utf8), Array("fuzz-pass".utf8)]) + bytes
        }
        return FuzzInput(index: index, kind: kind, bytes: bytes, cuts: cuts(for: bytes.count, using: &random),
                         requiredPassword: password, startsInRESP3: random.chance(30),
                         clockAdvanceMilliseconds: random.chance(20) ? Int64(random.below(3000)) : 0)
    }

    /// Whole, at a few random places, or (for short inputs) byte by byte.
    private static func cuts(for count: Int, using random: inout SplitMix64) -> [Int] {
        guard count > 1 else { return [] }
        let roll = random.below(100)
        if roll < 50 { return [] }
        if roll < 85 || count > 256 {
            return Array(Set((0..<(1 + random.below(4))).map { _ in 1 + random.below(count - 1) })).sorted()
        }
        return Array(1..<count)
    }
}
