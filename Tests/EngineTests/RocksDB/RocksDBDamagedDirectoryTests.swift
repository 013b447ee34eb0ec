// Opening a damaged or foreign database directory fails with one line naming the path.

@testable import Engine
import Foundation
import Testing

@Suite struct RocksDBDamagedDirectoryTests {
    /// Writes some data, closes, then lets `damage` change the files, and returns the error
    /// that reopening gave (nil if it opened).
    private static func reopenAfter(_ scratch: ScratchDirectory, _ damage: (String) throws -> Void) throws -> RocksDBError? {
        do {
            let engine = try RocksDBEngine(path: scratch.database, settings: .forTests)
            try engine.put(.meta, (0..<100).map { entry("k\($0)", "v\($0)") })
            try engine.flush()
            try engine.close()
        }
        try damage(scratch.database)
        do {
            let engine = try RocksDBEngine(path: scratch.database, settings: .forTests)
            try engine.close()
            return nil
        } catch let error as RocksDBError {
            return error
        }
    }

    private static func expectOneLineNaming(_ path: String, _ error: RocksDBError?, containing detail: String) {
        let text = error.map(\.description) ?? "(opened without an error)"
        #expect(text.hasPrefix("cannot open RocksDB at \(path): "), "\(text)")
        #expect(text.contains(detail), "\(text)")
        #expect(!text.contains("\n"), "\(text)")
    }

    @Test func test_garbageCURRENT_shouldFailNamingThePath() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let error = try Self.reopenAfter(scratch) { database in
            try Data([0x00, 0xFF, 0x13, 0x37, 0x0A]).write(to: URL(fileURLWithPath: database + "/CURRENT"))
        }
        Self.expectOneLineNaming(scratch.database, error, containing: "CURRENT")
    }

    @Test func test_truncatedManifest_shouldFailNamingThePath() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let error = try Self.reopenAfter(scratch) { database in
            let current = try String(contentsOfFile: database + "/CURRENT", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let manifest = database + "/" + current
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: manifest))
            try handle.truncate(atOffset: 10)
            try handle.close()
        }
        Self.expectOneLineNaming(scratch.database, error, containing: "MANIFEST")
    }

    @Test func test_missingTableFile_shouldFailNamingThePath() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let error = try Self.reopenAfter(scratch) { database in
            let tables = try FileManager.default.contentsOfDirectory(atPath: database).filter { $0.hasSuffix(".sst") }
            try #require(!tables.isEmpty, "the flush wrote no table file")
            for table in tables { try FileManager.default.removeItem(atPath: database + "/" + table) }
        }
        Self.expectOneLineNaming(scratch.database, error, containing: "No such file or directory")
    }

    /// A RocksDB database that is not Cairn's: it has a column family Cairn does not know.
    @Test func test_foreignDatabaseWithUnknownColumnFamily_shouldFailNamingThePath() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let error = try Self.reopenAfter(scratch) { database in
            try ForeignDatabase.addColumnFamily(named: "someone-elses", to: database)
        }
        Self.expectOneLineNaming(scratch.database, error, containing: "someone-elses")
    }
}
