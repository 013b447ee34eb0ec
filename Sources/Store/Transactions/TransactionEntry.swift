// A MULTI/EXEC block as one write entry (DESIGN §6a): its watches and its commands, nested.

/// The entry's arguments are flat, so the block rides in an ordinary `WriteEntry`:
/// `exec <format> <watch count> (<key> <sequence> <existed 0|1> <was live 0|1>)…
///  <command count> (<read|write> <handler name> <argc> <argument>…)…`, numbers in decimal.
/// A write's handler is its apply (the normalized command's first word); a read's is the
/// read command's name. Decoding checks every count, so a damaged entry is refused, not guessed.
struct TransactionEntry: Equatable {
    static let applyName = "exec"
    static let format = "1"

    enum Kind: String {
        case read
        case write
    }

    struct Step: Equatable {
        let kind: Kind
        let handler: String
        let arguments: [[UInt8]]
    }

    var watches: [WatchedKey]
    var steps: [Step]

    var arguments: [[UInt8]] {
        var out: [[UInt8]] = [Array(Self.applyName.utf8), Array(Self.format.utf8), Self.number(watches.count)]
        for watch in watches {
            out += [watch.key, Array(String(watch.sequence).utf8), watch.existed ? [0x31] : [0x30], watch.wasLive ? [0x31] : [0x30]]
        }
        out.append(Self.number(steps.count))
        for step in steps {
            out += [Array(step.kind.rawValue.utf8), Array(step.handler.utf8), Self.number(step.arguments.count)]
            out += step.arguments
        }
        return out
    }

    /// The block in `arguments`, or nil when they are not a well-formed block of this format.
    static func decode(_ arguments: [[UInt8]]) -> TransactionEntry? {
        var reader = ArgumentReader(arguments: arguments)
        guard reader.text() == applyName, reader.text() == format, let watchCount = reader.count() else { return nil }
        var watches: [WatchedKey] = []
        for _ in 0..<watchCount {
            guard let key = reader.next(), let sequence = reader.text().flatMap(UInt64.init),
                  let existed = reader.flag(), let wasLive = reader.flag() else { return nil }
            watches.append(WatchedKey(key: key, sequence: sequence, existed: existed, wasLive: wasLive))
        }
        guard let stepCount = reader.count() else { return nil }
        var steps: [Step] = []
        for _ in 0..<stepCount {
            guard let kind = reader.text().flatMap(Kind.init(rawValue:)), let handler = reader.text(),
                  let argumentCount = reader.count(), let stepArguments = reader.take(argumentCount) else { return nil }
            steps.append(Step(kind: kind, handler: handler, arguments: stepArguments))
        }
        guard reader.isAtEnd else { return nil }
        return TransactionEntry(watches: watches, steps: steps)
    }

    private static func number(_ value: Int) -> [UInt8] { Array(String(value).utf8) }
}

/// Reads a flat argument list front to back; every accessor answers nil past the end.
private struct ArgumentReader {
    let arguments: [[UInt8]]
    private var position = 0

    init(arguments: [[UInt8]]) {
        self.arguments = arguments
    }

    var isAtEnd: Bool { position == arguments.count }

    mutating func next() -> [UInt8]? {
        guard position < arguments.count else { return nil }
        defer { position += 1 }
        return arguments[position]
    }

    mutating func text() -> String? {
        next().map { String(decoding: $0, as: UTF8.self) }
    }

    /// A count no larger than what is left, so a damaged count cannot make us loop for long.
    mutating func count() -> Int? {
        guard let value = text().flatMap(Int.init), value >= 0, value <= arguments.count - position else { return nil }
        return value
    }

    mutating func flag() -> Bool? {
        switch text() {
        case "1": true
        case "0": false
        default: nil
        }
    }

    mutating func take(_ count: Int) -> [[UInt8]]? {
        guard count <= arguments.count - position else { return nil }
        defer { position += count }
        return Array(arguments[position..<(position + count)])
    }
}
