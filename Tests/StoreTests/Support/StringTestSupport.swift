// Shared by the string command tests: reply shorthands and a key of another type.
import RESP
@testable import Store

func bulk(_ text: String) -> RESPValue {
    .bulk(Array(text.utf8))
}

let wrongType = RESPValue.error("WRONGTYPE Operation against a key holding the wrong kind of value")
let notAnInteger = RESPValue.error("ERR value is not an integer or out of range")

/// `makelist key`: stores a list record, so the string commands' WRONGTYPE paths can be reached
/// before Cairn has list commands.
let listMaker = CommandEntry(
    spec: CommandSpec("makelist", arity: 2, flags: [.write], firstKey: 1, lastKey: 1, keyStep: 1, summary: "test: a list key"),
    data: .write(normalize: nil) { context in
        try context.put(context.arguments[1], KeyRecord(type: .list, expireAtMilliseconds: nil, version: 1, value: [], count: 1))
        return .simpleString("OK")
    })

extension StoreHarness {
    /// A harness with every string and key command, and `makelist`.
    static func forStrings() throws -> StoreHarness {
        try StoreHarness(entries: StringCommands.entries + KeyCommands.entries + [listMaker])
    }
}
