// DESIGN §2's tidy check for RESP: a pure target imports nothing but the standard library.

import Foundation
import Testing

@Suite struct PureTargetTests {
    /// Standard-library modules; Logging, which DESIGN also allows pure targets, is not needed
    /// by RESP, so the check is the stricter one.
    static let allowedModules: Set<String> = ["Swift", "_Concurrency", "_StringProcessing", "Synchronization"]

    static var sourceDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/RESP")
    }

    @Test func test_RESPSources_importOnlyTheStandardLibrary() throws {
        let files = try swiftFiles(in: Self.sourceDirectory)
        #expect(files.count >= 5, "found \(files.map(\.lastPathComponent)) in \(Self.sourceDirectory.path)")
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for module in Self.importedModules(in: source) where !Self.allowedModules.contains(module) {
                Issue.record("\(file.lastPathComponent) imports \(module)")
            }
        }
    }

    @Test func test_RESPSources_openWithAOneLineComment() throws {
        for file in try swiftFiles(in: Self.sourceDirectory) {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first?.hasPrefix("// ") == true, "\(file.lastPathComponent) does not open with a comment")
            #expect(lines.dropFirst().first?.hasPrefix("//") == false, "\(file.lastPathComponent): the opening comment is one line")
        }
    }

    /// The negative control: the check finds every spelling of an import.
    @Test func test_importCheck_findsEverySpellingOfAnImport() {
        let source = """
            // A file.
            import Foundation
            public import Logging
            @preconcurrency internal import Dispatch
            @_exported import Glibc
            import struct NIOCore.ByteBuffer
              import Swift
            // import Commented
            let text = "import Quoted"
            """
        #expect(Self.importedModules(in: source) == ["Foundation", "Logging", "Dispatch", "Glibc", "NIOCore", "Swift"])
    }

    /// The module named by each import declaration: attributes and access levels before
    /// `import`, and a declaration kind after it, are skipped.
    static func importedModules(in source: String) -> [String] {
        let modifiers: Set<Substring> = ["public", "package", "internal", "fileprivate", "private"]
        let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let"]
        var modules: [String] = []
        for line in source.split(separator: "\n") {
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
            while let first = words.first, first.hasPrefix("@") || modifiers.contains(first) {
                words = words.dropFirst()
            }
            guard words.first == "import" else { continue }
            words = words.dropFirst()
            if let kind = words.first, kinds.contains(kind) { words = words.dropFirst() }
            if let path = words.first, let module = path.split(separator: ".").first {
                modules.append(String(module))
            }
        }
        return modules
    }

    private func swiftFiles(in directory: URL) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }
}
