// The data directory stamp: written once, then checked for format version and node id.
import Foundation
import Testing
@testable import Runtime

@Suite struct DataDirectoryStampTests {
    @Test func test_emptyDirectory_getsAStampThatLaterStartsRead() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try DataDirectoryStamp.verifyOrCreate(directory: dir, nodeID: "n1")
        #expect(first.formatVersion == DataDirectoryStamp.currentFormatVersion)
        #expect(first.nodeID == "n1")
        #expect(first.clusterID.count == 32)
        let text = try String(contentsOfFile: dir + "/CAIRN", encoding: .utf8)
        #expect(text == "format-version: 1\nnode-id: n1\ncluster-id: \(first.clusterID)\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/CAIRN.tmp"))

        let again = try DataDirectoryStamp.verifyOrCreate(directory: dir, nodeID: "n1")
        #expect(again == first)
    }

    @Test func test_clusterIDs_areRandomPerDirectory() throws {
        let (one, two) = (temporaryDirectory("one"), temporaryDirectory("two"))
        defer { for dir in [one, two] { try? FileManager.default.removeItem(atPath: dir) } }
        let first = try DataDirectoryStamp.verifyOrCreate(directory: one, nodeID: "n1")
        let second = try DataDirectoryStamp.verifyOrCreate(directory: two, nodeID: "n1")
        #expect(first.clusterID != second.clusterID)
    }

    @Test func test_anotherNodeID_isRefusedNamingBoth() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try DataDirectoryStamp.verifyOrCreate(directory: dir, nodeID: "n1")
        let error = #expect(throws: RuntimeError.self) { try DataDirectoryStamp.verifyOrCreate(directory: dir, nodeID: "n2") }
        #expect(error?.description == "cannot use data directory \(dir): it belongs to node n1, not n2 (CAIRN stamp)")
    }

    @Test func test_anotherFormatVersion_isRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "format-version: 2\nnode-id: n1\ncluster-id: abc\n".write(toFile: dir + "/CAIRN", atomically: false, encoding: .utf8)
        let error = #expect(throws: RuntimeError.self) { try DataDirectoryStamp.verifyOrCreate(directory: dir, nodeID: "n1") }
        #expect(error?.description == "cannot use data directory \(dir): its CAIRN stamp has format version 2, "
            + "this cairn reads format version 1")
    }

    @Test(arguments: ["", "garbage", "format-version: x\nnode-id: n1\ncluster-id: c\n", "format-version: 1\ncluster-id: c\n"])
    func test_malformedStamp_isRefusedNamingTheFile(_ contents: String) throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try contents.write(toFile: dir + "/CAIRN", atomically: false, encoding: .utf8)
        let error = #expect(throws: RuntimeError.self) { try DataDirectoryStamp.verifyOrCreate(directory: dir, nodeID: "n1") }
        #expect(error?.description.hasPrefix("cannot read stamp \(dir)/CAIRN: ") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func test_databaseWithoutStamp_isRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/db", withIntermediateDirectories: true)
        let error = #expect(throws: RuntimeError.self) { try DataDirectoryStamp.verifyOrCreate(directory: dir, nodeID: "n1") }
        #expect(error?.description.contains("holds a database (db/) but no CAIRN stamp") == true)
        #expect(!FileManager.default.fileExists(atPath: dir + "/CAIRN"))
    }
}
