// Turns a connection's bytes into commands, incrementally, as Redis 7.0's processInputBuffer does.

/// Feed it what the socket delivers with `append(contentsOf:)`, then call `next()` until it
/// returns nil (it needs more bytes). Each call returns one command's arguments, in order.
/// Like Redis, a request starting with `*` is multibulk (`*<n>\r\n` then n × `$<len>\r\n<bytes>\r\n`);
/// anything else is an inline line split like `sdssplitargs`. `*0`, `*-1` (any count ≤ 0) and
/// empty inline lines are skipped, so no command is ever empty.
///
/// The first protocol error is thrown with Redis's message and thrown again by every later
/// call: the connection is finished (the server answers `-ERR <message>` and closes it).
///
/// What Redis does and this parser does too, on purpose, because clients see it:
/// - header lines end at `\r` and the byte after it is skipped unread; the two bytes after a
///   bulk's data are skipped unread too (`*1\r\n$4\r\nPINGxy` is PING in Redis);
/// - a line search stops at a NUL byte, as `strchr` does, so a NUL before the end of a header
///   or inline line leaves the parser waiting until the line limit is reached;
/// - limits are checked in Redis's order: invalid before unauthenticated.
/// One deliberate difference: Redis checks the 64 KiB line limit against whatever one `read`
/// happened to bring, so the same bytes can pass or fail depending on how they arrive. Here a
/// line fails exactly when no terminator appears among its first `inlineMaxSize + 1` bytes —
/// what Redis does when bytes arrive one at a time — so the result never depends on chunking.
///
/// Bytes are kept in one growable array read from `readIndex`; consumed bytes are dropped only
/// when they are at least as many as the unread ones, so pipelined input costs amortised O(1)
/// a byte, and a line is scanned once however it is split. A bulk's claimed length is never
/// reserved up front (a client could claim 512 MB and send nothing); memory grows with what
/// arrives.
public struct RESPRequestParser: Sendable {
    /// `proto-max-bulk-len`: longer bulk arguments are `invalid bulk length`.
    public var maxBulkLength: Int
    /// False applies Redis's limits for clients that still have to authenticate (at most 10
    /// arguments of at most 16 KiB a command). Set it to true when no password is required
    /// (Redis's `authRequired` is false then) and after a successful AUTH or HELLO AUTH. Checked
    /// when each header is read, so changing it between two `next()` calls applies to the next
    /// command, as in Redis, which parses a command only after running the one before it.
    public var isAuthenticated: Bool

    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// How many bytes from `readIndex` are known to hold no line end, so a line that arrives in
    /// pieces is scanned once.
    private var scannedCount = 0
    private var stage = Stage.commandStart
    private var arguments: [[UInt8]] = []
    private var argumentByteCount = 0
    private var failure: RESPProtocolError?

    private enum Stage: Sendable {
        case commandStart
        /// Waiting for a `$` line; `remaining` counts the arguments still to read, this one included.
        case bulkHeader(remaining: Int)
        case bulkData(remaining: Int, length: Int)
    }

    /// Capacity kept for the next read once everything has been consumed; a buffer that grew
    /// past it for a large request is released instead.
    private static let retainedCapacity = 1024 * 1024

    public init(maxBulkLength: Int = RESPLimits.defaultMaxBulkLength, isAuthenticated: Bool) {
        self.maxBulkLength = maxBulkLength
        self.isAuthenticated = isAuthenticated
    }

    /// Bytes held for commands not yet returned: unread input plus the arguments already read
    /// of a command still arriving. What the server counts against its query-buffer limits.
    public var bufferedByteCount: Int {
        buffer.count - readIndex + argumentByteCount
    }

    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        dropConsumedBytes()
        buffer.append(contentsOf: bytes)
    }

    /// The next command's arguments, or nil when more bytes are needed.
    public mutating func next() throws(RESPProtocolError) -> [[UInt8]]? {
        if let failure { throw failure }
        do {
            return try parseCommand()
        } catch {
            failure = error
            throw error
        }
    }

    // MARK: Parsing

    private mutating func parseCommand() throws(RESPProtocolError) -> [[UInt8]]? {
        while true {
            switch stage {
            case .commandStart:
                guard readIndex < buffer.count else { return nil }
                if buffer[readIndex] == UInt8(ascii: "*") {
                    guard let count = try readMultibulkHeader() else { return nil }
                    // Redis skips a count of zero or less: nothing to run.
                    if count > 0 {
                        arguments.reserveCapacity(min(count, 1024))
                        stage = .bulkHeader(remaining: count)
                    }
                } else {
                    guard let inline = try readInlineLine() else { return nil }
                    if !inline.isEmpty { return inline }
                }
            case .bulkHeader(let remaining):
                guard let length = try readBulkHeader() else { return nil }
                stage = .bulkData(remaining: remaining, length: length)
            case .bulkData(let remaining, let length):
                guard let argument = readBulkData(length: length) else { return nil }
                argumentByteCount += argument.count
                arguments.append(argument)
                if remaining > 1 {
                    stage = .bulkHeader(remaining: remaining - 1)
                } else {
                    stage = .commandStart
                    let command = arguments
                    arguments = []
                    argumentByteCount = 0
                    return command
                }
            }
        }
    }

    /// The count of a `*<n>\r` line, or nil until the line and the byte after its `\r` are here.
    private mutating func readMultibulkHeader() throws(RESPProtocolError) -> Int? {
        guard let lineEnd = findLineEnd(UInt8(ascii: "\r")) else {
            if unreadCount > RESPLimits.inlineMaxSize { throw .tooBigMultibulkCountString }
            return nil
        }
        guard lineEnd + 1 < buffer.count else { return nil }
        guard let count = StrictInteger.parse(buffer[(readIndex + 1)..<lineEnd]),
              count <= Int64(RESPLimits.maxMultibulkLength)
        else { throw .invalidMultibulkLength }
        if count > Int64(RESPLimits.unauthenticatedMultibulkLength) && !isAuthenticated {
            throw .unauthenticatedMultibulkLength
        }
        consume(upTo: lineEnd + 2)
        // Bounded by maxMultibulkLength above, so it fits an Int; below zero only means "skip".
        return Int(count)
    }

    /// The length of a `$<len>\r` line, or nil until the line and the byte after its `\r` are here.
    private mutating func readBulkHeader() throws(RESPProtocolError) -> Int? {
        guard let lineEnd = findLineEnd(UInt8(ascii: "\r")) else {
            if unreadCount > RESPLimits.inlineMaxSize { throw .tooBigBulkCountString }
            return nil
        }
        guard lineEnd + 1 < buffer.count else { return nil }
        let first = buffer[readIndex]
        guard first == UInt8(ascii: "$") else { throw .expectedBulkHeader(got: first) }
        guard let length = StrictInteger.parse(buffer[(readIndex + 1)..<lineEnd]),
              length >= 0, length <= Int64(maxBulkLength)
        else { throw .invalidBulkLength }
        if length > Int64(RESPLimits.unauthenticatedBulkLength) && !isAuthenticated {
            throw .unauthenticatedBulkLength
        }
        consume(upTo: lineEnd + 2)
        let bulkLength = Int(length)
        // As Redis does for big arguments: when the buffer holds nothing beyond this argument,
        // move it to the front so that, once complete, the buffer itself becomes the argument.
        if bulkLength >= RESPLimits.bigArgumentLength && unreadCount <= bulkLength &+ 2 {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
        return bulkLength
    }

    /// The bulk's bytes once they and the two bytes after them are here.
    private mutating func readBulkData(length: Int) -> [UInt8]? {
        let (needed, overflowed) = length.addingReportingOverflow(2)
        guard !overflowed, unreadCount >= needed else { return nil }
        if readIndex == 0 && buffer.count == needed && length >= RESPLimits.bigArgumentLength {
            var argument = buffer
            buffer = []
            scannedCount = 0
            argument.removeLast(2)
            return argument
        }
        let argument = Array(buffer[readIndex..<(readIndex + length)])
        consume(upTo: readIndex + needed)
        return argument
    }

    /// The arguments of the next inline line (possibly none), or nil until its `\n` is here.
    private mutating func readInlineLine() throws(RESPProtocolError) -> [[UInt8]]? {
        guard let newline = findLineEnd(UInt8(ascii: "\n")) else {
            if unreadCount > RESPLimits.inlineMaxSize { throw .tooBigInlineRequest }
            return nil
        }
        var lineEnd = newline
        if lineEnd > readIndex && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        guard let inline = InlineArguments.split(buffer[readIndex..<lineEnd]) else {
            throw .unbalancedQuotes
        }
        consume(upTo: newline + 1)
        return inline
    }

    // MARK: Buffer

    private var unreadCount: Int { buffer.count - readIndex }

    /// The index of the first `terminator` among the first `inlineMaxSize + 1` unread bytes,
    /// stopping at a NUL as `strchr` does; nil if there is none (yet).
    private mutating func findLineEnd(_ terminator: UInt8) -> Int? {
        let windowEnd = readIndex + min(unreadCount, RESPLimits.inlineMaxSize + 1)
        var index = readIndex + scannedCount
        while index < windowEnd {
            let byte = buffer[index]
            if byte == terminator {
                scannedCount = index - readIndex
                return index
            }
            if byte == 0 {
                // Nothing after the NUL can end this line: the whole window counts as scanned.
                scannedCount = RESPLimits.inlineMaxSize + 1
                return nil
            }
            index += 1
        }
        scannedCount = max(scannedCount, index - readIndex)
        return nil
    }

    private mutating func consume(upTo index: Int) {
        readIndex = index
        scannedCount = 0
    }

    private mutating func dropConsumedBytes() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            if buffer.capacity > Self.retainedCapacity {
                buffer = []
            } else {
                buffer.removeAll(keepingCapacity: true)
            }
            readIndex = 0
        } else if readIndex >= unreadCount {
            // Moving the unread bytes costs no more than the bytes consumed since the last move.
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }
}
