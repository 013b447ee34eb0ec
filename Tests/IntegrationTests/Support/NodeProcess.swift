// Starts the real `cairn` binary for integration tests, collects its output, and always stops it.
import Foundation
import Synchronization

/// The `cairn` executable built next to this test bundle.
func cairnExecutable() -> URL {
    let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("cairn")
}

func packageRoot() -> URL {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

func scratchDirectory(_ name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }.prefix(40)
    let path = NSTemporaryDirectory() + "cairn-it-\(safe)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Collects a pipe's bytes as they arrive.
final class OutputCollector: Sendable {
    private let buffer = Mutex<[UInt8]>([])

    func attach(to pipe: Pipe) {
        pipe.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
            } else {
                buffer.withLock { $0.append(contentsOf: data) }
            }
        }
    }

    var text: String { buffer.withLock { String(decoding: $0, as: UTF8.self) } }
    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
}

/// A `cairn` process. `stop()` (or deinit) makes sure it does not outlive the test.
final class NodeProcess: @unchecked Sendable {
    let process = Process()
    let stdout = OutputCollector()
    let stderr = OutputCollector()

    init(arguments: [String], environment: [String: String] = [:], workingDirectory: String? = nil) throws {
        // Through env(1) with SIGPIPE back to its default: the test runner ignores SIGPIPE and a
        // child would inherit that, hiding a node that forgot to ignore it itself.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--default-signal=PIPE", cairnExecutable().path] + arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CAIRN_") }
        env["SWIFT_BACKTRACE"] = "enable=no"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        stdout.attach(to: out)
        stderr.attach(to: err)
        try process.run()
    }

    deinit {
        // SIGKILL: a child spawned from a Dispatch worker may have SIGTERM blocked.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Runs to completion (with a generous deadline) and returns the exit status.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60)) async throws -> (status: Int32, stdout: String, stderr: String) {
        let node = try NodeProcess(arguments: arguments, environment: environment)
        let status = await node.waitForExit(timeout: timeout)
        // Let the readability handlers drain what was written just before exit.
        try await Task.sleep(for: .milliseconds(50))
        return (status ?? -1, node.stdout.text, node.stderr.text)
    }

    /// The first stderr JSON line whose `msg` is `message`, waiting up to `timeout`.
    func waitForLogLine(msg message: String, timeout: Duration = .seconds(30)) async -> [String: Any]? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if let line = jsonLines().first(where: { $0["msg"] as? String == message }) { return line }
            if !process.isRunning {
                try? await Task.sleep(for: .milliseconds(50))
                return jsonLines().first(where: { $0["msg"] as? String == message })
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func jsonLines() -> [[String: Any]] {
        stderr.lines.compactMap { line in
            guard let data = line.data(using: .utf8) else { return nil }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        }
    }

    /// Waits for the process to end; nil if it is still running at the deadline.
    func waitForExit(timeout: Duration = .seconds(30)) async -> Int32? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    func signal(_ number: Int32) {
        if process.isRunning { kill(process.processIdentifier, number) }
    }

    /// SIGTERM, then SIGKILL if it has not ended within the deadline. Returns the exit status.
    @discardableResult
    func stop(timeout: Duration = .seconds(30)) async -> Int32? {
        signal(SIGTERM)
        if let status = await waitForExit(timeout: timeout) { return status }
        signal(SIGKILL)
        return await waitForExit(timeout: .seconds(10))
    }
}

extension NodeProcess {
    /// A node from config/single.yaml with RESP and metrics on port 0, its data in a scratch
    /// directory named after the test, `settings` given as `--set`s; returned once it logged
    /// `node started`, with the RESP port read from that line.
    static func startSingle(_ settings: [String] = [], name: String = #function) async throws -> (node: NodeProcess, respPort: Int) {
        try await start(dataDir: "\(scratchDirectory(name))/n1", settings)
    }
}

struct NodeStartFailure: Error, CustomStringConvertible {
    let stderr: String
    var description: String { "the node logged no `node started` line; stderr:\n\(stderr)" }
}
