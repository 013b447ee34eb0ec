// A reply, modelled once for both protocols; `RESPEncoder` writes it as RESP2 or RESP3.

/// RESP3's types are here even for RESP2 connections: a command builds one reply and the
/// encoder downgrades it the way Redis does (see `RESPEncoder`), so handlers never branch on
/// the protocol. RESP3 attributes are left out: Redis 7.0 sends none outside `DEBUG PROTOCOL`.
public enum RESPValue: Hashable, Sendable {
    /// `+text`; the text may not hold `\r` or `\n` (the encoder turns them into spaces).
    case simpleString(String)
    /// `-CODE message`: the text after the `-`, code included (`ERR …`, `WRONGTYPE …`).
    case error(String)
    case integer(Int64)
    case bulk([UInt8])
    /// RESP2's `$-1`; written as RESP3's null (`_`) to a RESP3 client, as Redis does.
    case nullBulk
    case array([RESPValue])
    /// RESP2's `*-1`; written as RESP3's null (`_`) to a RESP3 client, as Redis does.
    case nullArray
    /// RESP3 `%`; pairs keep their order.
    case map([Entry])
    /// RESP3 `~`.
    case set([RESPValue])
    /// RESP3 `,`.
    case double(Double)
    /// RESP3 `_`.
    case null
    /// RESP3 `#`.
    case boolean(Bool)
    /// RESP3 `(`: the decimal digits, with a leading `-` when negative.
    case bigNumber(String)
    /// RESP3 `=`: `format` is a three-byte type such as `txt` or `mkd` (shorter is padded with
    /// spaces, longer is cut), `text` the payload.
    case verbatim(format: String, text: [UInt8])
    /// RESP3 `>`: out-of-band data such as pub/sub messages.
    case push([RESPValue])
    /// Member/value pairs (WITHSCORES, WITHVALUES, ZPOPMIN with a count): RESP3 nests each pair
    /// as a 2-element array, RESP2 flattens them into one array of 2n items, as Redis 7.0 does.
    case pairs([Entry])

    /// One key/value pair of a map or of `pairs`.
    public struct Entry: Hashable, Sendable {
        public var key: RESPValue
        public var value: RESPValue

        public init(key: RESPValue, value: RESPValue) {
            self.key = key
            self.value = value
        }
    }

    /// A bulk string holding the UTF-8 bytes of `text`.
    public static func bulk(_ text: String) -> RESPValue {
        .bulk(Array(text.utf8))
    }
}
