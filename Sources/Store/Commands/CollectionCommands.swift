// What the hash and set commands share: their specs, their errors, opening a collection to
// change it, and random picks.
import RESP
import Runtime

enum CollectionCommands {
    static let wrongType = StringCommands.wrongType

    /// The spec of a command whose one key is its first argument.
    static func keySpec(_ name: String, arity: Int, flags: CommandFlags) -> CommandSpec {
        CommandSpec(name, arity: arity, flags: flags, firstKey: 1, lastKey: 1, keyStep: 1, summary: name)
    }

    /// The spec of a command whose every argument from the first is a key.
    /// A read of the collection at argument 1.
    static func read(_ name: String, arity: Int, flags: CommandFlags = [.readonly, .fast],
                     _ handler: @escaping ReadHandler) -> CommandEntry {
        CommandEntry(spec: keySpec(name, arity: arity, flags: flags), data: .read(handler))
    }

    /// `reply` for the key's collection of `type`; `empty` when the key is missing, WRONGTYPE
    /// when it holds another type.
    static func whole(_ argv: [[UInt8]], _ data: KeyspaceRead, of type: KeyType, empty: RESPValue,
                      _ reply: (KeyRecord) throws -> RESPValue) throws -> RESPValue {
        switch try data.collection(argv[1], of: type) {
        case .wrongType: return wrongType
        case .missing: return empty
        case .found(let record): return try reply(record)
        }
    }

    static func allKeysSpec(_ name: String, arity: Int, flags: CommandFlags, firstKey: Int = 1) -> CommandSpec {
        CommandSpec(name, arity: arity, flags: flags, firstKey: firstKey, lastKey: -1, keyStep: 1, summary: name)
    }

    /// The key's collection to change, created empty under a new version when missing; nil
    /// when the key holds another type.
    static func openForWrite(_ key: [UInt8], _ type: KeyType, _ context: inout ApplyContext) throws -> KeyRecord? {
        switch try context.collection(key, of: type) {
        case .wrongType: return nil
        case .found(let record): return record
        case .missing: return try context.newCollection(type, for: key)
        }
    }

    /// Redis's `getRangeLongFromObjectOrReply(…, -LONG_MAX, LONG_MAX, …, NULL)`: the count of
    /// HRANDFIELD and SRANDMEMBER.
    static func parseSignedCount(_ argument: [UInt8]) -> Result<Int64, RESPError> {
        guard let count = StrictInteger.parse(argument) else { return .failure(RESPError(StringCommands.notAnInteger)) }
        guard count != .min else {
            return .failure(RESPError(.error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807")))
        }
        return .success(count)
    }

    /// `count` distinct positions in `0..<size` (all of them when count ≥ size), ascending.
    static func distinctPositions(_ count: Int, of size: Int, using generator: inout some RandomNumberGenerator) -> [Int] {
        guard count < size else { return Array(0..<size) }
        // Floyd's algorithm: exactly `count` draws, whatever the size.
        var chosen = Set<Int>()
        for upper in (size - count)..<size {
            let pick = position(below: upper + 1, using: &generator)
            chosen.insert(chosen.contains(pick) ? upper : pick)
        }
        return chosen.sorted()
    }

    /// A position in `0..<size` (size > 0). The arithmetic is spelled out rather than left to
    /// `Int.random(in:using:)`, whose algorithm may change between toolchains: replicas must
    /// agree on every pick.
    /// HRANDFIELD's and ZRANDMEMBER's reply without a count: one member, or nil.
    static func randomMember(_ key: [UInt8], of type: KeyType, _ data: KeyspaceRead,
                             using generator: inout some RandomNumberGenerator) throws -> RESPValue {
        switch try data.collection(key, of: type) {
        case .wrongType: return wrongType
        case .missing: return .nullBulk
        case .found(let record):
            let members = try data.members(of: key, record)
            guard !members.isEmpty else { return .nullBulk }
            return .bulk(members[position(below: members.count, using: &generator)].member)
        }
    }

    static func position(below size: Int, using generator: inout some RandomNumberGenerator) -> Int {
        Int(generator.next() % UInt64(max(size, 1)))
    }

    /// The generator a write's random choices come from: its entry's seed, so every replica
    /// makes the same choices (DESIGN §6a).
    static func generator(for context: ApplyContext) -> SplitMix64 {
        SplitMix64(seed: context.entry.seed)
    }

    /// How many replies a negative count may ask for: Redis would build any size; a bound
    /// keeps one request from exhausting the node's memory (docs/COMPATIBILITY.md).
    static let maximumRepeatedPicks = 1 << 24
    static let tooManyPicks = RESPValue.error("ERR value is out of range")
}
