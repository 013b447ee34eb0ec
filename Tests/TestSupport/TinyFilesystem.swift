// A small tmpfs mounted for one test, so a "disk full" is real without touching the machine's disks.
import Foundation

/// Needs the right to mount (root in this container). `canMount` finds out once by mounting
/// and unmounting a probe; tests that need one are disabled with that reason otherwise, so a
/// skip is reported, never a silent pass. Always `unmount()` in a `defer`.
public struct TinyFilesystem: Sendable {
    public let path: String

    /// Mounts a tmpfs of `megabytes` at `path` (created if missing).
    public init(at path: String, megabytes: Int) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", path])
        guard result.status == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "mount failed: \(result.output)"])
        }
        self.path = path
    }

    /// Grows (or shrinks) the file system in place, keeping its files.
    public func resize(megabytes: Int) -> Bool {
        Self.run("/bin/mount", ["-o", "remount,size=\(megabytes)m", path]).status == 0
    }

    public func unmount() {
        _ = Self.run("/bin/umount", [path])
    }

    /// Whether this process may mount a tmpfs, found by trying once.
    public static let canMount: Bool = {
        let probe = NSTemporaryDirectory() + "cairn-tmpfs-probe-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard let filesystem = try? TinyFilesystem(at: probe, megabytes: 1) else { return false }
        filesystem.unmount()
        return true
    }()

    private static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
