// Real clients against a real node: a node with its RESP port, external tools (redis-cli,
// redis-benchmark, python) run to completion with a deadline, and a raw socket for bad bytes.
import Foundation
import Glibc
import TestSupport
import Testing

/// A node on port 0 for RESP and metrics; `stop()` ends it and removes its data directory.
struct ClientTestNode {
    let process: NodeProcess
    let port: Int
    let adminSocket: String
    let directory: String

    static func start(_ settings: [String] = [], _ name: String = #function) async throws -> ClientTestNode {
        let directory = scratchDirectory(name)
        let process = try NodeProcess(arguments: [
            "start", "--config", packageRoot().appendingPathComponent("config/single.yaml").path,
            "--set", "node.data-dir=\(directory)/n1", "--set", "resp.listen=127.0.0.1:0", "--set", "metrics.listen=127.0.0.1:0",
        ] + settings.flatMap { ["--set", $0] })
        let started = try #require(await process.waitForLogLine(msg: "node started"), "no `node started`: \(process.stderr.text)")
        let port = try #require((started["addresses.resp"] as? String)?.split(separator: ":").last.flatMap { Int($0) })
        let socket = try #require(started["addresses.admin"] as? String)
        return ClientTestNode(process: process, port: port, adminSocket: socket, directory: directory)
    }

    /// One command over a fresh connection, off the cooperative pool (the client blocks).
    func command(_ arguments: [String]) async -> String? {
        let port = self.port
        return await BlockingTask {
            RESPTestClient(port: port)?.command(arguments).map { String(decoding: $0, as: UTF8.self) }
        }.value
    }

    /// Stops the node (SIGTERM, SIGKILL past the deadline) and returns its exit status.
    @discardableResult
    func stop() async -> Int32? {
        let status = await process.stop()
        try? FileManager.default.removeItem(atPath: directory)
        return status
    }
}

struct ToolResult {
    let status: Int32
    let stdout: String
    let stderr: String
    let timedOut: Bool

    /// Both streams, for failure messages.
    var output: String { "status \(status)\(timedOut ? " (timed out)" : "")\nstdout:\n\(stdout.suffix(3000))\nstderr:\n\(stderr.suffix(3000))" }
}

/// Runs `arguments` through env(1) (so the tool is looked up on PATH) with stdin from a file,
/// output to files read after exit (so nothing written just before exit is lost), and a
/// deadline after which the tool is killed.
func runTool(_ arguments: [String], stdinFile: String? = nil, timeout: Duration = .seconds(180)) async throws -> ToolResult {
    let directory = scratchDirectory("tool")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let outPath = directory + "/stdout", errPath = directory + "/stderr"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardInput = try stdinFile.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) } ?? FileHandle.nullDevice
    try process.run()
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while process.isRunning, ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(20))
    }
    let timedOut = process.isRunning
    if timedOut {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
    let read = { (path: String) in (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? "" }
    return ToolResult(status: process.terminationStatus, stdout: read(outPath), stderr: read(errPath), timedOut: timedOut)
}

/// A raw TCP connection to the node for bytes no client library would send. Unchecked
/// Sendable: tests hand it from one task to the next, never use it from two at once.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32

    init?(port: Int, timeoutSeconds: Int = 20) {
        guard let fd = connectToLoopback(port: port, receiveTimeoutSeconds: timeoutSeconds) else { return nil }
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }

    /// Sends what the peer takes; a peer that closed early (after its error) ends the send quietly.
    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Everything the node sends until it closes the connection, and whether it did close
    /// (false: the read timed out or the connection was reset).
    func readUntilClosed() -> (bytes: [UInt8], closed: Bool) {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return (received, true) }
            if count < 0 { return (received, false) }
            received += chunk[..<count]
        }
    }

    /// Reads exactly `count` bytes (or fewer if the connection ends first).
    func read(count: Int) -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while received.count < count {
            let got = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, min($0.count, count - received.count), 0) }
            if got <= 0 { break }
            received += chunk[..<got]
        }
        return received
    }
}

/// A memory figure of process `pid` in bytes from /proc/PID/status: `VmRSS` (resident) or
/// `VmSize` (mapped, which also shows memory reserved but never touched).
func memoryBytes(of pid: Int32, _ field: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
          let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    else { return nil }
    return kilobytes * 1024
}

/// Blocking clients (not Sendable) handed from the task that opened them to a later one; the
/// test uses them from one task at a time.
struct HandedOver<Value>: @unchecked Sendable {
    let value: Value
}
