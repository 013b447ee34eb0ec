// Keys are found as Redis 7.0 finds them (answers checked against COMMAND GETKEYS of redis-server 7.0).
import Testing
@testable import RESP
import TestSupport

@Suite struct KeyExtractionTests {
    private func keys(_ spec: CommandSpec, _ request: String) -> [String] {
        let argv = request.split(separator: " ").map { Array($0.utf8) }
        return spec.keyReferences(in: argv).map { String(decoding: argv[$0.index], as: UTF8.self) }
    }

    @Test(arguments: [
        ("get a", ["a"]), ("mset a 1 b 2", ["a", "b"]), ("mset a 1 b", ["a", "b"]),
        ("zunionstore d 2 a b", ["d", "a", "b"]), ("zunionstore d 5 a b", []), ("zunionstore d x a b", []),
        ("zunionstore d -1 a", []), ("zunionstore d 0 a", []),
        // Redis narrows the key count to a C int: 4294967298 reads as 2.
        ("zunionstore d 4294967298 a b", ["d", "a", "b"]),
        ("eval s 0", []), ("eval s 2 a b c", ["a", "b"]), ("eval s 3 a b", []),
        ("xread streams a b 0 1", ["a", "b"]), ("xread count 5 streams a b 0 1", ["a", "b"]),
        ("xread count 5 streams a 0 1", ["a"]), ("xread a b c", []), ("XREAD streams streams x 0 0", ["streams", "x"]),
        ("xread streams a b c", ["a"]),
    ])
    func test_keys_matchRedisGetkeys(request: String, expected: [String]) throws {
        let specs = [RedisCommandSpecs.get, RedisCommandSpecs.mset, RedisCommandSpecs.zunionstore, RedisCommandSpecs.eval, RedisCommandSpecs.xread]
        let name = String(request.prefix { $0 != " " }).lowercased()
        let spec = try #require(specs.first { $0.name == name })
        #expect(keys(spec, request) == expected)
    }

    @Test func test_keyFlags_comeFromEachKeysSpec() {
        let argv = ["zunionstore", "d", "2", "a", "b"].map { Array($0.utf8) }
        #expect(RedisCommandSpecs.zunionstore.keyReferences(in: argv) == [
            KeyReference(index: 1, flags: [.overwrite, .update]),
            KeyReference(index: 3, flags: [.readOnly, .access]),
            KeyReference(index: 4, flags: [.readOnly, .access]),
        ])
    }

    @Test func test_legacyRange_isDerivedFromKeySpecsAsRedisReportsIt() {
        let expected: [(CommandSpec, Int, Int, Int, Bool)] = [
            (RedisCommandSpecs.get, 1, 1, 1, false), (RedisCommandSpecs.mset, 1, -1, 2, false),
            (RedisCommandSpecs.zunionstore, 1, 1, 1, true), (RedisCommandSpecs.xread, 0, 0, 0, true),
            (RedisCommandSpecs.eval, 0, 0, 0, true), (RedisCommandSpecs.migrate, 3, 3, 1, true),
        ]
        for (spec, first, last, step, movable) in expected {
            #expect((spec.firstKey, spec.lastKey, spec.keyStep) == (first, last, step), "\(spec.name)")
            #expect(spec.reportedFlags.contains(.movableKeys) == movable, "\(spec.name)")
        }
    }

    @Test func test_legacyRangeOnly_givesOneRangeSpecWithoutFlags() {
        let spec = CommandSpec("del", arity: -2, flags: [.write], firstKey: 1, lastKey: -1, keyStep: 1, summary: "Delete a key")
        #expect(spec.keySpecs == [KeySpec(flags: [], beginSearch: .index(1), findKeys: .range(lastKey: -1, keyStep: 1, limit: 0))])
        #expect(spec.keyIndexes(in: ["del", "a", "b"].map { Array($0.utf8) }) == [1, 2])
        #expect(spec.hasKeys)
        #expect(CommandSpec("ping", arity: -1, flags: [.fast], summary: "Ping").hasKeys == false)
    }

    @Test func test_notKeySpecs_areSkipped_andAloneMeanNoKeys() {
        let spec = CommandSpec("publish", arity: 3, flags: [.pubsub], summary: "Post a message to a channel",
                               keySpecs: [KeySpec(flags: [.notKey], beginSearch: .index(1), findKeys: .range(lastKey: 0, keyStep: 1, limit: 0))])
        #expect(spec.hasKeys == false)
        #expect(spec.keyReferences(in: ["publish", "ch", "m"].map { Array($0.utf8) }).isEmpty)
    }

    @Test func test_incompleteOrUnknownSpecs_fallBackToTheKeyFinder() {
        let finder: KeyFinder = { argv in argv.indices.dropFirst().filter { argv[$0].first == UInt8(ascii: "k") }.map {
            KeyReference(index: $0, flags: [.readOnly])
        } }
        let spec = CommandSpec("sort", arity: -2, flags: [.write], summary: "Sort", keySpecs: [
            KeySpec(flags: [.readOnly], beginSearch: .index(1), findKeys: .range(lastKey: 0, keyStep: 1, limit: 0)),
            KeySpec(flags: [.overwrite], beginSearch: .unknown, findKeys: .unknown),
        ], keyFinder: finder)
        #expect(spec.keyIndexes(in: ["sort", "k1", "STORE", "k2"].map { Array($0.utf8) }) == [1, 3])
        #expect(spec.reportedFlags.contains(.movableKeys))
    }

    @Test func test_variableFlags_useTheFinderWhenThereIsOne_elseTheSpecs() {
        let specs = [KeySpec(flags: [.readWrite, .access, .update, .variableFlags], beginSearch: .index(1),
                             findKeys: .range(lastKey: 0, keyStep: 1, limit: 0))]
        let argv = ["set", "k", "v", "GET"].map { Array($0.utf8) }
        let withoutFinder = CommandSpec("set", arity: -3, flags: [.write], summary: "Set", keySpecs: specs)
        #expect(withoutFinder.keyReferences(in: argv) == [KeyReference(index: 1, flags: [.readWrite, .access, .update, .variableFlags])])
        let withFinder = CommandSpec("set", arity: -3, flags: [.write], summary: "Set", keySpecs: specs,
                                     keyFinder: { _ in [KeyReference(index: 1, flags: [.readWrite, .access, .update])] })
        #expect(withFinder.keyReferences(in: argv) == [KeyReference(index: 1, flags: [.readWrite, .access, .update])])
        // A finder alone does not make the keys movable: Redis's SET has one and is not.
        #expect(withFinder.reportedFlags.contains(.movableKeys) == false)
    }

    @Test func test_keywordSearch_backwardsFromTheEnd_stopsBeforeTheSecondArgument() {
        // MIGRATE's KEYS spec searches from the second-to-last argument backwards.
        let spec = CommandSpec("m", arity: -2, flags: [], summary: "", keySpecs: [
            KeySpec(flags: [], beginSearch: .keyword("KEYS", startFrom: -2), findKeys: .range(lastKey: -1, keyStep: 1, limit: 0)),
        ])
        #expect(spec.keyIndexes(in: ["m", "x", "keys", "a", "b"].map { Array($0.utf8) }) == [3, 4])
        // Index 1 is never examined when searching backwards.
        #expect(spec.keyIndexes(in: ["m", "keys", "a"].map { Array($0.utf8) }).isEmpty)
    }

    @Test func test_reportedCategories_addWhatTheFlagsImply() {
        #expect(RedisCommandSpecs.get.reportedCategories.names == ["@read", "@string", "@fast"])
        #expect(RedisCommandSpecs.mset.reportedCategories.names == ["@write", "@string", "@slow"])
        #expect(RedisCommandSpecs.xread.reportedCategories.names == ["@read", "@stream", "@slow", "@blocking"])
        #expect(RedisCommandSpecs.eval.reportedCategories.names == ["@slow", "@scripting"])
        #expect(RedisCommandSpecs.migrate.reportedCategories.names == ["@keyspace", "@write", "@slow", "@dangerous"])
        let admin = CommandSpec("config|get", arity: -3, flags: [.admin, .noscript], summary: "")
        #expect(admin.reportedCategories.names == ["@admin", "@slow", "@dangerous"])
    }

    @Test func test_flagNames_followRedisOrder() {
        #expect(RedisCommandSpecs.eval.reportedFlags.names == ["noscript", "stale", "skip_monitor", "no_mandatory_keys", "movablekeys"])
        #expect(CommandFlags([.allowBusy, .noAuth, .fast, .loading, .noscript]).names
            == ["noscript", "loading", "fast", "no_auth", "allow_busy"])
    }
}
