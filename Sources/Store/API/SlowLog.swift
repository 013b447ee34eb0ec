// SLOWLOG: commands slower than `slowlog-log-slower-than` µs, newest first, at most `slowlog-max-len`.
import RESP
import Synchronization

public final class SlowLog: Sendable {
    public struct Record: Sendable {
        let id: Int64
        let unixSeconds: Int64
        let microseconds: Int64
        let arguments: [[UInt8]]
        let clientAddress: String
        let clientName: String
    }

    private struct State {
        var records: [Record] = []
        var nextID: Int64 = 0
        var thresholdMicroseconds: Int64 = 10_000
        var maxLength = 128
    }

    private let state = Mutex(State())

    public init() {}

    public var thresholdMicroseconds: Int64 {
        get { state.withLock { $0.thresholdMicroseconds } }
        set { state.withLock { $0.thresholdMicroseconds = newValue } }
    }

    public var maxLength: Int {
        get { state.withLock { $0.maxLength } }
        set { state.withLock { $0.maxLength = max(0, newValue); $0.records = Array($0.records.prefix($0.maxLength)) } }
    }

    /// Records the command if it took at least the threshold (a negative threshold logs nothing).
    func consider(_ argv: [[UInt8]], microseconds: Int64, unixSeconds: Int64, clientAddress: String, clientName: String) {
        state.withLock { state in
            guard state.thresholdMicroseconds >= 0, microseconds >= state.thresholdMicroseconds, state.maxLength > 0 else { return }
            // As Redis: at most 32 arguments, each at most 128 bytes, with a note of what was cut.
            var arguments = argv.prefix(argv.count > 32 ? 31 : 32).map { argument -> [UInt8] in
                argument.count > 128 ? Array(argument.prefix(128)) + Array("... (\(argument.count - 128) more bytes)".utf8) : argument
            }
            if argv.count > 32 { arguments.append(Array("... (\(argv.count - 31) more arguments)".utf8)) }
            state.records.insert(Record(id: state.nextID, unixSeconds: unixSeconds, microseconds: microseconds, arguments: arguments,
                                        clientAddress: clientAddress, clientName: clientName), at: 0)
            state.nextID &+= 1
            if state.records.count > state.maxLength { state.records.removeLast(state.records.count - state.maxLength) }
        }
    }

    var count: Int { state.withLock { $0.records.count } }

    func reset() { state.withLock { $0.records.removeAll() } }

    func newest(_ count: Int) -> RESPValue {
        let records = state.withLock { Array($0.records.prefix(count)) }
        return .array(records.map { record in
            .array([
                .integer(record.id), .integer(record.unixSeconds), .integer(record.microseconds),
                .array(record.arguments.map { .bulk($0) }), .bulk(Array(record.clientAddress.utf8)), .bulk(Array(record.clientName.utf8)),
            ])
        })
    }
}
