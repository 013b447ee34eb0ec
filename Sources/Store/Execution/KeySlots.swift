// The one slot a command's keys hash to, or why there is none.
import RESP

enum KeySlots {
    enum Outcome {
        case slot(Int)
        case crossSlot
        case noKeys
    }

    static let crossSlotError = RESPValue.error("CROSSSLOT Keys in request don't hash to the same slot")

    static func of(_ spec: CommandSpec, _ argv: [[UInt8]]) -> Outcome {
        of(keys: spec.keyIndexes(argumentCount: argv.count).map { argv[$0] })
    }

    static func of(keys: [[UInt8]]) -> Outcome {
        guard let first = keys.first else { return .noKeys }
        let slot = KeySlot.of(first)
        for key in keys.dropFirst() where KeySlot.of(key) != slot { return .crossSlot }
        return .slot(slot)
    }
}
