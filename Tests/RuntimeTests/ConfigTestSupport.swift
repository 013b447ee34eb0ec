// Helpers for configuration tests: temporary YAML files, the package root, error expectations.

import Foundation
import Testing
@testable import Runtime

enum ConfigTestSupport {
    /// The package root, found from this file's path so tests can load `config/*.yaml`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // RuntimeTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()

    /// Writes `yaml` to a fresh temporary file and returns its path.
    static func temporaryFile(_ yaml: String, name: String = "node.yaml") throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("cairn-config-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try Data(yaml.utf8).write(to: file)
        return file.path
    }

    /// Removes a file made by `temporaryFile` together with its directory.
    static func remove(_ path: String?) {
        guard let path else { return }
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    static func load(
        yaml: String? = nil, environment: [String: String] = [:], overrides: [String] = []
    ) async throws -> NodeConfig {
        let file = try yaml.map { try temporaryFile($0) }
        defer { remove(file) }
        return try await ConfigLoader.load(file: file, environment: environment, overrides: overrides)
    }

    /// Loads and expects a ConfigError whose message is one line, starts with `config: `
    /// and names `key`; returns the error for further checks.
    static func expectRefusal(
        yaml: String? = nil, file: String? = nil, environment: [String: String] = [:], overrides: [String] = [],
        naming key: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> ConfigError? {
        let madeFile = try yaml.map { try temporaryFile($0) }
        defer { remove(madeFile) }
        let path = file ?? madeFile
        do {
            let config = try await ConfigLoader.load(file: path, environment: environment, overrides: overrides)
            Issue.record("expected a ConfigError naming \(key), got a configuration: \(config)", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(!error.message.contains("\n") && !error.message.contains("\r"),
                    "message must be one line: \(error.message)", sourceLocation: sourceLocation)
            #expect(error.message.hasPrefix("config: "), "\(error.message)", sourceLocation: sourceLocation)
            #expect(error.message.contains(key), "message must name \(key): \(error.message)", sourceLocation: sourceLocation)
            return error
        }
    }
}
