// Writes the bytes of one fuzz input: random bytes, mutated frames, or plausible commands.
import Runtime

struct RequestWriter {
    var random: SplitMix64
    let catalog: CommandCatalog
    private(set) var bytes: [UInt8] = []

    init(random: SplitMix64, catalog: CommandCatalog) {
        self.random = random
        self.catalog = catalog
    }

    // MARK: Kinds of input

    /// Up to 600 bytes, two thirds from RESP's punctuation and command letters.
    mutating func randomBytes() {
        let alphabet = Array("*$\r\n\r\n-+:0123456789\"' \\x{}PINGSETECHO".utf8)
        for _ in 0..<random.below(600) {
            bytes.append(random.chance(33) ? UInt8(truncatingIfNeeded: random.next()) : random.pick(alphabet))
        }
    }

    /// One to four valid requests, then one to four byte-level mutations.
    mutating func mutatedFrames() {
        for _ in 0..<(1 + random.below(4)) { bytes += Self.multibulk(command()) }
        for _ in 0..<(1 + random.below(4)) where !bytes.isEmpty {
            let at = random.below(bytes.count)
            switch random.below(5) {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 1: bytes.insert(random.pick(Array("*$\r\n-0123456789".utf8)), at: at)
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(8)))
            case 3: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 1 + random.below(32))], at: at)
            default:
                // A number where a length was: lengths become huge, negative or not numbers.
                let digits = bytes[at...].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                bytes.replaceSubrange(at..<(at + digits.count), with: Array(random.pick(ArgumentVocabulary.numbers).utf8))
            }
        }
    }

    /// One to eight requests, most multibulk, some inline, a few with a lying length.
    mutating func plausibleCommands() {
        for _ in 0..<(1 + random.below(8)) {
            let argv = command()
            let roll = random.below(100)
            if roll < 80 {
                bytes += Self.multibulk(argv)
            } else if roll < 95 {
                bytes += Self.inline(argv)
            } else {
                bytes += lyingMultibulk(argv)
            }
        }
    }

    // MARK: Commands

    /// A real command (or, rarely, an unknown one) with an argument count near its arity.
    mutating func command() -> [[UInt8]] {
        guard !catalog.commands.isEmpty, !random.chance(4) else {
            return [Array(random.pick(ArgumentVocabulary.options).utf8)] + (0..<random.below(3)).map { _ in argument() }
        }
        let command = random.pick(catalog.commands)
        var spec = command.spec
        var argv = [mixedCase(spec.name)]
        if !command.subcommands.isEmpty, random.chance(85) {
            spec = random.pick(command.subcommands)
            argv.append(mixedCase(String(spec.name.split(separator: "|").last ?? "")))
        }
        let count = argumentCount(arity: spec.arity)
        let keyPositions = Set(spec.keyIndexes(argumentCount: count))
        while argv.count < count {
            argv.append(keyPositions.contains(argv.count) && random.chance(90) ? key() : argument())
        }
        return Array(argv.prefix(max(1, count)))
    }

    private mutating func argumentCount(arity: Int) -> Int {
        let minimum = abs(arity)
        let roll = random.below(100)
        if roll < 70 { return arity >= 0 ? arity : minimum + random.below(6) }
        if roll < 98 { return max(1, minimum + random.pick([-2, -1, 1, 2, 3])) }
        return 20 + random.below(280)
    }

    private mutating func argument() -> [UInt8] {
        let roll = random.below(100)
        if roll < 30 { return Array(random.pick(ArgumentVocabulary.numbers).utf8) }
        if roll < 55 { return mixedCase(random.pick(ArgumentVocabulary.options)) }
        if roll < 70 { return key() }
        if roll < 90 { return value() }
        if roll < 95 { return random.pick(ArgumentVocabulary.awkward) }
        return random.bytes(count: random.below(40))
    }

    private mutating func key() -> [UInt8] {
        random.chance(95) ? Array(random.pick(ArgumentVocabulary.keys).utf8) : random.bytes(count: random.below(20))
    }

    private mutating func value() -> [UInt8] {
        let roll = random.below(100)
        if roll < 60 { return Array("v\(random.below(1000))".utf8) }
        if roll < 99 { return random.bytes(count: random.below(64)) }
        // Past Redis's 32 KiB "big argument" size sometimes, where the parser hands its buffer over.
        return [UInt8](repeating: UInt8(ascii: "a") &+ UInt8(random.below(26)), count: 1 + random.below(40_000))
    }

    /// Redis matches names and options case-insensitively; so must Cairn.
    private mutating func mixedCase(_ word: String) -> [UInt8] {
        guard random.chance(30) else { return Array(word.utf8) }
        return word.utf8.map { byte in
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            return isLetter && random.chance(50) ? byte ^ 0x20 : byte
        }
    }

    // MARK: Encodings

    static func multibulk(_ argv: [[UInt8]]) -> [UInt8] {
        var out = Array("*\(argv.count)\r\n".utf8)
        for argument in argv { out += Array("$\(argument.count)\r\n".utf8) + argument + [13, 10] }
        return out
    }

    /// Words as they are when they can be, otherwise double-quoted with `\xHH` escapes, which
    /// Redis's `sdssplitargs` reads back.
    static func inline(_ argv: [[UInt8]]) -> [UInt8] {
        let plain: (UInt8) -> Bool = { $0 > 32 && $0 < 127 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") }
        var out: [UInt8] = []
        for (position, argument) in argv.enumerated() {
            if position > 0 { out.append(UInt8(ascii: " ")) }
            if !argument.isEmpty && argument.allSatisfy(plain) {
                out += argument
                continue
            }
            out.append(UInt8(ascii: "\""))
            for byte in argument {
                if plain(byte) && byte != UInt8(ascii: "\\") {
                    out.append(byte)
                } else {
                    out += Array(("\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)).utf8)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
        return out + [13, 10]
    }

    /// A multibulk request whose count or one bulk length is off by a little or a lot.
    private mutating func lyingMultibulk(_ argv: [[UInt8]]) -> [UInt8] {
        let lie = random.pick(["-1", "0", "1", "2", "-2", "513", "536870913", "600000000", "abc", ""])
        if random.chance(30) || argv.count < 2 {
            var out = Self.multibulk(argv)
            let countEnd = out.firstIndex(of: 13) ?? 1
            out.replaceSubrange(1..<countEnd, with: Array(lie.utf8))
            return out
        }
        var out = Array("*\(argv.count)\r\n".utf8)
        let liar = random.below(argv.count)
        for (position, argument) in argv.enumerated() {
            let length = position == liar ? lie : String(argument.count)
            out += Array("$\(length)\r\n".utf8) + argument + [13, 10]
        }
        return out
    }
}
