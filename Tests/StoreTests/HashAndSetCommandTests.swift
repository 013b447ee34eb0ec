// Hash and set commands in-process: what the differential tests cannot pin down (SPOP's
// choices from the entry's seed, HSCAN/SSCAN paging, large collections, huge counts).
import Engine
import RESP
@testable import Store
import Testing

@Suite struct HashAndSetCommandTests {
    static let entries = CollectionStorageTests.entries

    @Test func test_spop_choosesFromTheEntrysSeed_soReplicasAgree() async throws {
        var popped: [RESPValue] = []
        for _ in 0..<2 {
            let harness = try StoreHarness(entries: Self.entries)
            _ = await harness.run(["SADD", "s"].map { Array($0.utf8) } + (0..<50).map { Array("m\($0)".utf8) })
            let region = try #require(await harness.store.directory.region(id: harness.store.directory.layout.region(forSlot: KeySlot.of(Array("s".utf8))).id))
            let entry = WriteEntry(nowMilliseconds: 1, seed: 42, versionProposal: 1, arguments: ["spop", "s", "5"].map { Array($0.utf8) })
            popped.append(await region.propose(entry).reply)
            #expect(await harness.run("SCARD", "s") == .integer(45))
            await harness.shutdown()
        }
        #expect(popped[0] == popped[1])
        guard case .set(let members) = popped[0] else { Issue.record("SPOP with a count answers a set"); return }
        #expect(Set(members).count == 5)
    }

    @Test func test_hscanAndSscan_pageByCount_andCollectEveryMember() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        let fields = (0..<25).map { "f\($0)" }
        _ = await harness.run(["HSET", "h"].map { Array($0.utf8) } + fields.flatMap { [Array($0.utf8), Array("v".utf8)] })
        _ = await harness.run(["SADD", "s"].map { Array($0.utf8) } + fields.map { Array($0.utf8) })
        for (command, step) in [("HSCAN", 2), ("SSCAN", 1)] {
            var cursor = "0", collected: [String] = [], calls = 0
            repeat {
                guard case .array(let reply) = await harness.run(command, command == "HSCAN" ? "h" : "s", cursor, "COUNT", "7"),
                      case .bulk(let next) = reply[0], case .array(let items) = reply[1] else { Issue.record("bad \(command) reply"); return }
                cursor = String(decoding: next, as: UTF8.self)
                collected += stride(from: 0, to: items.count, by: step).compactMap { if case .bulk(let b) = items[$0] { String(decoding: b, as: UTF8.self) } else { nil } }
                calls += 1
            } while cursor != "0"
            #expect(calls == 4)
            #expect(collected.sorted() == fields.sorted())
        }
        await harness.shutdown()
    }

    @Test func test_hugeCounts_areBoundedOrClamped() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        _ = await harness.run("SADD", "s", "a", "b")
        _ = await harness.run("HSET", "h", "a", "1")
        let everything = await harness.run("SRANDMEMBER", "s", "9223372036854775807")
        #expect(everything == .array([.bulk("a"), .bulk("b")]) || everything == .array([.bulk("b"), .bulk("a")]))
        #expect(await harness.run("SRANDMEMBER", "s", "-9223372036854775807") == CollectionCommands.tooManyPicks)
        #expect(await harness.run("HRANDFIELD", "h", "-9223372036854775807") == CollectionCommands.tooManyPicks)
        #expect(await harness.run("HRANDFIELD", "h", "4611686018427387903", "WITHVALUES") == .pairs([RESPValue.Entry(key: .bulk("a"), value: .bulk("1"))]))
        #expect(await harness.run("HRANDFIELD", "h", "9223372036854775807", "WITHVALUES") == .error("ERR value is out of range"))
        let popped = await harness.run("SPOP", "s", "9223372036854775807")
        #expect(popped == .set([.bulk("a"), .bulk("b")]))
        #expect(await harness.run("EXISTS", "s") == .integer(0))
        await harness.shutdown()
    }

    @Test func test_hincrbyfloat_usesLongDoubleText() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        #expect(await harness.run("HINCRBYFLOAT", "h", "f", "10.5") == .bulk("10.5"))
        #expect(await harness.run("HINCRBYFLOAT", "h", "f", "0.1") == .bulk("10.6"))
        #expect(await harness.run("HINCRBYFLOAT", "h", "f", "inf") == .error("ERR value is NaN or Infinity"))
        #expect(await harness.run("HINCRBY", "h", "f", "1") == .error("ERR hash value is not an integer"))
        #expect(await harness.run("HSET", "h", "s", "x") == .integer(1))
        #expect(await harness.run("HINCRBYFLOAT", "h", "s", "1") == .error("ERR hash value is not a float"))
        await harness.shutdown()
    }

    @Test func test_aLargeSet_keepsAnExactCount_andAlgebraWorks() async throws {
        let harness = try StoreHarness(entries: Self.entries)
        let members = (0..<2000).map { Array("m\($0)".utf8) }
        #expect(await harness.run([Array("SADD".utf8), Array("{x}a".utf8)] + members) == .integer(2000))
        #expect(await harness.run([Array("SADD".utf8), Array("{x}b".utf8)] + members.prefix(500)) == .integer(500))
        #expect(await harness.run("SCARD", "{x}a") == .integer(2000))
        #expect(await harness.run("SDIFFSTORE", "{x}c", "{x}a", "{x}b") == .integer(1500))
        #expect(await harness.run("SINTERCARD", "2", "{x}a", "{x}b", "LIMIT", "100") == .integer(100))
        #expect(await harness.run("SMOVE", "{x}a", "{x}b", "m1999") == .integer(1))
        #expect(await harness.run("SCARD", "{x}b") == .integer(501))
        await harness.shutdown()
    }
}
