// The data directory lock: created on demand, exclusive, and telling who holds it.
import Foundation
import Testing
@testable import Runtime

@Suite struct DataDirectoryLockTests {
    @Test func test_missingDirectory_isCreatedAndLocked() throws {
        let root = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dir = root + "/a/b/n1"
        let lock = try DataDirectoryLock.acquire(directory: dir, nodeID: "n1")
        #expect(FileManager.default.fileExists(atPath: dir + "/LOCK"))
        lock.release()
    }

    @Test func test_secondHolder_failsNamingTheFirst() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try DataDirectoryLock.acquire(directory: dir, nodeID: "n1")
        do {
            _ = try DataDirectoryLock.acquire(directory: dir, nodeID: "n2")
            Issue.record("a second lock on the same directory succeeded")
        } catch {
            #expect(error.description.contains("in use by node n1 (pid \(getpid()))"))
            #expect(!error.description.contains("\n"))
        }
        first.release()
        let again = try DataDirectoryLock.acquire(directory: dir, nodeID: "n2")
        again.release()
    }

    @Test func test_directoryThatCannotBeCreated_isAnError() {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = FileManager.default.createFile(atPath: dir + "/file", contents: Data())
        #expect(throws: RuntimeError.self) { try DataDirectoryLock.acquire(directory: dir + "/file/sub", nodeID: "n1") }
    }
}
