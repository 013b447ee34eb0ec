// SCAN: cursor syntax, options, filters, and DESIGN §5's promise that a key existing
// throughout a scan is returned even when keys come and go and cursor ids are forgotten.
import RESP
@testable import Store
import Testing
import Runtime
import TestSupport

@Suite struct ScanTests {
    /// One SCAN call's cursor and keys.
    struct Page {
        let cursor: String
        let keys: [String]
    }

    static func page(_ reply: RESPValue) throws -> Page {
        guard case .array(let parts) = reply, parts.count == 2, case .bulk(let cursor) = parts[0] else {
            throw UnexpectedReply(reply: reply)
        }
        return Page(cursor: String(decoding: cursor, as: UTF8.self), keys: try keysReply(parts[1]))
    }

    /// Scans to cursor 0, calling `betweenPages` after each page; returns every key seen, in order.
    static func scanAll(_ harness: StoreHarness, options: [String] = [], betweenPages: (Int) async -> Void = { _ in })
        async throws -> (keys: [String], pages: Int)
    {
        var cursor = "0"
        var keys: [String] = []
        var pages = 0
        repeat {
            let page = try page(await harness.run((["SCAN", cursor] + options).map { Array($0.utf8) }))
            keys += page.keys
            cursor = page.cursor
            pages += 1
            await betweenPages(pages)
            guard pages < 100_000 else { throw UnexpectedReply(reply: .error("the scan never ended")) }
        } while cursor != "0"
        return (keys, pages)
    }

    @Test func test_cursorSyntax_followsStrtoul() {
        #expect(ScanCursorSyntax.parse(Array("0".utf8)) == 0)
        #expect(ScanCursorSyntax.parse(Array("".utf8)) == 0)
        #expect(ScanCursorSyntax.parse(Array("+3".utf8)) == 3)
        #expect(ScanCursorSyntax.parse(Array("007".utf8)) == 7)
        #expect(ScanCursorSyntax.parse(Array("-1".utf8)) == UInt64.max)
        #expect(ScanCursorSyntax.parse(Array("18446744073709551615".utf8)) == UInt64.max)
        #expect(ScanCursorSyntax.parse(Array("12\u{0}junk".utf8)) == 12)
        for invalid in ["18446744073709551616", " 1", "\t1", "1 ", "abc", "0x1", "+", "-", "1.5", "--1"] {
            #expect(ScanCursorSyntax.parse(Array(invalid.utf8)) == nil, "\(invalid)")
        }
    }

    @Test func test_errors_areRedisErrors() async throws {
        let harness = try StoreHarness()
        #expect(await harness.run("SCAN", "x") == .error("ERR invalid cursor"))
        #expect(await harness.run("SCAN", "x", "COUNT", "0") == .error("ERR invalid cursor"))
        #expect(await harness.run("SCAN", "0", "COUNT", "0") == .error("ERR syntax error"))
        #expect(await harness.run("SCAN", "0", "COUNT", "-1") == .error("ERR syntax error"))
        #expect(await harness.run("SCAN", "0", "COUNT", "x") == .error("ERR value is not an integer or out of range"))
        #expect(await harness.run("SCAN", "0", "COUNT") == .error("ERR syntax error"))
        #expect(await harness.run("SCAN", "0", "MATCH") == .error("ERR syntax error"))
        #expect(await harness.run("SCAN", "0", "TYPE") == .error("ERR syntax error"))
        #expect(await harness.run("SCAN", "0", "FOO", "bar") == .error("ERR syntax error"))
        #expect(await harness.run("SCAN", "0", "COUNT", "0", "FOO") == .error("ERR syntax error"))
        #expect(await harness.run("SCAN") == .error("ERR wrong number of arguments for 'scan' command"))
        await harness.shutdown()
    }

    @Test func test_fullScan_returnsEveryKeyOnce_whenNothingChanges() async throws {
        let harness = try StoreHarness()
        let names = (0..<500).map { "k\($0)" }
        for name in names { _ = await harness.run("SET", name, "v") }
        let result = try await Self.scanAll(harness, options: ["COUNT", "7"])
        #expect(result.keys.sorted() == names.sorted())
        #expect(result.pages > 500 / 7)
        let oneGo = try await Self.scanAll(harness, options: ["COUNT", "100000"])
        #expect(oneGo.pages == 1)
        #expect(oneGo.keys.sorted() == names.sorted())
        await harness.shutdown()
    }

    @Test func test_emptyKeyspace_isOnePageWithCursorZero() async throws {
        let harness = try StoreHarness()
        #expect(try Self.page(await harness.run("SCAN", "0")).keys.isEmpty)
        #expect(try Self.page(await harness.run("SCAN", "0")).cursor == "0")
        await harness.shutdown()
    }

    @Test func test_matchAndType_filterAfterFetching_soPagesMayBeEmpty() async throws {
        let harness = try StoreHarness()
        for number in 0..<200 { _ = await harness.run("SET", "k\(number)", "v") }
        _ = await harness.run("SET", "wanted", "v")
        _ = await harness.run("SET", "", "empty")
        let matched = try await Self.scanAll(harness, options: ["MATCH", "want*", "COUNT", "5"])
        #expect(matched.keys == ["wanted"])
        #expect(matched.pages > 1)
        // Most pages examined only other keys: empty, yet the cursor goes on.
        #expect(try Self.page(await harness.run("SCAN", "0", "MATCH", "nomatch", "COUNT", "5")).cursor != "0")
        #expect(try await Self.scanAll(harness, options: ["TYPE", "STRING"]).keys.count == 202)
        #expect(try await Self.scanAll(harness, options: ["TYPE", "list"]).keys.isEmpty)
        #expect(try await Self.scanAll(harness, options: ["TYPE", "nosuchtype"]).keys.isEmpty)
        // A lone `*` is no pattern at all (it keeps the empty key); `**` is a pattern.
        #expect(try await Self.scanAll(harness, options: ["MATCH", "*"]).keys.contains(""))
        #expect(try await Self.scanAll(harness, options: ["MATCH", "**"]).keys.contains("") == false)
        await harness.shutdown()
    }

    @Test func test_expiredKeys_areNotReturned() async throws {
        let harness = try StoreHarness()
        _ = await harness.run("SET", "live", "v")
        for number in 0..<20 { _ = await harness.run("SET", "t\(number)", "v", "PX", "5") }
        harness.clock.advance(milliseconds: 6)
        #expect(try await Self.scanAll(harness, options: ["COUNT", "3"]).keys == ["live"])
        await harness.shutdown()
    }

    @Test func test_cursor_carriesTheSlotOfTheLastKeyExamined() async throws {
        let harness = try StoreHarness()
        for number in 0..<50 { _ = await harness.run("SET", "k\(number)", "v") }
        let page = try Self.page(await harness.run("SCAN", "0", "COUNT", "1"))
        let cursor = try #require(UInt64(page.cursor))
        let key = try #require(page.keys.first)
        #expect(Int(cursor >> ScanCursorTable.idBits) == KeySlot.of(Array(key.utf8)))
        #expect(cursor & ScanCursorTable.idMask != 0)
        await harness.shutdown()
    }

    @Test func test_aCursorOfAnotherSlot_restartsThatSlot_insteadOfSkipping() async throws {
        let harness = try StoreHarness()
        // Two keys sharing a slot, and a cursor id issued for a key of another slot.
        _ = await harness.run("SET", "{s}a", "v")
        _ = await harness.run("SET", "{s}b", "v")
        _ = await harness.run("SET", "zzz", "v")
        let slot = KeySlot.of(Array("{s}a".utf8))
        let foreign = harness.store.scanCursors.cursor(slot: KeySlot.of(Array("zzz".utf8)), after: StoredKey.meta(Array("zzz".utf8)))
        let forged = UInt64(slot) << ScanCursorTable.idBits | (foreign & ScanCursorTable.idMask)
        let page = try Self.page(await harness.run("SCAN", String(forged), "COUNT", "2"))
        #expect(page.keys == ["{s}a", "{s}b"])
        // An id never issued resumes the slot's start too.
        let unknown = UInt64(slot) << ScanCursorTable.idBits | 123_456_789
        #expect(try Self.page(await harness.run("SCAN", String(unknown), "COUNT", "2")).keys == ["{s}a", "{s}b"])
        await harness.shutdown()
    }

    /// With `forgetting`, the table holds one id and another scan takes it between pages, so
    /// every page resumes from its slot's start (COUNT stays above any slot's key count here,
    /// or a slot could be restarted forever).
    @Test(arguments: [UInt64(1), 7, 2024], [false, true])
    func test_keysThatExistThroughout_areNeverSkipped_underChurn(seed: UInt64, forgetting: Bool) async throws {
        let harness = try StoreHarness(scanCursorCapacity: forgetting ? 1 : nil)
        var random = SplitMix64(seed: seed)
        // Eighty hash tags: five stable keys share each slot, so pages end and resume mid-slot.
        let stable = (0..<400).map { "{g\($0 % 80)}stable:\($0)" }
        for name in stable { _ = await harness.run("SET", name, "v") }
        for number in 0..<200 { _ = await harness.run("SET", "churn:\(number)", "v") }
        var nextChurn = 200
        var churnRandom = random
        let result = try await Self.scanAll(harness, options: ["COUNT", String(8 + random.below(20))]) { _ in
            if forgetting { _ = await harness.run("SCAN", "0", "COUNT", "1") }
            // Between pages: add a few keys, delete a few churned ones, never a stable one.
            for _ in 0..<churnRandom.below(6) {
                _ = await harness.run("SET", "churn:\(nextChurn)", "v")
                nextChurn += 1
            }
            for _ in 0..<churnRandom.below(6) {
                _ = await harness.run("DEL", "churn:\(churnRandom.below(nextChurn))")
            }
        }
        let seen = Set(result.keys)
        let missing = stable.filter { !seen.contains($0) }
        #expect(missing.isEmpty, "seed \(seed) forgetting \(forgetting): \(missing.count) missing, e.g. \(missing.prefix(5))")
        await harness.shutdown()
    }

    @Test func test_forgottenCursorIds_repeatKeys_butNeverSkipOne() async throws {
        // Room for two ids: interleaving three scans makes each one's id forgotten.
        let harness = try StoreHarness(scanCursorCapacity: 2)
        // Five keys per slot: a forgotten id makes a page re-read its slot from the start.
        let names = (0..<300).map { "{g\($0 % 60)}k\($0)" }
        for name in names { _ = await harness.run("SET", name, "v") }
        var cursors = ["0", "0", "0"]
        var seen: [[String]] = [[], [], []]
        var finished = [false, false, false]
        var calls = 0
        while finished.contains(false) {
            for scan in 0..<3 where !finished[scan] {
                // 7 is not a multiple of 5: pages end mid-slot.
                let page = try Self.page(await harness.run("SCAN", cursors[scan], "COUNT", "7"))
                seen[scan] += page.keys
                cursors[scan] = page.cursor
                finished[scan] = page.cursor == "0"
                calls += 1
            }
            guard calls < 100_000 else { break }
        }
        for scan in 0..<3 {
            #expect(Set(seen[scan]) == Set(names), "scan \(scan) missed keys")
            // A forgotten id resumes its slot from the start, so keys of that slot repeat.
            #expect(seen[scan].count > names.count)
        }
        await harness.shutdown()
    }
}
