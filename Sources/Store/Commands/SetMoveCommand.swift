// SMOVE source destination member (Redis 7.0 `smoveCommand`): both keys in one slot (DESIGN §5).
import RESP

enum SetMoveCommand {
    static let entry = CommandEntry(
        spec: CommandSpec("smove", arity: 4, flags: [.write, .fast], firstKey: 1, lastKey: 2, keyStep: 1, summary: "smove"),
        data: .write(normalize: nil, apply: move))

    /// A missing source answers 0 before any type check, as Redis does; then both keys must
    /// be sets (or the destination missing).
    static let move: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 4 else { return .error(CommandErrors.wrongArity("smove")) }
        let source = arguments[1], destination = arguments[2], member = arguments[3]
        let sourceLookup = try context.collection(source, of: .set)
        if case .missing = sourceLookup { return .integer(0) }
        let destinationLookup = try context.collection(destination, of: .set)
        guard case .found(var sourceRecord) = sourceLookup else { return CollectionCommands.wrongType }
        if case .wrongType = destinationLookup { return CollectionCommands.wrongType }
        if source == destination { return .integer(try context.member(member, of: source, sourceRecord) == nil ? 0 : 1) }
        guard try context.deleteMember(member, of: source, &sourceRecord) else { return .integer(0) }
        try context.storeCollection(source, sourceRecord)
        guard var destinationRecord = try CollectionCommands.openForWrite(destination, .set, &context) else {
            return CollectionCommands.wrongType
        }
        try context.putMember(member, value: SetCommands.marker, of: destination, &destinationRecord)
        try context.storeCollection(destination, destinationRecord)
        return .integer(1)
    }
}
