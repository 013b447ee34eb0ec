// Tests of the node's log handler: JSON and text lines, escaping, metadata, shared level control.

import Foundation
import Logging
import Synchronization
import Testing
@testable import Runtime

@Suite struct LogHandlerTests {
    /// 2026-11-21T10:00:00.123Z
    static let fixedTime = LogTimestamp(millisecondsSinceEpoch: 1_795_255_200_123)

    static func logger(
        label: String = "supervisor", format: LogFormat = .json, control: LogLevelControl = LogLevelControl(),
        sink: MemoryLogSink
    ) -> Logger {
        Logger(label: label) { label in
            JSONLogHandler(label: label, nodeID: "n1", format: format, control: control, sink: sink,
                           clock: { LogHandlerTests.fixedTime })
        }
    }

    static func object(_ line: String) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(parsed as? [String: Any])
    }

    @Test func test_jsonLine_shouldParseAndCarryFieldsInDesignOrder() throws {
        let sink = MemoryLogSink()
        var logger = Self.logger(sink: sink)
        logger[metadataKey: "supervisor"] = "store.regions.region-7"
        logger.warning("child restarted", metadata: ["child": "raft", "restarts": .stringConvertible(2)])

        let line = try #require(sink.lines.first)
        #expect(sink.lines.count == 1)
        let object = try Self.object(line)
        #expect(object["ts"] as? String == "2026-11-21T10:00:00.123Z")
        #expect(object["level"] as? String == "warning")
        #expect(object["node"] as? String == "n1")
        #expect(object["component"] as? String == "supervisor")
        #expect(object["msg"] as? String == "child restarted")
        #expect(object["child"] as? String == "raft")
        #expect(object["restarts"] as? Int == 2)
        #expect(object["supervisor"] as? String == "store.regions.region-7")
        #expect(line.hasPrefix(#"{"ts":"2026-11-21T10:00:00.123Z","level":"warning","node":"n1","component":"supervisor","msg":"child restarted","#))
        // Metadata follows in key order.
        #expect(line.hasSuffix(#""child":"raft","restarts":2,"supervisor":"store.regions.region-7"}"#))
    }

    @Test func test_everyLevel_shouldUseSwiftLogsName() throws {
        let sink = MemoryLogSink()
        let logger = Self.logger(control: LogLevelControl(level: .trace), sink: sink)
        for level in Logger.Level.allCases {
            logger.log(level: level, "x")
        }
        let levels = try sink.lines.map { try Self.object($0)["level"] as? String }
        #expect(levels == ["trace", "debug", "info", "notice", "warning", "error", "critical"])
    }

    @Test func test_perCallMetadata_shouldWinOverHandlerMetadata() throws {
        let sink = MemoryLogSink()
        var logger = Self.logger(sink: sink)
        logger[metadataKey: "region.id"] = "3"
        logger[metadataKey: "kept"] = "yes"
        logger.info("m", metadata: ["region.id": "4"])
        let object = try Self.object(try #require(sink.lines.first))
        #expect(object["region.id"] as? String == "4")
        #expect(object["kept"] as? String == "yes")
    }

    @Test func test_metadataProvider_shouldSitBetweenHandlerAndCallMetadata() throws {
        let sink = MemoryLogSink()
        let provider = Logger.MetadataProvider { ["trace.id": "abc", "shared": "provider"] }
        var handler = JSONLogHandler(label: "c", nodeID: "n1", control: LogLevelControl(), sink: sink,
                                     metadataProvider: provider, clock: { LogHandlerTests.fixedTime })
        handler.metadata = ["shared": "handler", "own": "handler"]
        let logger = Logger(label: "c") { _ in handler }
        logger.info("m", metadata: ["own": "call"])
        let object = try Self.object(try #require(sink.lines.first))
        #expect(object["trace.id"] as? String == "abc")
        #expect(object["shared"] as? String == "provider")
        #expect(object["own"] as? String == "call")
    }

    @Test func test_nestedDictionaries_shouldFlattenToDottedKeys() throws {
        let sink = MemoryLogSink()
        let logger = Self.logger(sink: sink)
        logger.info("m", metadata: [
            "raft": ["term": .stringConvertible(7), "leader": ["id": "n2"]],
            "region": ["id": "3"],
        ])
        let object = try Self.object(try #require(sink.lines.first))
        #expect(object["raft.term"] as? Int == 7)
        #expect(object["raft.leader.id"] as? String == "n2")
        #expect(object["region.id"] as? String == "3")
        #expect(object["raft"] == nil)
    }

    @Test func test_numbersAndBooleans_shouldBeJSONNumbersAndBooleans() throws {
        let sink = MemoryLogSink()
        let logger = Self.logger(sink: sink)
        logger.info("m", metadata: [
            "int": .stringConvertible(-42), "uint64": .stringConvertible(UInt64.max), "double": .stringConvertible(2.5),
            "bool": .stringConvertible(true), "nan": .stringConvertible(Double.nan), "text": "5",
            "other": .stringConvertible(Duration.seconds(1)),
        ])
        let line = try #require(sink.lines.first)
        let object = try Self.object(line)
        #expect(object["int"] as? Int == -42)
        #expect(object["double"] as? Double == 2.5)
        #expect(object["bool"] as? Bool == true)
        #expect(object["nan"] as? String == "nan")
        #expect(object["text"] as? String == "5")
        #expect(object["other"] as? String == "1.0 seconds")
        #expect(line.contains(#""uint64":18446744073709551615"#))
        #expect(line.contains(#""bool":true"#))
    }

    @Test func test_arrays_shouldBeJSONArrays() throws {
        let sink = MemoryLogSink()
        let logger = Self.logger(sink: sink)
        logger.info("m", metadata: ["peers": ["n1", .stringConvertible(2), ["id": "n3"]]])
        let object = try Self.object(try #require(sink.lines.first))
        let peers = try #require(object["peers"] as? [Any])
        #expect(peers.count == 3)
        #expect(peers[0] as? String == "n1")
        #expect(peers[1] as? Int == 2)
        #expect((peers[2] as? [String: Any])?["id"] as? String == "n3")
    }

    @Test func test_hostileStrings_shouldSurviveJSONRoundTripOnOneLine() throws {
        let hostile = "quote\" backslash\\ newline\n return\r tab\t nul\u{0} bell\u{7} esc\u{1B} del\u{7F} "
            + "ls\u{2028} ps\u{2029} emoji🪨 accent é }{,:[] \\u0041 </script>"
        let sink = MemoryLogSink()
        var logger = Self.logger(label: "comp\"onent\n", sink: sink)
        logger[metadataKey: "key\"\n\\"] = .string(hostile)
        logger.error("\(hostile)", metadata: ["array": [.string(hostile)]])

        #expect(sink.lines.count == 1)
        let line = try #require(sink.lines.first)
        #expect(!line.contains("\n") && !line.contains("\r") && !line.contains("\u{0}"))
        #expect(!line.contains("\u{2028}") && !line.contains("\u{7F}"))
        #expect(line.contains(#"nul\u0000 bell\u0007 esc\u001b del\u007f"#))
        let object = try Self.object(line)
        #expect(object["msg"] as? String == hostile)
        #expect(object["component"] as? String == "comp\"onent\n")
        #expect(object["key\"\n\\"] as? String == hostile)
        #expect((object["array"] as? [Any])?.first as? String == hostile)
    }

    @Test func test_metadataNamedLikeAFixedField_shouldNotDuplicateIt() throws {
        let sink = MemoryLogSink()
        let logger = Self.logger(sink: sink)
        logger.info("real", metadata: ["msg": "fake", "level": "fake"])
        let line = try #require(sink.lines.first)
        let object = try Self.object(line)
        #expect(object["msg"] as? String == "real")
        #expect(object["metadata.msg"] as? String == "fake")
        #expect(line.components(separatedBy: #""msg":"#).count == 2)
    }

    @Test func test_textFormat_shouldGiveOneHumanLine() throws {
        let sink = MemoryLogSink()
        let logger = Self.logger(format: .text, sink: sink)
        logger.warning("child restarted", metadata: ["child": "raft", "reason": "disk full", "restarts": .stringConvertible(2)])
        logger.info("two\nlines", metadata: ["empty": ""])
        #expect(sink.lines == [
            #"2026-11-21T10:00:00.123Z WARN  [supervisor] child restarted child=raft reason="disk full" restarts=2"#,
            #"2026-11-21T10:00:00.123Z INFO  [supervisor] two\nlines empty="""#,
        ])
    }

    @Test func test_levelChangedOnTheControl_shouldTakeEffectForEveryLogger() {
        let control = LogLevelControl(level: .info)
        let sink = MemoryLogSink()
        let store = Self.logger(label: "store", control: control, sink: sink)
        let raft = Self.logger(label: "raft", control: control, sink: sink)
        store.debug("hidden")
        raft.debug("hidden")
        #expect(sink.lines.isEmpty)

        control.level = .debug
        store.debug("shown")
        raft.debug("shown")
        #expect(sink.lines.count == 2)

        control.level = .error
        store.warning("hidden")
        #expect(sink.lines.count == 2)
    }

    @Test func test_settingLogLevelOnOneLogger_shouldChangeTheSharedControl() {
        let control = LogLevelControl(level: .info)
        let sink = MemoryLogSink()
        var store = Self.logger(label: "store", control: control, sink: sink)
        let raft = Self.logger(label: "raft", control: control, sink: sink)
        store.logLevel = .trace
        #expect(control.level == .trace)
        #expect(raft.logLevel == .trace)
        raft.trace("shown")
        #expect(sink.lines.count == 1)
    }

    @Test func test_errorOnTheEvent_shouldBeLoggedUnderError() throws {
        struct DiskFull: Error, CustomStringConvertible { var description: String { "disk full" } }
        let sink = MemoryLogSink()
        let handler = JSONLogHandler(label: "engine", nodeID: "n1", control: LogLevelControl(), sink: sink,
                                     clock: { LogHandlerTests.fixedTime })
        handler.log(event: LogEvent(level: .error, message: "flush failed", error: DiskFull(), metadata: nil,
                                    source: nil, file: #file, function: #function, line: #line))
        let object = try Self.object(try #require(sink.lines.first))
        #expect(object["error"] as? String == "disk full")
    }

    static let timestamps: [(Int64, String)] = [
        (1_795_255_200_123, "2026-11-21T10:00:00.123Z"), (0, "1970-01-01T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.999Z"), (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
    ]

    @Test(arguments: timestamps)
    func test_timestamp_shouldBeRFC3339UTCWithMilliseconds(milliseconds: Int64, text: String) {
        #expect(LogTimestamp(millisecondsSinceEpoch: milliseconds).rfc3339 == text)
    }

    @Test func test_clockNow_shouldBeCloseToFoundationsClock() {
        let ours = LogTimestamp.now().millisecondsSinceEpoch
        let foundation = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(abs(ours - foundation) < 5_000)
    }

    @Test func test_concurrentLoggers_shouldEachWriteWholeLines() async throws {
        let sink = MemoryLogSink()
        let control = LogLevelControl()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    let logger = Self.logger(label: "task-\(task)", control: control, sink: sink)
                    for index in 0..<100 {
                        logger.info("line", metadata: ["index": .stringConvertible(index)])
                    }
                }
            }
        }
        #expect(sink.lines.count == 800)
        for line in sink.lines {
            _ = try Self.object(line)
        }
    }

    @Test func test_standardErrorSink_shouldWriteEachLineWholeFromManyThreads() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]) }
        let sink = StandardErrorLogSink(fileDescriptor: descriptors[1])
        // 4 × 100 lines of ~100 bytes stays under the pipe's 64 KiB buffer, so no reader is
        // needed while the writers run.
        let threads = 4
        let linesPerThread = 100
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<linesPerThread {
                let payload = String(repeating: Character(String(thread)), count: 80)
                sink.write(line: "\(thread) \(index) \(payload)\n")
            }
        }
        close(descriptors[1])
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptors[0], $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == threads * linesPerThread)
        for line in lines {
            let parts = line.split(separator: " ")
            #expect(parts.count == 3)
            if parts.count == 3 {
                #expect(parts[2] == String(repeating: Character(String(parts[0])), count: 80))
            }
        }
    }
}
