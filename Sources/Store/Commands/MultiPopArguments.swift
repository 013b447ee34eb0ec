// `numkeys key [key …] <side> [COUNT count]`: the arguments LMPOP and ZMPOP (and their
// blocking forms after the timeout) share, checked in Redis 7.0's order and words.
import RESP

enum MultiPopArguments {
    /// The keys, the side (`side` reads the side word: nil when it is neither) and the count
    /// (1 unless given); argv[0] is the command's name.
    static func parse(_ argv: [[UInt8]], side: ([UInt8]) -> Bool?) -> Result<(keys: [[UInt8]], side: Bool, count: Int64), RESPError> {
        guard argv.count >= 2, let numberOfKeys = StrictInteger.parse(argv[1]), numberOfKeys >= 1 else {
            return .failure(RESPError(.error("ERR numkeys should be greater than 0")))
        }
        guard numberOfKeys < Int64(argv.count) - 2 else { return .failure(RESPError(StringCommands.syntaxError)) }
        let sideIndex = 2 + Int(numberOfKeys)
        guard let chosen = side(argv[sideIndex]) else { return .failure(RESPError(StringCommands.syntaxError)) }
        var count: Int64?
        var index = sideIndex + 1
        while index < argv.count {
            guard count == nil, StringCommands.isOption(argv[index], "count"), index + 1 < argv.count else {
                return .failure(RESPError(StringCommands.syntaxError))
            }
            guard let parsed = StrictInteger.parse(argv[index + 1]), parsed >= 1 else {
                return .failure(RESPError(.error("ERR count should be greater than 0")))
            }
            count = parsed
            index += 2
        }
        return .success((Array(argv[2..<sideIndex]), chosen, count ?? 1))
    }

    /// LMPOP's or ZMPOP's entry. Its keys are found from numkeys, which the legacy key range
    /// cannot say, so it runs as a keyspace command: it checks the syntax and the keys' slot,
    /// then proposes itself to that slot's region, whose apply pops.
    static func entry(_ name: String, keys: @escaping @Sendable ([[UInt8]]) -> Result<[[UInt8]], RESPError>,
                      apply: @escaping ApplyHandler) -> CommandEntry {
        CommandEntry(
            spec: CommandSpec(name, arity: -4, flags: [.write], summary: name,
                              keySpecs: [KeySpec(flags: [.readWrite, .access, .delete], beginSearch: .index(1),
                                                 findKeys: .keyNumber(keyNumberIndex: 0, firstKey: 1, keyStep: 1))]),
            data: .keyspace { argv, keyspace in
                switch keys(argv) {
                case .failure(let error): return error.reply
                case .success(let found):
                    guard case .slot(let slot) = KeySlots.of(keys: found) else { return KeySlots.crossSlotError }
                    return await keyspace.propose(slot: slot, arguments: argv)
                }
            },
            internalApplies: [name: apply])
    }
}
