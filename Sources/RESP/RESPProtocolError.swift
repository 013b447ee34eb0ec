// A request that breaks the protocol, carrying the exact message Redis 7.0 answers it with.

/// The parser stops at the first one. Redis answers `-ERR <message>` and closes the connection
/// once that reply is written (`CLIENT_CLOSE_AFTER_REPLY`); the server does the same.
public enum RESPProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An inline line without `\n` within `RESPLimits.inlineMaxSize` bytes.
    case tooBigInlineRequest
    /// An inline line whose quotes `sdssplitargs` cannot close.
    case unbalancedQuotes
    /// A `*` header line without `\r` within `RESPLimits.inlineMaxSize` bytes.
    case tooBigMultibulkCountString
    /// A `$` header line without `\r` within `RESPLimits.inlineMaxSize` bytes.
    case tooBigBulkCountString
    /// A `*` count that is not a number or is above `RESPLimits.maxMultibulkLength`.
    case invalidMultibulkLength
    /// A `*` count above `RESPLimits.unauthenticatedMultibulkLength` before authentication.
    case unauthenticatedMultibulkLength
    /// A `$` length that is not a number, is negative, or is above `proto-max-bulk-len`.
    case invalidBulkLength
    /// A `$` length above `RESPLimits.unauthenticatedBulkLength` before authentication.
    case unauthenticatedBulkLength
    /// A line inside a multibulk request that does not start with `$`; carries the byte it
    /// started with.
    case expectedBulkHeader(got: UInt8)

    /// The message exactly as Redis writes it after `-ERR `. Only `expectedBulkHeader` varies:
    /// Redis prints the byte with `%c` (so a byte above 0x7F goes out raw) and its
    /// `addReplyErrorFormat` turns `\r` and `\n` into spaces to keep the reply one line.
    public var messageBytes: [UInt8] {
        let text: String
        switch self {
        case .tooBigInlineRequest: text = "too big inline request"
        case .unbalancedQuotes: text = "unbalanced quotes in request"
        case .tooBigMultibulkCountString: text = "too big mbulk count string"
        case .tooBigBulkCountString: text = "too big bulk count string"
        case .invalidMultibulkLength: text = "invalid multibulk length"
        case .unauthenticatedMultibulkLength: text = "unauthenticated multibulk length"
        case .invalidBulkLength: text = "invalid bulk length"
        case .unauthenticatedBulkLength: text = "unauthenticated bulk length"
        case .expectedBulkHeader(let got):
            let printed = got == UInt8(ascii: "\r") || got == UInt8(ascii: "\n") ? UInt8(ascii: " ") : got
            return Array("Protocol error: expected '$', got '".utf8) + [printed, UInt8(ascii: "'")]
        }
        return Array("Protocol error: \(text)".utf8)
    }

    /// `messageBytes` as text; a byte above 0x7F in `expectedBulkHeader` reads as U+FFFD here,
    /// so write `messageBytes` (or `appendReply`) to a client, not this.
    public var message: String {
        String(decoding: messageBytes, as: UTF8.self)
    }

    public var description: String { message }

    /// Appends the whole error reply, `-ERR <message>\r\n`, the same in RESP2 and RESP3.
    public func appendReply(to buffer: inout [UInt8]) {
        buffer.append(contentsOf: "-ERR ".utf8)
        buffer.append(contentsOf: messageBytes)
        buffer.append(contentsOf: "\r\n".utf8)
    }
}
