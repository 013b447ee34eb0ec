// Durability with storage.sync always (DESIGN §6, §11): acknowledged writes survive SIGKILL, and
// every acknowledgement left after a WAL sync covered its write — checked inside the node,
// since SIGKILL alone cannot show a missing fsync (the page cache survives it).
import Foundation
import Glibc
import Runtime
import TestSupport
import Testing

@Suite(.serialized) struct DurabilityProcessTests {
    @Test func test_sigkillAtRandomMoments_losesNoAcknowledgedWrite_andEveryAckFollowedItsSync() async throws {
        let run = try await DurabilityRun.perform(seed: 0xD0_5EED, kills: 24)
        print("durability: \(run.kills) kills, \(run.acknowledged) writes acknowledged, "
              + "\(run.auditedAcknowledgements) reply batches audited, \(run.unsyncedAcknowledgements) unsynced")
        #expect(run.lost == [], "acknowledged writes missing after a restart")
        #expect(run.unsyncedAcknowledgements == 0, "replies left before a WAL sync covered their write")
        #expect(run.kills == 24)
        // Not vacuous: writes were acknowledged and audited between most kills.
        #expect(run.acknowledged > 1_000)
        #expect(run.auditedAcknowledgements > 100)
    }

    /// The negative control: without the wait for the sync, the same run's check fails.
    @Test func test_withoutSyncBeforeAck_theAuditCountsUnsyncedAcknowledgements() async throws {
        let run = try await DurabilityRun.perform(seed: 0xBAD_5EED, kills: 3,
                                                  environment: ["CAIRN_TESTING_SKIP_SYNC_BEFORE_ACK": "1"])
        #expect(run.auditedAcknowledgements > 0)
        #expect(run.unsyncedAcknowledgements > 0, "the check cannot fail: it saw no unsynced acknowledgement")
    }
}

/// One seeded run: start a node on one data dir, let a client write `SET k<i> v<i>` — single
/// commands and pipelined batches — while the test SIGKILLs the node after a random delay;
/// restart on the same dir and check every key acknowledged so far; repeat.
struct DurabilityRun {
    var kills = 0
    /// Keys whose `+OK` a client read; each `k<i>` is sent once in the whole run.
    var acknowledgedKeys: [Int] = []
    /// Acknowledged keys that did not read back with their value after a restart.
    var lost: [Int] = []
    var auditedAcknowledgements: UInt64 = 0
    var unsyncedAcknowledgements: UInt64 = 0

    var acknowledged: Int { acknowledgedKeys.count }

    static func perform(seed: UInt64, kills: Int, environment: [String: String] = [:],
                        name: String = #function) async throws -> DurabilityRun {
        let root = scratchDirectory(name)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dataDir = root + "/n1"
        var random = SplitMix64(seed: seed)
        var run = DurabilityRun()
        var nextKey = 0
        for _ in 0..<kills {
            let (node, port) = try await NodeProcess.start(dataDir: dataDir, ["storage.sync=always"], environment: environment)
            run.lost += await missingKeys(port: port, run.acknowledgedKeys)
            let writer = AcknowledgingWriter(port: port, firstKey: nextKey, seed: random.next())
            let writing = BlockingTask { writer.writeUntilRefused() }
            try await Task.sleep(for: .milliseconds(20 + random.below(400)))
            // The audit counts reset with the process, so read them just before the kill.
            if let audit = await BlockingTask({ InfoAudit.read(port: port) }).value {
                run.auditedAcknowledgements += audit.audited
                run.unsyncedAcknowledgements += audit.unsynced
            }
            node.signal(SIGKILL)
            _ = await node.waitForExit(timeout: .seconds(10))
            run.kills += 1
            let round = await writing.value
            run.acknowledgedKeys += round.acknowledged
            nextKey = round.nextUnsent
        }
        let (node, port) = try await NodeProcess.start(dataDir: dataDir, ["storage.sync=always"], environment: environment)
        defer { node.signal(SIGKILL) }
        run.lost += await missingKeys(port: port, run.acknowledgedKeys)
        return run
    }

    /// The keys that do not read back as `v<i>`, checked with pipelined GETs.
    private static func missingKeys(port: Int, _ keys: [Int]) async -> [Int] {
        await BlockingTask { () -> [Int] in
            guard let client = RESPTestClient(port: port) else { return keys }
            var missing: [Int] = []
            for start in stride(from: 0, to: keys.count, by: 500) {
                let chunk = keys[start..<min(start + 500, keys.count)]
                client.send(raw: chunk.flatMap { RESPTestClient.encode(["GET", "k\($0)"]) })
                for key in chunk {
                    guard let reply = client.readReply() else { return missing + [key] }
                    if String(decoding: reply, as: UTF8.self) != "$\("v\(key)".utf8.count)\r\nv\(key)\r\n" {
                        missing.append(key)
                    }
                }
            }
            return missing
        }.value
    }
}

/// The client side of a round: writes keys from `firstKey` on, one at a time or in pipelined
/// batches of up to 50, until the connection dies.
final class AcknowledgingWriter: Sendable {
    let port: Int
    let firstKey: Int
    let seed: UInt64

    struct Round: Sendable {
        /// Keys whose `+OK` was read.
        var acknowledged: [Int] = []
        /// The first key never sent (unacknowledged ones may or may not have been written).
        var nextUnsent: Int
    }

    init(port: Int, firstKey: Int, seed: UInt64) {
        self.port = port
        self.firstKey = firstKey
        self.seed = seed
    }

    func writeUntilRefused() -> Round {
        var round = Round(nextUnsent: firstKey)
        guard let client = RESPTestClient(port: port, timeoutSeconds: 10) else { return round }
        var random = SplitMix64(seed: seed)
        while true {
            let count = random.chance(50) ? 1 : 1 + random.below(50)
            let keys = round.nextUnsent..<(round.nextUnsent + count)
            round.nextUnsent += count
            client.send(raw: keys.flatMap { RESPTestClient.encode(["SET", "k\($0)", "v\($0)"]) })
            for key in keys {
                guard let reply = client.readReply(), reply == Array("+OK\r\n".utf8) else { return round }
                round.acknowledged.append(key)
            }
        }
    }
}

/// `cairn_audited_acks` and `cairn_unsynced_acks` from `INFO cairn`.
struct InfoAudit {
    let audited: UInt64
    let unsynced: UInt64

    static func read(port: Int) -> InfoAudit? {
        guard let client = RESPTestClient(port: port, timeoutSeconds: 10),
              let reply = client.command(["INFO", "cairn"]) else { return nil }
        let text = String(decoding: reply, as: UTF8.self)
        func field(_ name: String) -> UInt64? {
            text.split(separator: "\r\n").first { $0.hasPrefix(name + ":") }
                .flatMap { UInt64($0.dropFirst(name.count + 1)) }
        }
        guard let audited = field("cairn_audited_acks"), let unsynced = field("cairn_unsynced_acks") else { return nil }
        return InfoAudit(audited: audited, unsynced: unsynced)
    }
}
