// LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len] (Redis 7.0 `lposCommand`).
import RESP

enum ListPositionCommand {
    static let rankZero = RESPValue.error(
        "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list")
    static let countNegative = RESPValue.error("ERR COUNT can't be negative")
    static let maxlenNegative = RESPValue.error("ERR MAXLEN can't be negative")

    static let find: ReadHandler = { argv, data in
        var rank: Int64 = 1, count: Int64?, maxlen: Int64 = 0
        var index = 3
        while index < argv.count {
            guard index + 1 < argv.count else { return StringCommands.syntaxError }
            let value = argv[index + 1]
            if StringCommands.isOption(argv[index], "rank") {
                guard let parsed = StrictInteger.parse(value) else { return StringCommands.notAnInteger }
                guard parsed != 0 else { return rankZero }
                // Redis negates LONG_MIN into itself and then takes the first match from the tail.
                rank = parsed == .min ? -1 : parsed
            } else if StringCommands.isOption(argv[index], "count") {
                guard let parsed = StrictInteger.parse(value), parsed >= 0 else { return countNegative }
                count = parsed
            } else if StringCommands.isOption(argv[index], "maxlen") {
                guard let parsed = StrictInteger.parse(value), parsed >= 0 else { return maxlenNegative }
                maxlen = parsed
            } else {
                return StringCommands.syntaxError
            }
            index += 2
        }
        return try CollectionCommands.whole(argv, data, of: .list, empty: count == nil ? .nullBulk : .array([])) { record in
            var items = try data.members(of: argv[1], record).map(\.value)
            let fromTail = rank < 0
            if fromTail { items.reverse() }
            if maxlen > 0 && Int64(items.count) > maxlen { items = Array(items.prefix(Int(clamping: maxlen))) }
            var skip = rank.magnitude - 1
            var found: [RESPValue] = []
            let wanted = count.map { $0 == 0 ? UInt64.max : UInt64($0) } ?? 1
            for (offset, item) in items.enumerated() where item == argv[2] {
                if skip > 0 { skip -= 1; continue }
                found.append(.integer(Int64(fromTail ? Int(clamping: record.count) - 1 - offset : offset)))
                if UInt64(found.count) >= wanted { break }
            }
            if count == nil { return found.first ?? .nullBulk }
            return .array(found)
        }
    }
}
