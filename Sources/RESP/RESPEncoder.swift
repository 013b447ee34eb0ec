// Writes replies in RESP2 or RESP3, with the downgrades Redis 7.0 makes for RESP2 clients.

/// One small helper per reply kind, named after Redis's `addReply*` family, plus
/// `append(_:to:)` for a whole `RESPValue`. For a RESP2 connection RESP3 types are written the
/// way Redis 7.0 writes them (networking.c):
/// - map → flat array of 2n items (`addReplyMapLen` doubles the count and uses `*`);
/// - set → array (`addReplySetLen` uses `*`);
/// - null and null bulk → `$-1` (`addReplyNull`); null array → `*-1` (`addReplyNullArray`);
///   to RESP3 all three are `_`;
/// - boolean → integer 1 or 0 (`addReplyBool`);
/// - double → bulk string of `%.17g`, with `inf`/`-inf` spelled out (`addReplyDouble`); RESP3
///   writes `,` and the same text;
/// - big number → bulk string of its digits (`addReplyBigNum`);
/// - verbatim string → bulk string of the text alone, without the format (`addReplyVerbatim`);
/// - pairs → flat array of 2n items; to RESP3 an array of n 2-element arrays (WITHSCORES);
/// - push → array: Redis sends pub/sub messages to RESP2 clients as plain arrays
///   (`addReplyPubsubMessage` uses `addReplyPushLen` only for RESP3).
/// Aggregate lengths are counts of items the caller then appends; they must not be negative.
public struct RESPEncoder: Sendable {
    public var protocolVersion: RESPProtocolVersion

    public init(protocolVersion: RESPProtocolVersion = .resp2) {
        self.protocolVersion = protocolVersion
    }

    // MARK: Whole values

    public func append(_ value: RESPValue, to buffer: inout [UInt8]) {
        switch value {
        case .simpleString(let text): appendSimpleString(text, to: &buffer)
        case .error(let text): appendError(text, to: &buffer)
        case .integer(let number): appendInteger(number, to: &buffer)
        case .bulk(let bytes): appendBulk(bytes, to: &buffer)
        case .nullBulk, .null: appendNull(to: &buffer)
        case .nullArray: appendNullArray(to: &buffer)
        case .array(let items): appendArray(items, to: &buffer)
        case .map(let entries): appendMap(entries, to: &buffer)
        case .pairs(let entries): appendPairs(entries, to: &buffer)
        case .set(let items):
            appendSetLength(items.count, to: &buffer)
            for item in items { append(item, to: &buffer) }
        case .push(let items):
            appendPushLength(items.count, to: &buffer)
            for item in items { append(item, to: &buffer) }
        case .double(let number): appendDouble(number, to: &buffer)
        case .boolean(let flag): appendBoolean(flag, to: &buffer)
        case .bigNumber(let digits): appendBigNumber(digits, to: &buffer)
        case .verbatim(let format, let text): appendVerbatim(text, format: format, to: &buffer)
        }
    }

    public func appendArray(_ items: [RESPValue], to buffer: inout [UInt8]) {
        appendArrayLength(items.count, to: &buffer)
        for item in items { append(item, to: &buffer) }
    }

    public func appendMap(_ entries: [RESPValue.Entry], to buffer: inout [UInt8]) {
        appendMapLength(entries.count, to: &buffer)
        for entry in entries {
            append(entry.key, to: &buffer)
            append(entry.value, to: &buffer)
        }
    }

    /// RESP3: an array of n 2-element arrays; RESP2: one flat array of 2n items (Redis 7.0's
    /// WITHSCORES replies, which nest only when `c->resp > 2`).
    public func appendPairs(_ entries: [RESPValue.Entry], to buffer: inout [UInt8]) {
        if protocolVersion == .resp2 {
            let (items, overflowed) = entries.count.multipliedReportingOverflow(by: 2)
            precondition(!overflowed, "\(entries.count) pairs cannot be counted as a RESP2 array")
            appendArrayLength(items, to: &buffer)
        } else {
            appendArrayLength(entries.count, to: &buffer)
        }
        for entry in entries {
            if protocolVersion == .resp3 { appendArrayLength(2, to: &buffer) }
            append(entry.key, to: &buffer)
            append(entry.value, to: &buffer)
        }
    }

    // MARK: Scalars

    /// `+text`. Redis never puts a line break in a status; one here would end the reply early
    /// and desynchronise the client, so `\r` and `\n` become spaces.
    public func appendSimpleString(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "+"))
        appendSingleLine(text, to: &buffer)
        appendCRLF(to: &buffer)
    }

    /// `-text`, where `text` starts with the error code (`ERR …`). Line breaks become spaces, as
    /// Redis's `addReplyErrorFormat` makes them.
    public func appendError(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "-"))
        appendSingleLine(text, to: &buffer)
        appendCRLF(to: &buffer)
    }

    public func appendInteger(_ number: Int64, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: ":"))
        appendDecimal(number, to: &buffer)
        appendCRLF(to: &buffer)
    }

    public func appendBulk(_ bytes: some Collection<UInt8>, to buffer: inout [UInt8]) {
        appendHeader(UInt8(ascii: "$"), bytes.count, to: &buffer)
        buffer.append(contentsOf: bytes)
        appendCRLF(to: &buffer)
    }

    /// A bulk string of the UTF-8 bytes of `text` (`addReplyBulkCString`).
    public func appendBulk(_ text: String, to buffer: inout [UInt8]) {
        appendBulk(text.utf8, to: &buffer)
    }

    /// `$-1` in RESP2, `_` in RESP3 (`addReplyNull`).
    public func appendNull(to buffer: inout [UInt8]) {
        buffer.append(contentsOf: (protocolVersion == .resp2 ? "$-1\r\n" : "_\r\n").utf8)
    }

    /// `*-1` in RESP2, `_` in RESP3 (`addReplyNullArray`).
    public func appendNullArray(to buffer: inout [UInt8]) {
        buffer.append(contentsOf: (protocolVersion == .resp2 ? "*-1\r\n" : "_\r\n").utf8)
    }

    /// `:1`/`:0` in RESP2, `#t`/`#f` in RESP3 (`addReplyBool`).
    public func appendBoolean(_ flag: Bool, to buffer: inout [UInt8]) {
        if protocolVersion == .resp2 {
            buffer.append(contentsOf: (flag ? ":1\r\n" : ":0\r\n").utf8)
        } else {
            buffer.append(contentsOf: (flag ? "#t\r\n" : "#f\r\n").utf8)
        }
    }

    /// Redis 7.0's `addReplyDouble`: `%.17g` (so 3.14 is `3.1400000000000001`), infinities as
    /// `inf`/`-inf`, NaN as glibc prints it (`nan`, or `-nan` with the sign bit set); a bulk
    /// string in RESP2, `,` in RESP3.
    public func appendDouble(_ number: Double, to buffer: inout [UInt8]) {
        var text: [UInt8] = []
        PrintfDouble.appendG17(number, to: &text)
        if protocolVersion == .resp2 {
            appendBulk(text, to: &buffer)
        } else {
            buffer.append(UInt8(ascii: ","))
            buffer.append(contentsOf: text)
            appendCRLF(to: &buffer)
        }
    }

    /// A bulk string of the digits in RESP2, `(` in RESP3 (`addReplyBigNum`).
    public func appendBigNumber(_ digits: String, to buffer: inout [UInt8]) {
        if protocolVersion == .resp2 {
            appendBulk(digits, to: &buffer)
        } else {
            buffer.append(UInt8(ascii: "("))
            appendSingleLine(digits, to: &buffer)
            appendCRLF(to: &buffer)
        }
    }

    /// A bulk string of `text` in RESP2; in RESP3 `=<length>\r\nfmt:<text>\r\n`, where `fmt` is
    /// the first three bytes of `format`, padded with spaces (`addReplyVerbatim`).
    public func appendVerbatim(_ text: some Collection<UInt8>, format: String, to buffer: inout [UInt8]) {
        guard protocolVersion == .resp3 else {
            appendBulk(text, to: &buffer)
            return
        }
        // A byte array cannot come within 4 of Int.max, so the sum cannot overflow.
        appendHeader(UInt8(ascii: "="), text.count &+ 4, to: &buffer)
        var formatBytes = format.utf8.prefix(3).makeIterator()
        for _ in 0..<3 { buffer.append(formatBytes.next() ?? UInt8(ascii: " ")) }
        buffer.append(UInt8(ascii: ":"))
        buffer.append(contentsOf: text)
        appendCRLF(to: &buffer)
    }

    // MARK: Aggregate headers

    public func appendArrayLength(_ count: Int, to buffer: inout [UInt8]) {
        appendHeader(UInt8(ascii: "*"), count, to: &buffer)
    }

    /// `%n` in RESP3; `*2n` in RESP2, where the caller's n pairs read as 2n flat items.
    public func appendMapLength(_ count: Int, to buffer: inout [UInt8]) {
        if protocolVersion == .resp2 {
            let (items, overflowed) = count.multipliedReportingOverflow(by: 2)
            precondition(!overflowed, "map of \(count) pairs cannot be counted as a RESP2 array")
            appendHeader(UInt8(ascii: "*"), items, to: &buffer)
        } else {
            appendHeader(UInt8(ascii: "%"), count, to: &buffer)
        }
    }

    /// `~n` in RESP3, `*n` in RESP2.
    public func appendSetLength(_ count: Int, to buffer: inout [UInt8]) {
        appendHeader(protocolVersion == .resp2 ? UInt8(ascii: "*") : UInt8(ascii: "~"), count, to: &buffer)
    }

    /// `>n` in RESP3, `*n` in RESP2.
    public func appendPushLength(_ count: Int, to buffer: inout [UInt8]) {
        appendHeader(protocolVersion == .resp2 ? UInt8(ascii: "*") : UInt8(ascii: ">"), count, to: &buffer)
    }

    // MARK: Pieces

    private func appendHeader(_ prefix: UInt8, _ count: Int, to buffer: inout [UInt8]) {
        precondition(count >= 0, "a reply length must not be negative, got \(count)")
        buffer.append(prefix)
        appendDecimal(Int64(count), to: &buffer)
        appendCRLF(to: &buffer)
    }

    private func appendDecimal(_ number: Int64, to buffer: inout [UInt8]) {
        if number < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digitCount = 1
        var rest = magnitude / 10
        while rest != 0 {
            digitCount += 1
            rest /= 10
        }
        // Written in place from the last digit back, so no scratch array is allocated.
        buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digitCount))
        var index = buffer.endIndex
        repeat {
            index -= 1
            buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude != 0
    }

    private func appendSingleLine(_ text: String, to buffer: inout [UInt8]) {
        for byte in text.utf8 {
            buffer.append(byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte)
        }
    }

    private func appendCRLF(to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\r"))
        buffer.append(UInt8(ascii: "\n"))
    }
}
