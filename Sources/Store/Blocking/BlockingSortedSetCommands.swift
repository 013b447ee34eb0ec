// BZPOPMIN BZPOPMAX BZMPOP (Redis 7.0 t_zset.c): the sorted set pops that wait for data.
import RESP

enum BlockingSortedSetCommands {
    static let entries: [CommandEntry] = [
        entry("bzpopmin", highest: false),
        entry("bzpopmax", highest: true),
        CommandEntry(spec: CommandSpec("bzmpop", arity: -5, flags: [.write, .blocking], summary: "bzmpop",
                                       keySpecs: [KeySpec(flags: [.readWrite, .access, .delete], beginSearch: .index(2),
                                                          findKeys: .keyNumber(keyNumberIndex: 0, firstKey: 1, keyStep: 1))]),
                     data: .blocking(BlockingListCommands.multiPopForm(waitsFor: .zset, parse: SortedSetMultiPopCommand.parse, keys: \.keys,
                                                                       pop: SortedSetMultiPopCommand.pop))),
    ]

    static func entry(_ name: String, highest: Bool) -> CommandEntry {
        CommandEntry(spec: CommandSpec(name, arity: -3, flags: [.write, .noscript, .blocking, .fast], firstKey: 1, lastKey: -2, keyStep: 1,
                                       summary: name),
                     data: .blocking(popFirst(highest: highest)))
    }

    /// `[key, member, score]` from the first non-empty sorted set.
    static func popFirst(highest: Bool) -> BlockingForm {
        BlockingForm(waitsFor: .zset, parse: BlockingListCommands.keysThenTimeout, wake: BlockingListCommands.narrowedToKey) { request, context in
            for key in request.waitKeys {
                switch try context.collection(key, of: .zset) {
                case .missing: continue
                case .wrongType: return CollectionCommands.wrongType
                case .found(var record):
                    guard let chosen = try SortedSetRemoveCommands.pop(1, highest: highest, from: key, &record, &context).first else { continue }
                    return .array([.bulk(key), .bulk(chosen.member), .double(chosen.score)])
                }
            }
            return .nullArray
        }
    }
}
