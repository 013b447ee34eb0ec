// A node's data directory across restarts: RocksDB keeps the keys, the CAIRN stamp guards the dir.
import Foundation
import Glibc
import TestSupport
import Testing

@Suite struct DataDirectoryProcessTests {
    private static func text(_ reply: [UInt8]?) -> String? { reply.map { String(decoding: $0, as: UTF8.self) } }

    @Test func test_restart_keepsEveryKey_andTheStamp() async throws {
        let dir = scratchDirectory() + "/n1"
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let (first, firstPort) = try await NodeProcess.start(dataDir: dir)
        let written = await BlockingTask { () -> [String?] in
            guard let client = RESPTestClient(port: firstPort) else { return [] }
            return (0..<200).map { Self.text(client.command(["SET", "key:\($0)", "value \($0)"])) }
                + [Self.text(client.command(["DEL", "key:7"])), Self.text(client.command(["DBSIZE"]))]
        }.value
        #expect(written == Array(repeating: "+OK\r\n", count: 200) + [":1\r\n", ":199\r\n"])
        #expect(await first.stop() == 0)
        let stamp = try String(contentsOfFile: dir + "/CAIRN", encoding: .utf8)
        #expect(stamp.hasPrefix("format-version: 1\nnode-id: n1\ncluster-id: "))

        let (second, secondPort) = try await NodeProcess.start(dataDir: dir)
        defer { second.signal(SIGKILL) }
        let read = await BlockingTask { () -> [String?] in
            guard let client = RESPTestClient(port: secondPort) else { return [] }
            return [Self.text(client.command(["DBSIZE"])), Self.text(client.command(["GET", "key:199"])),
                    Self.text(client.command(["GET", "key:7"]))]
        }.value
        #expect(read == [":199\r\n", "$9\r\nvalue 199\r\n", "$-1\r\n"])
        #expect(await second.stop() == 0)
        #expect(try String(contentsOfFile: dir + "/CAIRN", encoding: .utf8) == stamp)
    }

    /// The smaller sibling of the 1M-key load measurement (issue 5): DBSIZE is exact after a
    /// clean restart and after SIGKILL, since the store counts keys by scanning at region start.
    @Test func test_100kKeys_surviveRestarts_withExactDBSIZE() async throws {
        let dir = scratchDirectory() + "/n1"
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let keyCount = 100_000
        let (first, firstPort) = try await NodeProcess.start(dataDir: dir)
        let loaded = await BlockingTask { () -> String? in
            guard let client = RESPTestClient(port: firstPort) else { return nil }
            for start in stride(from: 0, to: keyCount, by: 1_000) {
                client.send(raw: (start..<start + 1_000).flatMap { RESPTestClient.encode(["SET", "key:\($0)", "\($0)"]) })
                for _ in 0..<1_000 where client.readReply() != Array("+OK\r\n".utf8) { return "SET failed" }
            }
            return Self.text(client.command(["DBSIZE"]))
        }.value
        #expect(loaded == ":\(keyCount)\r\n")
        #expect(await first.stop() == 0)

        let (second, secondPort) = try await NodeProcess.start(dataDir: dir)
        #expect(await Self.dbsize(port: secondPort) == ":\(keyCount)\r\n")
        second.signal(SIGKILL)
        _ = await second.waitForExit()

        let (third, thirdPort) = try await NodeProcess.start(dataDir: dir)
        defer { third.signal(SIGKILL) }
        #expect(await Self.dbsize(port: thirdPort) == ":\(keyCount)\r\n")
        #expect(await BlockingTask { Self.text(RESPTestClient(port: thirdPort)?.command(["GET", "key:99999"])) }.value
            == "$5\r\n99999\r\n")
        #expect(await third.stop() == 0)
    }

    private static func dbsize(port: Int) async -> String? {
        await BlockingTask { text(RESPTestClient(port: port)?.command(["DBSIZE"])) }.value
    }

    @Test func test_anotherNodeID_isRefusedWithExitCode2() async throws {
        let dir = scratchDirectory() + "/n1"
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let (first, _) = try await NodeProcess.start(dataDir: dir)
        #expect(await first.stop() == 0)

        let refused = try await NodeProcess.run(NodeProcess.startArguments(dataDir: dir, ["node.id=n2"]))
        #expect(refused.status == 2)
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines == ["cairn: cannot use data directory \(dir): it belongs to node n1, not n2 (CAIRN stamp)"])
    }

    @Test func test_anotherFormatVersion_isRefusedWithExitCode2() async throws {
        let dir = scratchDirectory() + "/n1"
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "format-version: 7\nnode-id: n1\ncluster-id: 0123\n".write(toFile: dir + "/CAIRN", atomically: true, encoding: .utf8)
        let refused = try await NodeProcess.run(NodeProcess.startArguments(dataDir: dir))
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("cannot use data directory \(dir): its CAIRN stamp has format version 7"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/db"))
    }

    @Test func test_damagedDatabase_isRefusedWithExitCode2NamingThePath() async throws {
        let dir = scratchDirectory() + "/n1"
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let (first, _) = try await NodeProcess.start(dataDir: dir)
        #expect(await first.stop() == 0)
        // A CURRENT file naming a manifest that does not exist.
        try "MANIFEST-999999\n".write(toFile: dir + "/db/CURRENT", atomically: true, encoding: .utf8)
        let refused = try await NodeProcess.run(NodeProcess.startArguments(dataDir: dir))
        #expect(refused.status == 2)
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("cairn: cannot open RocksDB at \(dir)/db: ") == true)
    }

    /// Garbage in CURRENT, and a `db` that is a file rather than a directory: each refused
    /// with exit code 2 and one line naming the database path.
    @Test func test_garbageCURRENT_orDbThatIsAFile_isRefusedWithExitCode2NamingThePath() async throws {
        let dir = scratchDirectory() + "/n1"
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let (first, _) = try await NodeProcess.start(dataDir: dir)
        #expect(await first.stop() == 0)
        try Data([0x00, 0xFF, 0xFE, 0x13, 0x37]).write(to: URL(fileURLWithPath: dir + "/db/CURRENT"))
        let refused = try await NodeProcess.run(NodeProcess.startArguments(dataDir: dir))
        #expect(refused.status == 2)
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix("cairn: cannot open RocksDB at \(dir)/db: ") == true, "\(lines)")

        try FileManager.default.removeItem(atPath: dir + "/db")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: dir + "/db"))
        let refusedAgain = try await NodeProcess.run(NodeProcess.startArguments(dataDir: dir))
        #expect(refusedAgain.status == 2)
        let linesAgain = refusedAgain.stderr.split(separator: "\n").map(String.init)
        #expect(linesAgain.count == 1, "\(linesAgain)")
        #expect(linesAgain.first?.hasPrefix("cairn: cannot open RocksDB at \(dir)/db: ") == true, "\(linesAgain)")
    }
}
