// A node whose disk fills up: clients get an error reply, no acknowledged write is lost.
import Foundation
import Glibc
import TestSupport
import Testing

@Suite(.serialized) struct DiskFullProcessTests {
    private static func text(_ reply: [UInt8]?) -> String { reply.map { String(decoding: $0, as: UTF8.self) } ?? "(no reply)" }

    /// What the client saw while filling the disk.
    private struct Fill: Sendable {
        var acknowledged: [String] = []
        var firstError: String?
        var afterError: [String] = []
    }

    @Test(.enabled(if: TinyFilesystem.canMount,
                   "needs to mount a small tmpfs (root here); without it a full disk cannot be made safely"))
    func test_fullDisk_answersWritesWithAnError_andLosesNoAcknowledgedWrite() async throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let filesystem = try TinyFilesystem(at: scratch + "/mnt", megabytes: 24)
        defer { filesystem.unmount() }
        let dir = filesystem.path + "/n1"
        let settings = ["storage.write-buffer=1MB", "storage.block-cache=8MB", "runtime.loops=2"]
        // Random letters: lz4 (no entropy coding) barely shrinks them, so the disk fills.
        var random = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let value = String((0..<(256 << 10)).map { _ in letters[Int(random.next() % UInt64(letters.count))] })

        let (node, port) = try await NodeProcess.start(dataDir: dir, settings)
        defer { node.signal(SIGKILL) }
        let fill = await BlockingTask { () -> Fill in
            var fill = Fill()
            guard let client = RESPTestClient(port: port) else { return fill }
            for number in 0..<400 {
                let key = "key:\(number)"
                let reply = Self.text(client.command(["SET", key, value]))
                if reply == "+OK\r\n" {
                    fill.acknowledged.append(key)
                } else {
                    fill.firstError = reply
                    break
                }
            }
            // What follows: a read of an acknowledged key, a ping, and more writes.
            if let key = fill.acknowledged.first { fill.afterError.append(Self.text(client.command(["STRLEN", key]))) }
            fill.afterError.append(Self.text(client.command(["PING"])))
            for number in 0..<3 { fill.afterError.append(Self.text(client.command(["SET", "late:\(number)", "x"]))) }
            // Regions that met the error restart (and may give up); reads still answer later.
            Thread.sleep(forTimeInterval: 3)
            if let key = fill.acknowledged.last { fill.afterError.append(Self.text(client.command(["STRLEN", key]))) }
            return fill
        }.value
        let firstError = try #require(fill.firstError, "the disk never filled: \(fill.acknowledged.count) writes")
        #expect(fill.acknowledged.count > 5)
        let log = node.stderr.text
        // Debian's RocksDB 7.8 used to abort the node here when it wrote its info LOG again
        // after a LOG append failed; the engine now keeps that LOG to its header.
        #expect(!log.contains("AssertFalseAndGetStatusForPrevError"), "RocksDB aborted the node on the full disk")
        // The region that met the error crashes and restarts (its supervisor decides); the
        // client gets an error for that write, reads and other commands keep answering, and
        // later writes get the same error while the disk stays full. The log names the path.
        #expect(firstError.hasPrefix("-ERR storage error in region "), "\(firstError)")
        #expect(log.contains("\(dir)/db"), "the log does not name the database path")
        #expect(log.contains("No space left on device"))
        #expect(fill.afterError.count == 6, "\(fill.afterError)")
        #expect(fill.afterError.first == ":\(256 << 10)\r\n", "\(fill.afterError)")
        #expect(fill.afterError.dropFirst().first == "+PONG\r\n", "\(fill.afterError)")
        #expect(fill.afterError.dropFirst(2).prefix(3).allSatisfy { $0.hasPrefix("-ERR storage error in region ") },
                "\(fill.afterError)")
        #expect(fill.afterError.last == ":\(256 << 10)\r\n", "\(fill.afterError)")
        _ = await node.stop(timeout: .seconds(30))

        // Space returns: every acknowledged write is there after a restart.
        #expect(filesystem.resize(megabytes: 256))
        let (restarted, restartedPort) = try await NodeProcess.start(dataDir: dir, settings)
        defer { restarted.signal(SIGKILL) }
        let lengths = await BlockingTask { () -> [String] in
            guard let client = RESPTestClient(port: restartedPort) else { return [] }
            return fill.acknowledged.map { Self.text(client.command(["STRLEN", $0])) }
                + [Self.text(client.command(["SET", "after", "space returned"]))]
        }.value
        #expect(lengths == Array(repeating: ":\(256 << 10)\r\n", count: fill.acknowledged.count) + ["+OK\r\n"])
        #expect(await restarted.stop() == 0)
    }
}
