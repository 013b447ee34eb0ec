// The differential harness (DESIGN §11): send the same case to redis-server 7.0 and to a node,
// compare the replies by the case's mode, in RESP2 and, when asked, again in RESP3.
import Foundation
import TestSupport
import Testing

/// How a case's replies are compared.
enum ComparisonMode: Sendable {
    case exact
    /// Same reply kinds and map keys, values may differ (HELLO's id and version).
    case shape
    /// Exact, except the replies at these positions, compared by shape.
    case shapeAt(Set<Int>)
    /// Only each reply's type byte (INFO: Cairn's fields are a subset of Redis's).
    case kind
    /// Exact, except the replies at these positions, whose elements are compared as multisets
    /// (replies whose order Redis leaves unspecified: KEYS, SMEMBERS, HGETALL…).
    case sortedAt(Set<Int>)
}

struct DifferentialCase: Sendable, CustomStringConvertible {
    let name: String
    let requests: [[UInt8]]
    let replies: Int
    var mode: ComparisonMode = .exact
    /// The server closes the connection after the last reply (QUIT, protocol errors).
    var closes = false

    var description: String { name }

    /// `replies` defaults to one per command; commands with several (SUBSCRIBE a b) or none
    /// (CLIENT REPLY OFF) say how many to read.
    static func commands(_ name: String, _ commands: [[String]], replies: Int? = nil, mode: ComparisonMode = .exact,
                         closes: Bool = false) -> Self {
        DifferentialCase(name: name, requests: commands.map(RESPTestClient.encode), replies: replies ?? commands.count, mode: mode,
                         closes: closes)
    }

    /// The same case preceded by `HELLO 3`, whose reply is compared by shape.
    var inRESP3: Self {
        let shifted: ComparisonMode = switch mode {
        case .exact: .shapeAt([0])
        case .shape: .shape
        case .kind: .kind
        case .shapeAt(let positions): .shapeAt(Set(positions.map { $0 + 1 }).union([0]))
        case .sortedAt(let positions): .sortedAt(Set(positions.map { $0 + 1 }))
        }
        var copy = DifferentialCase(name: name + " (RESP3)", requests: [RESPTestClient.encode(["HELLO", "3"])] + requests,
                                    replies: replies + 1, mode: shifted, closes: closes)
        if case .sortedAt = mode { copy.shapeFirst = true }
        return copy
    }

    /// Set when the first reply (HELLO 3's) must be compared by shape in a `sortedAt` case.
    var shapeFirst = false

    static func raw(_ name: String, _ bytes: String, replies: Int, closes: Bool = false) -> Self {
        DifferentialCase(name: name, requests: [Array(bytes.utf8)], replies: replies, closes: closes)
    }
}

/// Sends a case to a server and returns its replies, and whether the server then closed.
func exchange(_ testCase: DifferentialCase, port: Int) -> (replies: [[UInt8]], closed: Bool)? {
    guard let client = RESPTestClient(port: port, timeoutSeconds: 10) else { return nil }
    for request in testCase.requests { client.send(raw: request) }
    var replies: [[UInt8]] = []
    for _ in 0..<testCase.replies {
        guard let reply = client.readReply() else { break }
        replies.append(reply)
    }
    return (replies, testCase.closes ? client.isClosedByServer() : false)
}

/// A reply's top-level elements, sorted, so replies that differ only in order compare equal.
func sortedElements(_ reply: [UInt8]) -> [String] {
    let header = reply.firstIndex(of: 13).map { String(decoding: reply[..<$0], as: UTF8.self) } ?? ""
    return [header] + RESPReplyFraming.topLevelElements(of: reply).map { String(decoding: $0, as: UTF8.self) }.sorted()
}

/// A reply with its variable parts blanked: the type bytes and, for maps, the keys.
func shape(_ reply: [UInt8]) -> String {
    let text = String(decoding: reply, as: UTF8.self)
    let lines = text.components(separatedBy: "\r\n")
    var out: [String] = []
    var keepNext = false
    for line in lines {
        if let first = line.first, "*%~$:+-#,_(>=!".contains(first) {
            // Lengths and numbers vary; verbatim text (`=`) keeps only its type.
            out.append(first == "$" ? "$" : first == ":" ? ":" : first == "=" ? "=" : line)
            keepNext = false
        } else {
            out.append(keepNext ? line : (["server", "version", "proto", "id", "mode", "role", "modules"].contains(line) ? line : "…"))
        }
    }
    return out.joined(separator: "|")
}

/// Runs `cases` against a fresh redis-server and a fresh node, comparing every reply; each
/// case starts from an empty keyspace (FLUSHALL on both first). With `resp3` every case runs
/// a second time after `HELLO 3`.
func compare(_ cases: [DifferentialCase], redisArguments: [String] = [], cairnSettings: [String] = [],
             resp3: Bool = false, flushBetweenCases: Bool = false, _ name: String = #function) async throws {
    let redis = try #require(RedisServerProcess(extraArguments: redisArguments), "redis-server 7.0 must be installed (make test installs it)")
    defer { redis.stop() }
    let (node, cairnPort) = try await NodeProcess.startSingle(cairnSettings, name: name)
    defer { node.signal(SIGKILL) }
    let password = redisArguments.firstIndex(of: "--requirepass").map { redisArguments[$0 + 1] }
    for testCase in resp3 ? cases + cases.map(\.inRESP3) : cases {
        if flushBetweenCases {
            let flush = DifferentialCase.commands("flush", (password.map { [["AUTH", $0]] } ?? []) + [["FLUSHALL"]])
            _ = await BlockingTask { exchange(flush, port: redis.port) }.value
            _ = await BlockingTask { exchange(flush, port: cairnPort) }.value
        }
        let expected = await BlockingTask { exchange(testCase, port: redis.port) }.value
        let actual = await BlockingTask { exchange(testCase, port: cairnPort) }.value
        let redisSide = try #require(expected, "redis: \(testCase)")
        let cairnSide = try #require(actual, "cairn: \(testCase)")
        #expect(redisSide.replies.count == testCase.replies, "redis gave fewer replies in \(testCase)")
        switch testCase.mode {
        case .exact:
            let want = redisSide.replies.map { String(decoding: $0, as: UTF8.self) }
            let got = cairnSide.replies.map { String(decoding: $0, as: UTF8.self) }
            #expect(got == want, "\(testCase)")
        case .shape:
            #expect(cairnSide.replies.map(shape) == redisSide.replies.map(shape), "\(testCase)")
        case .kind:
            #expect(cairnSide.replies.map { $0.first } == redisSide.replies.map { $0.first }, "\(testCase)")
        case .shapeAt(let positions):
            let render = { (replies: [[UInt8]]) in
                replies.enumerated().map { positions.contains($0.offset) ? shape($0.element) : String(decoding: $0.element, as: UTF8.self) }
            }
            #expect(render(cairnSide.replies) == render(redisSide.replies), "\(testCase)")
        case .sortedAt(let positions):
            let render = { (replies: [[UInt8]]) in
                replies.enumerated().map { item -> String in
                    if item.offset == 0 && testCase.shapeFirst { return shape(item.element) }
                    return positions.contains(item.offset) ? sortedElements(item.element).joined(separator: "|")
                        : String(decoding: item.element, as: UTF8.self)
                }
            }
            #expect(render(cairnSide.replies) == render(redisSide.replies), "\(testCase)")
        }
        #expect(cairnSide.closed == redisSide.closed, "closing differs in \(testCase)")
    }
    #expect(await node.stop() == 0)
}

