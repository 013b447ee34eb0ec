// Pub/Sub on one node: channel and pattern subscriptions, and PUBLISH's delivery.
import RESP
import Synchronization

/// A connection that receives published messages; `deliver` is called from any thread and
/// must hop to the connection's loop itself.
public protocol MessageReceiver: AnyObject, Sendable {
    var clientID: Int64 { get }
    /// `message` for a channel subscription, `pmessage` (with the pattern) for a pattern one.
    func deliver(kind: String, pattern: [UInt8]?, channel: [UInt8], message: [UInt8])
}

public final class PubSubHub: Sendable {
    private struct State {
        var channels: [[UInt8]: [Int64: any MessageReceiver]] = [:]
        var patterns: [[UInt8]: [Int64: any MessageReceiver]] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    func subscribe(_ channel: [UInt8], _ receiver: any MessageReceiver) {
        state.withLock { $0.channels[channel, default: [:]][receiver.clientID] = receiver }
    }

    func unsubscribe(_ channel: [UInt8], clientID: Int64) {
        state.withLock { state in
            state.channels[channel]?[clientID] = nil
            if state.channels[channel]?.isEmpty == true { state.channels[channel] = nil }
        }
    }

    func subscribe(pattern: [UInt8], _ receiver: any MessageReceiver) {
        state.withLock { $0.patterns[pattern, default: [:]][receiver.clientID] = receiver }
    }

    func unsubscribe(pattern: [UInt8], clientID: Int64) {
        state.withLock { state in
            state.patterns[pattern]?[clientID] = nil
            if state.patterns[pattern]?.isEmpty == true { state.patterns[pattern] = nil }
        }
    }

    /// Delivers to every channel subscriber and every matching pattern subscription except the
    /// publisher's own, and returns how many deliveries there are in all (PUBLISH's reply) and
    /// the publisher's own, which it answers itself before that reply, as Redis orders them.
    func publish(_ channel: [UInt8], _ message: [UInt8], from publisher: Int64) -> (count: Int64, own: [[UInt8]?]) {
        let (direct, byPattern) = state.withLock { state in
            (Array(state.channels[channel]?.values ?? [:].values),
             state.patterns.flatMap { pattern, receivers in
                 GlobPattern(pattern).matches(channel) ? receivers.values.map { (pattern, $0) } : []
             })
        }
        var own: [[UInt8]?] = []
        for receiver in direct {
            if receiver.clientID == publisher { own.append(nil) } else {
                receiver.deliver(kind: "message", pattern: nil, channel: channel, message: message)
            }
        }
        for (pattern, receiver) in byPattern {
            if receiver.clientID == publisher { own.append(pattern) } else {
                receiver.deliver(kind: "pmessage", pattern: pattern, channel: channel, message: message)
            }
        }
        return (Int64(direct.count + byPattern.count), own)
    }

    static func messageItems(kind: String, pattern: [UInt8]?, channel: [UInt8], message: [UInt8]) -> [RESPValue] {
        var items: [RESPValue] = [.bulk(Array(kind.utf8))]
        if let pattern { items.append(.bulk(pattern)) }
        return items + [.bulk(channel), .bulk(message)]
    }

    /// Active channels (with at least one subscriber), optionally matching `pattern`.
    func channels(matching pattern: [UInt8]?) -> [[UInt8]] {
        let all = state.withLock { Array($0.channels.keys) }
        guard let pattern else { return all }
        let glob = GlobPattern(pattern)
        return all.filter { glob.matches($0) }
    }

    func subscriberCount(_ channel: [UInt8]) -> Int {
        state.withLock { $0.channels[channel]?.count ?? 0 }
    }

    /// Distinct patterns subscribed by anyone (PUBSUB NUMPAT).
    var patternCount: Int { state.withLock { $0.patterns.count } }
}

/// MONITOR: connections that see every command the server runs.
public final class MonitorHub: Sendable {
    private let receivers = Mutex<[Int64: any MonitorReceiver]>([:])
    private let count = Atomic<Int>(0)

    public init() {}

    func add(_ receiver: any MonitorReceiver) {
        receivers.withLock { $0[receiver.clientID] = receiver; count.store($0.count, ordering: .relaxed) }
    }

    func remove(clientID: Int64) {
        receivers.withLock { $0[clientID] = nil; count.store($0.count, ordering: .relaxed) }
    }

    var isEmpty: Bool { count.load(ordering: .relaxed) == 0 }

    /// Sends Redis's monitor line: `1700000000.123456 [0 127.0.0.1:5000] "set" "k" "v"`.
    func feed(_ argv: [[UInt8]], unixMicroseconds: Int64, clientAddress: String) {
        guard !isEmpty else { return }
        let fraction = String(unixMicroseconds % 1_000_000)
        var line = "\(unixMicroseconds / 1_000_000)." + String(repeating: "0", count: max(0, 6 - fraction.count)) + fraction
        line += " [0 \(clientAddress)]"
        for argument in argv { line += " " + MonitorHub.quoted(argument) }
        let targets = receivers.withLock { Array($0.values) }
        for receiver in targets { receiver.deliverMonitorLine(line) }
    }

    /// Redis's `sdscatrepr`: printable bytes as is, `\n` `\r` `\t` `\a` `\b` `\\` `\"` escaped, others `\xHH`.
    static func quoted(_ bytes: [UInt8]) -> String {
        var text = "\""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"): text += "\\\\"
            case UInt8(ascii: "\""): text += "\\\""
            case 10: text += "\\n"
            case 13: text += "\\r"
            case 9: text += "\\t"
            case 7: text += "\\a"
            case 8: text += "\\b"
            case 32...126: text.unicodeScalars.append(UnicodeScalar(byte))
            default:
                let digits = Array("0123456789abcdef")
                text += "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
            }
        }
        return text + "\""
    }
}

public protocol MonitorReceiver: AnyObject, Sendable {
    var clientID: Int64 { get }
    func deliverMonitorLine(_ line: String)
}
