// HINCRBY and HINCRBYFLOAT (Redis 7.0 `hincrbyCommand`, `hincrbyfloatCommand`).
import RESP

enum HashIncrementCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: CollectionCommands.keySpec("hincrby", arity: 4, flags: [.write, .denyOOM, .fast]),
                     data: .write(normalize: nil, apply: incrementByInteger)),
        CommandEntry(spec: CollectionCommands.keySpec("hincrbyfloat", arity: 4, flags: [.write, .denyOOM, .fast]),
                     data: .write(normalize: nil, apply: incrementByFloat)),
    ]

    /// Redis parses the increment, then checks the key's type, then the field's value.
    static let incrementByInteger: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 4 else { return .error(CommandErrors.wrongArity("hincrby")) }
        guard let delta = StrictInteger.parse(arguments[3]) else { return StringCommands.notAnInteger }
        let key = arguments[1], field = arguments[2]
        guard var record = try CollectionCommands.openForWrite(key, .hash, &context) else { return CollectionCommands.wrongType }
        var current: Int64 = 0
        if let stored = try context.member(field, of: key, record) {
            guard let value = StrictInteger.parse(stored) else { return .error("ERR hash value is not an integer") }
            current = value
        }
        let (sum, overflowed) = current.addingReportingOverflow(delta)
        guard !overflowed else { return IncrementCommands.overflow }
        try context.putMember(field, value: Array(String(sum).utf8), of: key, &record)
        try context.storeCollection(key, record)
        return .integer(sum)
    }

    /// In C's x87 `long double`, as INCRBYFLOAT (see `ExtendedDouble`), so the text matches Redis's.
    static let incrementByFloat: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 4 else { return .error(CommandErrors.wrongArity("hincrbyfloat")) }
        guard let increment = ExtendedDouble.parse(arguments[3]) else { return IncrementCommands.notAFloat }
        guard increment.isFinite else { return .error("ERR value is NaN or Infinity") }
        let key = arguments[1], field = arguments[2]
        guard var record = try CollectionCommands.openForWrite(key, .hash, &context) else { return CollectionCommands.wrongType }
        var current = ExtendedDouble.zero
        if let stored = try context.member(field, of: key, record) {
            guard let value = ExtendedDouble.parse(stored) else { return .error("ERR hash value is not a float") }
            current = value
        }
        let sum = current + increment
        guard sum.isFinite else { return IncrementCommands.notFinite }
        let text = sum.humanText()
        try context.putMember(field, value: text, of: key, &record)
        try context.storeCollection(key, record)
        return .bulk(text)
    }
}
