// SINTER SUNION SDIFF, their STORE forms, and SINTERCARD (Redis 7.0 `sinterGenericCommand`,
// `sunionDiffGenericCommand`): every key in one slot (DESIGN §5).
import RESP

enum SetAlgebraCommands {
    enum Operation: Sendable {
        case intersection, union, difference
    }

    static let entries: [CommandEntry] = [
        combined("sinter", .intersection), combined("sunion", .union), combined("sdiff", .difference),
        stored("sinterstore", .intersection), stored("sunionstore", .union), stored("sdiffstore", .difference),
        SetCardinalityCommand.entry,
    ]

    /// `sinter key…`: a set in RESP3.
    private static func combined(_ name: String, _ operation: Operation) -> CommandEntry {
        CommandEntry(spec: CollectionCommands.allKeysSpec(name, arity: -2, flags: [.readonly]),
                     data: .read { argv, data in
                         guard let sets = try load(argv[1...], data.collection(_:of:), { key, record in
                             try data.members(of: key, record).map(\.member)
                         }) else { return CollectionCommands.wrongType }
                         return .set(combine(sets, operation).map { .bulk($0) })
                     })
    }

    /// `sinterstore destination key…`: the destination becomes the result (without expiry), or
    /// is deleted when the result is empty; the reply is the result's size.
    private static func stored(_ name: String, _ operation: Operation) -> CommandEntry {
        CommandEntry(spec: CollectionCommands.allKeysSpec(name, arity: -3, flags: [.write, .denyOOM]),
                     data: .write(normalize: nil, apply: { context in
                         let arguments = context.arguments
                         guard arguments.count >= 3 else { return .error(CommandErrors.wrongArity(name)) }
                         let snapshot = context
                         guard let sets = try load(arguments[2...], snapshot.collection(_:of:), { key, record in
                             try snapshot.members(of: key, record).map(\.member)
                         }) else { return CollectionCommands.wrongType }
                         let result = combine(sets, operation)
                         let destination = arguments[1]
                         try context.delete(destination)
                         var record = try context.newCollection(.set, for: destination)
                         for member in result { try context.putMember(member, value: SetCommands.marker, of: destination, &record) }
                         try context.storeCollection(destination, record)
                         return .integer(Int64(result.count))
                     }))
    }

    /// Each key's members (nil for a missing key), or nil when a key holds another type:
    /// Redis 7.0 checks every key's type before treating a missing one as empty.
    static func load(_ keys: ArraySlice<[UInt8]>, _ lookup: ([UInt8], KeyType) throws -> CollectionLookup,
                     _ members: ([UInt8], KeyRecord) throws -> [[UInt8]]) throws -> [[[UInt8]]?]? {
        var found: [(key: [UInt8], record: KeyRecord)?] = []
        for key in keys {
            switch try lookup(key, .set) {
            case .wrongType: return nil
            case .missing: found.append(nil)
            case .found(let record): found.append((key, record))
            }
        }
        return try found.map { entry in try entry.map { try members($0.key, $0.record) } }
    }

    /// The result in member byte order; an intersection stops after `limit` members (0: no limit).
    static func combine(_ sets: [[[UInt8]]?], _ operation: Operation, limit: Int = 0) -> [[UInt8]] {
        switch operation {
        case .intersection:
            let present = sets.compactMap { $0 }
            guard present.count == sets.count, let smallest = present.min(by: { $0.count < $1.count }) else { return [] }
            let lookups = present.map(Set.init)
            var result: [[UInt8]] = []
            for member in smallest where lookups.allSatisfy({ $0.contains(member) }) {
                result.append(member)
                if limit > 0, result.count >= limit { break }
            }
            return result
        case .union:
            return Set(sets.flatMap { $0 ?? [] }).sorted { $0.lexicographicallyPrecedes($1) }
        case .difference:
            guard let first = sets.first ?? nil else { return [] }
            let removed = Set(sets.dropFirst().flatMap { $0 ?? [] })
            return first.filter { !removed.contains($0) }
        }
    }
}

/// SINTERCARD numkeys key… [LIMIT limit]: its keys are found from `numkeys`, so it checks its
/// arguments and the keys' slot itself before reading.
enum SetCardinalityCommand {
    static let entry = CommandEntry(
        spec: CommandSpec("sintercard", arity: -3, flags: [.readonly], summary: "sintercard",
                          keySpecs: [KeySpec(flags: [.readOnly, .access], beginSearch: .index(1),
                                             findKeys: .keyNumber(keyNumberIndex: 0, firstKey: 1, keyStep: 1))]),
        data: .keyspace { argv, keyspace in await cardinality(argv, keyspace) })

    static func cardinality(_ argv: [[UInt8]], _ keyspace: Keyspace) async -> RESPValue {
        switch parse(argv) {
        case .failure(let error): return error.reply
        case .success(let request):
            guard case .slot(let slot) = KeySlots.of(keys: request.keys) else { return KeySlots.crossSlotError }
            return await keyspace.read(slot: slot, argv: argv, handler: read)
        }
    }

    /// The keys and the LIMIT (0: none), or Redis's error for the arguments.
    static func parse(_ argv: [[UInt8]]) -> Result<(keys: [[UInt8]], limit: Int), RESPError> {
        guard argv.count >= 2, let numberOfKeys = StrictInteger.parse(argv[1]), numberOfKeys >= 1 else {
            return .failure(RESPError(.error("ERR numkeys should be greater than 0")))
        }
        guard numberOfKeys <= Int64(argv.count - 2) else {
            return .failure(RESPError(.error("ERR Number of keys can't be greater than number of args")))
        }
        let keysEnd = 2 + Int(numberOfKeys)
        var limit = 0
        var index = keysEnd
        while index < argv.count {
            guard StringCommands.isOption(argv[index], "limit"), index + 1 < argv.count else { return .failure(RESPError(StringCommands.syntaxError)) }
            guard let parsed = StrictInteger.parse(argv[index + 1]), parsed >= 0 else {
                return .failure(RESPError(.error("ERR LIMIT can't be negative")))
            }
            limit = Int(clamping: parsed)
            index += 2
        }
        return .success((Array(argv[2..<keysEnd]), limit))
    }

    /// The read on the keys' region (also how a MULTI block runs it).
    static let read: ReadHandler = { argv, data in
        switch parse(argv) {
        case .failure(let error): return error.reply
        case .success(let request):
            guard let sets = try SetAlgebraCommands.load(request.keys[...], data.collection(_:of:), { key, record in
                try data.members(of: key, record).map(\.member)
            }) else { return CollectionCommands.wrongType }
            return .integer(Int64(SetAlgebraCommands.combine(sets, .intersection, limit: request.limit).count))
        }
    }
}
