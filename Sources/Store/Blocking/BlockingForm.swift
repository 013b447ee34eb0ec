// How a blocking pop (BLPOP, BLMOVE, BZPOPMIN…) runs: tried at once as a write; when nothing is
// there, its client waits in the region on its keys (DESIGN §6a: a woken pop is one entry).
import RESP

/// The parts of a blocking command the store needs besides its apply.
public struct BlockingForm: Sendable {
    /// The keys to wait on, every key (for the slot check) and the timeout, or Redis's error
    /// for the request (checked in Redis's order: the command's own syntax, then the timeout).
    let parse: @Sendable (_ argv: [[UInt8]]) -> Result<BlockingRequest, RESPError>
    /// Pops if it can. A null reply means nothing was there: MULTI answers it as it is, and
    /// outside MULTI the client waits.
    let apply: ApplyHandler
    /// The entry that serves a waiting client once `key` holds data: its request narrowed to
    /// that key, so it pops from the key that became ready, as Redis serves it.
    let wake: @Sendable (_ argv: [[UInt8]], _ key: [UInt8]) -> [[UInt8]]
    /// The type a ready key must hold; a key that became another type keeps its waiters.
    let waitsFor: KeyType

    init(waitsFor: KeyType, parse: @escaping @Sendable ([[UInt8]]) -> Result<BlockingRequest, RESPError>,
         wake: @escaping @Sendable ([[UInt8]], [UInt8]) -> [[UInt8]],
         serve: @escaping @Sendable (BlockingRequest, inout ApplyContext) throws -> RESPValue) {
        self.waitsFor = waitsFor
        self.parse = parse
        self.wake = wake
        apply = { context in
            switch parse(context.arguments) {
            case .failure(let error): return error.reply
            case .success(let request): return try serve(request, &context)
            }
        }
    }
}

public struct BlockingRequest: Sendable {
    /// The keys whose data would serve the client, in the request's order.
    var waitKeys: [[UInt8]]
    /// Every key the command names (BLMOVE's destination too): they must share a slot.
    var allKeys: [[UInt8]]
    var timeout: BlockTimeout
    /// The command's own options (BLMPOP's side and count…), parsed once.
    var options: [String: Int64] = [:]
}

/// How long a client waits: Redis's `getTimeoutFromObjectOrReply` for seconds.
public enum BlockTimeout: Sendable, Equatable {
    case forever
    case milliseconds(Int64)

    static let notAFloat = RESPError(.error("ERR timeout is not a float or out of range"))
    static let negative = RESPError(.error("ERR timeout is negative"))

    /// Seconds as Redis reads them (`strtold`: decimal or hex, `inf`; no spaces, no NaN),
    /// rounded up to whole milliseconds; 0 waits forever. Redis converts the milliseconds to a
    /// C `long long`, which turns values past its range (and infinities) into its minimum, so
    /// those are "negative" there and here.
    static func parse(_ argument: [UInt8]) -> Result<BlockTimeout, RESPError> {
        guard let seconds = ExtendedDouble.parse(argument) else { return .failure(notAFloat) }
        let milliseconds = (seconds.approximateDouble * 1000).rounded(.up)
        guard milliseconds.isFinite, milliseconds >= -9.223372036854775808e18, milliseconds < 9.223372036854775808e18 else {
            return .failure(negative)
        }
        let whole = Int64(milliseconds)
        if whole < 0 { return .failure(negative) }
        return .success(whole == 0 ? .forever : .milliseconds(whole))
    }
}
