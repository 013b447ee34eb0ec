// The options a RocksDBEngine opens with: compression the Debian build supports, and write stalls.

@testable import Engine
import Foundation
import Testing

@Suite struct RocksDBEngineOptionsTests {
    /// A node keeps RocksDB's LOG to its header; these tests read the options it dumps at INFO.
    static let infoLevel: Int32 = 1

    /// The Debian librocksdb links lz4; RocksDB's LOG lists what the build supports.
    @Test func test_lz4_shouldBeUsedWhenTheBuildSupportsIt() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var settings = RocksDBSettings.forTests
        settings.infoLogLevel = Self.infoLevel
        let engine = try RocksDBEngine(path: scratch.database, settings: settings)
        defer { try? engine.close() }
        let log = try String(contentsOfFile: scratch.database + "/LOG", encoding: .utf8)
        #expect(log.contains("kLZ4Compression supported: 1"))
        #expect(engine.compression == .lz4)
        #expect(log.contains("Options.compression: LZ4"))
    }

    @Test func test_noCompression_shouldOpenUncompressed() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var settings = RocksDBSettings.forTests
        settings.compression = .uncompressed
        settings.infoLogLevel = Self.infoLevel
        let engine = try RocksDBEngine(path: scratch.database, settings: settings)
        defer { try? engine.close() }
        #expect(engine.compression == .uncompressed)
        let log = try String(contentsOfFile: scratch.database + "/LOG", encoding: .utf8)
        #expect(log.contains("Options.compression: NoCompression"))
    }

    @Test func test_writeStallStatus_shouldMapToWriteStalled() {
        #expect(RocksDBBatchWriter.isWriteStall("Result incomplete: Write stall"))
        #expect(!RocksDBBatchWriter.isWriteStall("IO error: No space left on device"))
    }
}
