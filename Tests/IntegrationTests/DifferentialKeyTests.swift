// Differential tests of the key commands: TYPE, RENAME, RENAMENX, COPY, the EXPIRE family, TTL
// and friends, PERSIST, KEYS, SCAN, RANDOMKEY — in RESP2 and RESP3, each case from an empty
// keyspace, keys hash-tagged where several meet. SCAN is compared by the keys a whole scan
// collects (cursors are a listed divergence); CLUSTER KEYSLOT and CROSSSLOT are Cairn's own.
import Foundation
import TestSupport
import Testing

private let typeAndRenameCases: [DifferentialCase] = [
    .commands("type", [["SET", "s", "v"], ["TYPE", "s"], ["TYPE", "nope"], ["SET", "", "e"], ["TYPE", ""], ["TYPE"], ["TYPE", "a", "b"]]),
    .commands("rename", [["SET", "{k}a", "1"], ["RENAME", "{k}a", "{k}b"], ["GET", "{k}b"], ["EXISTS", "{k}a"],
                         ["RENAME", "{k}a", "{k}b"], ["RENAME", "{k}b", "{k}b"], ["GET", "{k}b"], ["RENAME", "{k}nope", "{k}nope"],
                         ["SET", "{k}c", "3"], ["RENAME", "{k}b", "{k}c"], ["GET", "{k}c"], ["DBSIZE"],
                         ["RENAME"], ["RENAME", "{k}c"], ["RENAME", "{k}a", "{k}b", "{k}c"]]),
    .commands("renamenx", [["SET", "{k}a", "1"], ["SET", "{k}b", "2"], ["RENAMENX", "{k}a", "{k}b"], ["RENAMENX", "{k}a", "{k}a"],
                           ["RENAMENX", "{k}a", "{k}c"], ["GET", "{k}c"], ["RENAMENX", "{k}a", "{k}d"], ["RENAMENX", "{k}x", "{k}x"],
                           ["RENAMENX", "{k}a"]]),
    .commands("rename keeps the expiry and drops the destination's", [
        ["SET", "{k}a", "v", "EX", "100"], ["RENAME", "{k}a", "{k}b"], ["TTL", "{k}b"], ["SET", "{k}c", "w"],
        ["SET", "{k}d", "x", "EX", "100"], ["RENAME", "{k}c", "{k}d"], ["TTL", "{k}d"], ["GET", "{k}d"],
        ["SET", "{k}e", "y", "PXAT", "4000000000000"], ["RENAMENX", "{k}e", "{k}f"], ["PEXPIRETIME", "{k}f"],
    ]),
    .commands("copy", [["SET", "{k}a", "v", "EX", "100"], ["COPY", "{k}a", "{k}b"], ["GET", "{k}b"], ["TTL", "{k}b"],
                       ["COPY", "{k}a", "{k}b"], ["SET", "{k}a", "w"], ["COPY", "{k}a", "{k}b", "REPLACE"], ["GET", "{k}b"], ["TTL", "{k}b"],
                       ["COPY", "{k}a", "{k}c", "db", "0", "replace"], ["COPY", "{k}a", "{k}c", "REPLACE", "DB", "0"], ["COPY", "{k}nope", "{k}x"],
                       ["EXISTS", "{k}x"], ["DBSIZE"]]),
    .commands("copy errors", [["SET", "{k}a", "v"], ["COPY", "{k}a", "{k}a"], ["COPY", "{k}nope", "{k}nope"], ["COPY", "{k}a", "{k}b", "DB", "x"],
                              ["COPY", "{k}a", "{k}b", "DB", "2147483648"], ["COPY", "{k}a", "{k}b", "DB"], ["COPY", "{k}a", "{k}b", "FOO"],
                              ["COPY", "{k}a", "{k}b", "DB", "16"], ["COPY", "{k}a", "{k}b", "DB", "-1"], ["COPY", "{k}a", "{k}a", "DB", "99"],
                              ["COPY", "{k}a", "{k}b", "REPLACE", "REPLACE", "X"], ["COPY", "{k}a"], ["COPY"], ["EXISTS", "{k}b"]]),
]

private let expiryCases: [DifferentialCase] = [
    .commands("expire family", [["SET", "k", "v"], ["EXPIRE", "k", "100"], ["TTL", "k"], ["PEXPIRE", "k", "200000"], ["TTL", "k"],
                                ["EXPIREAT", "k", "4000000000"], ["EXPIRETIME", "k"], ["PEXPIRETIME", "k"],
                                ["PEXPIREAT", "k", "4000000000123"], ["EXPIRETIME", "k"], ["PEXPIRETIME", "k"],
                                ["PEXPIREAT", "k", "4000000000499"], ["EXPIRETIME", "k"], ["PEXPIREAT", "k", "4000000000500"], ["EXPIRETIME", "k"],
                                ["EXPIRE", "nope", "100"], ["PEXPIREAT", "nope", "1"], ["GET", "k"]]),
    .commands("ttl of missing and persistent keys", [["SET", "p", "v"], ["TTL", "p"], ["PTTL", "p"], ["EXPIRETIME", "p"], ["PEXPIRETIME", "p"],
                                                     ["TTL", "nope"], ["PTTL", "nope"], ["EXPIRETIME", "nope"], ["PEXPIRETIME", "nope"],
                                                     ["TTL"], ["PTTL", "a", "b"], ["EXPIRETIME"], ["PEXPIRETIME", "a", "b"]]),
    .commands("a time in the past deletes", [["SET", "a", "v"], ["EXPIRE", "a", "-1"], ["EXISTS", "a"], ["SET", "b", "v"], ["PEXPIREAT", "b", "1"],
                                             ["GET", "b"], ["SET", "c", "v"], ["EXPIREAT", "c", "0"], ["SET", "d", "v"], ["PEXPIRE", "d", "0"],
                                             ["SET", "e", "v"], ["PEXPIRE", "e", "-9223372036854775808"], ["DBSIZE"], ["EXPIRE", "a", "-1"]]),
    .commands("nx xx gt lt", [["SET", "k", "v"], ["EXPIRE", "k", "100", "XX"], ["EXPIRE", "k", "100", "GT"], ["TTL", "k"],
                              ["EXPIRE", "k", "100", "LT"], ["TTL", "k"], ["PERSIST", "k"], ["EXPIRE", "k", "100", "NX"], ["EXPIRE", "k", "200", "nx"],
                              ["EXPIRE", "k", "50", "GT"], ["EXPIRE", "k", "200", "gt", "xx"], ["TTL", "k"], ["EXPIRE", "k", "300", "LT"],
                              ["EXPIRE", "k", "150", "lt", "XX"], ["TTL", "k"], ["EXPIREAT", "k", "4000000000", "GT"], ["EXPIRETIME", "k"],
                              ["PEXPIREAT", "k", "4000000000000", "GT"], ["PEXPIREAT", "k", "3999999999999", "LT"], ["PEXPIRETIME", "k"],
                              ["EXPIRE", "k", "-1", "NX"], ["EXISTS", "k"], ["EXPIRE", "k", "-1", "GT"], ["EXPIRE", "k", "-1", "LT"], ["EXISTS", "k"],
                              ["EXPIRE", "k", "10", "NX", "NX"], ["SET", "k", "v"], ["EXPIRE", "k", "10", "NX", "NX"], ["TTL", "k"]]),
    .commands("expire option errors", [["SET", "k", "v"], ["EXPIRE", "k", "10", "NX", "XX"], ["EXPIRE", "k", "10", "xx", "nx"],
                                       ["EXPIRE", "k", "10", "NX", "GT"], ["PEXPIRE", "k", "10", "LT", "NX"], ["EXPIRE", "k", "10", "GT", "LT"],
                                       ["EXPIREAT", "k", "10", "lt", "gt"], ["EXPIRE", "k", "10", "fOo"], ["EXPIRE", "k", "abc", "foo"],
                                       ["EXPIRE", "k", "abc", "NX", "XX"], ["EXPIRE", "k", "10", "NX", "XX", "bar"], ["EXPIRE", "k", "abc"],
                                       ["EXPIRE", "k", "1.5"], ["EXPIRE", "k", " 1"], ["EXPIRE", "k", ""], ["PEXPIREAT", "k", "01"],
                                       ["EXPIRE", "k"], ["EXPIRE"], ["PEXPIREAT", "k"], ["TTL", "k"]]),
    .commands("expire overflow", [["SET", "k", "v"], ["EXPIRE", "k", "9223372036854775807"], ["EXPIRE", "k", "9223372036854775"],
                                  ["EXPIRE", "k", "-9223372036854775808"], ["EXPIRE", "k", "-9223372036854776"],
                                  ["PEXPIRE", "k", "9223372036854775807"], ["EXPIREAT", "k", "9223372036854775807"],
                                  ["EXPIREAT", "k", "9223372036854776"], ["EXPIRE", "k", "99999999999999999999"], ["TTL", "k"],
                                  ["EXPIREAT", "k", "9223372036854775"], ["PEXPIRETIME", "k"], ["EXPIRETIME", "k"],
                                  ["PEXPIREAT", "k", "9223372036854775807"], ["PEXPIRETIME", "k"], ["EXPIRETIME", "k"],
                                  ["PEXPIREAT", "k", "9223372036854775307"], ["EXPIRETIME", "k"], ["EXISTS", "k"]]),
    .commands("persist", [["SET", "k", "v", "EX", "100"], ["PERSIST", "k"], ["TTL", "k"], ["PERSIST", "k"], ["PERSIST", "nope"],
                          ["GET", "k"], ["PERSIST"], ["PERSIST", "a", "b"]]),
    .commands("pttl is close to what was set", [["SET", "k", "v", "PX", "100000"], ["PTTL", "k"], ["EXPIRE", "k", "50"], ["PTTL", "k"]],
              mode: .shapeAt([1, 3])),
]

private let keysAndRandomCases: [DifferentialCase] = [
    .commands("keys patterns", [
        ["SET", "", "e"], ["SET", "a*b", "1"], ["SET", "h[e]llo", "1"], ["SET", "hello", "1"], ["SET", "hallo", "1"], ["SET", "hillo", "1"],
        ["SET", "hxllo", "1"], ["SET", "[", "1"], ["SET", "hello\\", "1"], ["SET", "user:1", "1"], ["SET", "user:12", "1"], ["SET", "user:2", "1"],
        ["KEYS", "*"], ["KEYS", "**"], ["KEYS", "h?llo"], ["KEYS", "h[ae]llo"], ["KEYS", "h[^e]llo"], ["KEYS", "h[a-e]llo"],
        ["KEYS", "h[e-a]llo"], ["KEYS", "a\\*b"], ["KEYS", "h\\[e\\]llo"], ["KEYS", "["], ["KEYS", "[["], ["KEYS", "hello\\"],
        ["KEYS", "hello\\\\"], ["KEYS", "user:*"], ["KEYS", "user:1*"], ["KEYS", "*:?"], ["KEYS", "nomatch"], ["KEYS", "HELLO"],
        ["KEYS", "h*o"], ["KEYS", "*[lL][lL]*"], ["KEYS"], ["KEYS", "a", "b"],
    ], mode: .sortedAt(Set(12...33))),
    .commands("keys skips keys deleted by a past expiry", [["SET", "a", "1"], ["SET", "b", "1"], ["PEXPIREAT", "b", "1"], ["KEYS", "*"]],
              mode: .sortedAt([3])),
    .commands("randomkey empty and single", [["RANDOMKEY"], ["SET", "only", "v"], ["RANDOMKEY"], ["DEL", "only"], ["RANDOMKEY"],
                                            ["RANDOMKEY", "x"]]),
    .commands("randomkey among several", [["SET", "a", "1"], ["SET", "b", "1"], ["SET", "c", "1"], ["RANDOMKEY"], ["RANDOMKEY"]],
              mode: .shapeAt([3, 4])),
]

private let scanCursorCases: [DifferentialCase] = [
    .commands("scan errors", [["SCAN", "x"], ["SCAN", "x", "COUNT", "0"], ["SCAN", "0", "COUNT", "0"], ["SCAN", "0", "COUNT", "-1"],
                              ["SCAN", "0", "COUNT", "x"], ["SCAN", "0", "COUNT"], ["SCAN", "0", "MATCH"], ["SCAN", "0", "TYPE"],
                              ["SCAN", "0", "FOO", "bar"], ["SCAN", "0", "COUNT", "0", "FOO"], ["SCAN", "0", "count", "1", "match"],
                              ["SCAN", " 1"], ["SCAN", "1 "], ["SCAN", "0x1"], ["SCAN", "18446744073709551616"], ["SCAN", "+"], ["SCAN", "1.0"],
                              ["SCAN"]]),
    .commands("scan cursors Redis accepts, on an empty keyspace", [["SCAN", "0"], ["SCAN", ""], ["SCAN", "+0"], ["SCAN", "-0"], ["SCAN", "-1"],
                                                                  ["SCAN", "18446744073709551615"], ["SCAN", "0", "COUNT", "1"],
                                                                  ["SCAN", "0", "MATCH", "*", "TYPE", "string", "COUNT", "9223372036854775807"]]),
    .commands("scan of a single key", [["SET", "k", "v"], ["SCAN", "0"], ["SCAN", "0", "TYPE", "STRING"], ["SCAN", "0", "TYPE", "hash"],
                                       ["SCAN", "0", "MATCH", "k*"], ["SCAN", "0", "MATCH", "x*", "COUNT", "1000"]]),
]

/// The key commands as COMMAND INFO and COMMAND DOCS describe them (DOCS only for those without
/// arguments: Cairn records no argument docs).
private let introspectionCases: [DifferentialCase] = [
    .commands("command info of the key commands", [[
        "COMMAND", "INFO", "type", "rename", "renamenx", "copy", "expire", "pexpire", "expireat", "pexpireat", "ttl", "pttl",
        "expiretime", "pexpiretime", "persist", "keys", "scan", "randomkey", "cluster|keyslot", "cluster|help",
    ]]),
    .commands("command docs of the key commands without arguments", [["COMMAND", "DOCS", "randomkey", "cluster|help"]]),
    .commands("command getkeys", [["COMMAND", "GETKEYS", "RENAME", "a", "b"], ["COMMAND", "GETKEYS", "COPY", "a", "b", "REPLACE"],
                                  ["COMMAND", "GETKEYS", "EXPIRE", "k", "1", "NX"], ["COMMAND", "GETKEYS", "KEYS", "*"]]),
]

/// One scan scenario: keys written first, then SCAN with `options` until cursor 0.
private struct ScanScenario: Sendable {
    let name: String
    let setup: [[String]]
    let options: [String]
}

private let manyKeys: [[String]] = (0..<300).map { ["SET", "user:\($0)", "v"] } + (0..<60).map { ["SET", "{tag}:\($0)", "v"] }
    + [["SET", "", "empty"], ["SET", "a*b", "1"], ["SET", "h[e]llo", "1"], ["SET", "hallo", "1"]]

private let scanScenarios: [ScanScenario] = [
    ScanScenario(name: "everything", setup: manyKeys, options: []),
    ScanScenario(name: "everything, small pages", setup: manyKeys, options: ["COUNT", "3"]),
    ScanScenario(name: "everything, one big page", setup: manyKeys, options: ["COUNT", "100000"]),
    ScanScenario(name: "match", setup: manyKeys, options: ["MATCH", "user:1*", "COUNT", "7"]),
    ScanScenario(name: "match a hash tag", setup: manyKeys, options: ["MATCH", "{tag}:?"]),
    ScanScenario(name: "match a lone star keeps the empty key", setup: manyKeys, options: ["MATCH", "*"]),
    ScanScenario(name: "match two stars does not", setup: manyKeys, options: ["MATCH", "**", "COUNT", "50"]),
    ScanScenario(name: "match glob classes", setup: manyKeys, options: ["MATCH", "h[^x]llo"]),
    ScanScenario(name: "match escapes", setup: manyKeys, options: ["match", "a\\*b"]),
    ScanScenario(name: "type string", setup: manyKeys, options: ["TYPE", "string"]),
    ScanScenario(name: "type in capitals", setup: manyKeys, options: ["type", "STRING", "COUNT", "20"]),
    ScanScenario(name: "type list", setup: manyKeys, options: ["TYPE", "list"]),
    ScanScenario(name: "unknown type", setup: manyKeys, options: ["TYPE", "nosuchtype"]),
    ScanScenario(name: "options repeated, last wins", setup: manyKeys, options: ["MATCH", "x*", "COUNT", "1", "MATCH", "user:2*", "COUNT", "30"]),
    ScanScenario(name: "expired keys are left out", setup: [["SET", "a", "1"], ["SET", "b", "1"], ["PEXPIREAT", "b", "1"]], options: []),
    ScanScenario(name: "empty keyspace", setup: [], options: ["COUNT", "1"]),
]

@Suite struct DifferentialKeyTests {
    @Test func test_typeRenameCopy_matchRedisInBothProtocols() async throws {
        try await compare(typeAndRenameCases, resp3: true, flushBetweenCases: true)
    }

    @Test func test_expiryCommands_matchRedisInBothProtocols() async throws {
        try await compare(expiryCases, resp3: true, flushBetweenCases: true)
    }

    @Test func test_keysAndRandomkey_matchRedisInBothProtocols() async throws {
        try await compare(keysAndRandomCases, resp3: true, flushBetweenCases: true)
    }

    @Test func test_commandIntrospection_describesTheKeyCommandsAsRedis() async throws {
        try await compare(introspectionCases, resp3: true)
    }

    @Test func test_scanReplies_matchRedisWhereCursorsAgree() async throws {
        try await compare(scanCursorCases, resp3: true, flushBetweenCases: true)
    }

    /// A whole scan collects the same keys from both servers (sorted, repeats dropped: both may
    /// repeat a key), in RESP2 and RESP3; every SCAN reply is a two-element array.
    @Test func test_wholeScans_collectTheSameKeysAsRedis() async throws {
        try await withRedisAndCairn { redisPort, cairnPort in
            for resp3 in [false, true] {
                for scenario in scanScenarios {
                    let label = "\(scenario.name)\(resp3 ? " (RESP3)" : "")"
                    let redisKeys = try #require(await BlockingTask { collectScan(scenario, port: redisPort, resp3: resp3) }.value, "redis: \(label)")
                    let cairnKeys = try #require(await BlockingTask { collectScan(scenario, port: cairnPort, resp3: resp3) }.value, "cairn: \(label)")
                    #expect(cairnKeys == redisKeys, "\(label)")
                    if scenario.options.isEmpty && scenario.setup == manyKeys {
                        // Guards against two equally broken scans agreeing.
                        #expect(redisKeys.count == manyKeys.count, "\(label)")
                    }
                }
            }
        }
    }

    /// Listed divergences (docs/COMPATIBILITY.md), checked on Cairn alone: CLUSTER KEYSLOT
    /// answers (Redis without cluster mode refuses), and RENAME/COPY across slots are CROSSSLOT.
    @Test func test_clusterKeyslotAndCrossSlot_onCairn() async throws {
        try await withRedisAndCairn { redisPort, cairnPort in
            let replies = await BlockingTask { () -> [String] in
                guard let client = RESPTestClient(port: cairnPort, timeoutSeconds: 10) else { return [] }
                let commands: [[String]] = [
                    ["CLUSTER", "KEYSLOT", "foo"], ["CLUSTER", "KEYSLOT", "{user1000}.following"], ["cluster", "keyslot", "{user1000}.followers"],
                    ["CLUSTER", "KEYSLOT", "somekey"], ["SET", "a", "1"], ["RENAME", "a", "b"], ["RENAMENX", "a", "b"], ["COPY", "a", "b"],
                    ["COPY", "a", "b", "DB", "1"], ["GET", "a"],
                ]
                return commands.map { client.command($0).map { String(decoding: $0, as: UTF8.self) } ?? "(none)" }
            }.value
            let crossSlot = "-CROSSSLOT Keys in request don't hash to the same slot\r\n"
            #expect(replies == [":12182\r\n", ":3443\r\n", ":3443\r\n", ":11058\r\n", "+OK\r\n", crossSlot, crossSlot, crossSlot,
                                "-ERR DB index is out of range\r\n", "$1\r\n1\r\n"])
            // Where Cairn and Redis agree on CLUSTER: the container's own errors.
            let errors: [[String]] = [["CLUSTER"], ["CLUSTER", "KEYSLOT"], ["CLUSTER", "foo"], ["CLUSTER", "KEYSLOT", "a", "b"]]
            for command in errors {
                let fromRedis = await BlockingTask { RESPTestClient(port: redisPort, timeoutSeconds: 10)?.command(command) }.value
                let fromCairn = await BlockingTask { RESPTestClient(port: cairnPort, timeoutSeconds: 10)?.command(command) }.value
                #expect(fromCairn == fromRedis, "\(command)")
            }
        }
    }
}

/// Starts redis-server 7.0 and a node as `compare` does, runs `body` with their ports, stops both.
private func withRedisAndCairn(_ name: String = #function, _ body: (_ redisPort: Int, _ cairnPort: Int) async throws -> Void) async throws {
    let redis = try #require(RedisServerProcess(), "redis-server 7.0 must be installed (make test installs it)")
    defer { redis.stop() }
    let (node, cairnPort) = try await NodeProcess.startSingle(name: name)
    defer { node.signal(SIGKILL) }
    try await body(redis.port, cairnPort)
    #expect(await node.stop() == 0)
}

/// Flushes, writes the scenario's keys, scans to cursor 0; the distinct keys seen, sorted, or
/// nil when a reply is not a well-formed SCAN reply.
private func collectScan(_ scenario: ScanScenario, port: Int, resp3: Bool) -> [String]? {
    guard let client = RESPTestClient(port: port, timeoutSeconds: 10) else { return nil }
    if resp3 { _ = client.command(["HELLO", "3"]) }
    _ = client.command(["FLUSHALL"])
    for command in scenario.setup { _ = client.command(command) }
    var cursor = "0"
    var keys = Set<String>()
    var calls = 0
    repeat {
        guard let reply = client.command(["SCAN", cursor] + scenario.options) else { return nil }
        let parts = RESPReplyFraming.topLevelElements(of: reply)
        guard reply.first == UInt8(ascii: "*"), parts.count == 2, let next = bulkText(parts[0]) else { return nil }
        let elements = parts[1] == Array("*0\r\n".utf8) ? [] : RESPReplyFraming.topLevelElements(of: parts[1])
        for element in elements {
            guard let key = bulkText(element) else { return nil }
            keys.insert(key)
        }
        cursor = next
        calls += 1
    } while cursor != "0" && calls < 100_000
    return keys.sorted()
}

/// The payload of a bulk string reply (`$n\r\n…\r\n`).
private func bulkText(_ reply: [UInt8]) -> String? {
    guard reply.first == UInt8(ascii: "$"), let lineEnd = reply.firstIndex(of: 13),
          let length = Int(String(decoding: reply[1..<lineEnd], as: UTF8.self)), length >= 0,
          reply.count == lineEnd + 2 + length + 2 else { return nil }
    return String(decoding: reply[(lineEnd + 2)..<(lineEnd + 2 + length)], as: UTF8.self)
}
