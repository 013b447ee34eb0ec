// Tests that every kind of bad configuration is refused with one line naming the key and source.

import Testing
@testable import Runtime

extension ConfigTests {
    /// Nested in `ConfigTests` so that `--filter ConfigTests` runs these too.
    @Suite struct ErrorMessages {
        @Test func test_refusal_shouldReadExactlyKeyExpectationValueAndSource() async throws {
            let path = try ConfigTestSupport.temporaryFile("resp:\n  max-clients: -5\n", name: "single.yaml")
            defer { ConfigTestSupport.remove(path) }
            let error = try await ConfigTestSupport.expectRefusal(file: path, naming: "resp.max-clients")
            #expect(error?.message == "config: resp.max-clients: expected an integer ≥ 1, got \"-5\" (from \(path):2)")
            #expect(error?.key == "resp.max-clients")
        }

        @Test func test_unknownKeyInYAML_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                yaml: "resp: { listen: 127.0.0.1:6379, max-client: 5 }", naming: "resp.max-client")
            #expect(error?.message.contains("unknown key") == true)
            #expect(error?.message.contains("max-clients") == true)  // the keys that do exist
        }

        @Test func test_unknownSectionInYAML_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                yaml: "node: { id: n1 }\nrepl: { listen: 127.0.0.1:6379 }", naming: "repl")
            #expect(error?.message.contains("unknown section") == true)
            #expect(error?.message.contains(":2)") == true)
        }

        @Test func test_unknownCairnVariable_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                environment: ["CAIRN_RESP_MAXCLIENTS": "5", "HOME": "/root"], naming: "CAIRN_RESP_MAXCLIENTS")
            #expect(error?.message.contains("CAIRN_RESP_MAX_CLIENTS") == true)  // the right spelling
            #expect(error?.message.contains("\"5\"") == false)  // an unknown variable's value is not echoed
        }

        @Test func test_setWithoutEquals_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(overrides: ["resp.listen"], naming: "resp.listen")
            #expect(error?.message.contains("expected key=value") == true)
            #expect(error?.message.contains("--set") == true)
        }

        @Test func test_malformedSetOfSecret_shouldNotEchoTheSecret() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                overrides: ["resp.requirepass:hunter2"], naming: "resp.requirepass")
            #expect(error?.message.contains("hunter2") == false)
        }

        @Test func test_unknownSetKey_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(overrides: ["resp.port=6379"], naming: "resp.port")
            #expect(error?.message.contains("unknown key (from --set)") == true)
        }

        @Test func test_stringWhereIntegerExpected_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                yaml: "store: { initial-regions: many }", naming: "store.initial-regions")
            #expect(error?.message.contains("expected an integer 1…16384, got \"many\"") == true)
        }

        @Test func test_mappingWhereScalarExpected_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                yaml: "resp:\n  listen:\n    host: 127.0.0.1\n    port: 6379\n", naming: "resp.listen")
            #expect(error?.message.contains("expected a single value, got a mapping") == true)
        }

        @Test func test_scalarWhereListExpected_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                yaml: "membership: { seeds: 127.0.0.1:7102 }", naming: "membership.seeds")
            #expect(error?.message.contains("expected a list") == true)
        }

        @Test func test_sectionThatIsNotAMapping_shouldBeRefused() async throws {
            _ = try await ConfigTestSupport.expectRefusal(yaml: "resp: 6379", naming: "resp")
        }

        @Test func test_nullValue_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(yaml: "resp:\n  requirepass:\n", naming: "resp.requirepass")
            #expect(error?.message.contains("got nothing") == true)
        }

        @Test func test_outOfRangeFromEnvironment_shouldNameTheVariable() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                environment: ["CAIRN_STORE_REPLICATION": "8"], naming: "store.replication")
            #expect(error?.message == "config: store.replication: expected an integer 1…7, got \"8\" (from environment variable CAIRN_STORE_REPLICATION)")
        }

        @Test func test_badSize_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                yaml: "storage: { block-cache: 256 megs }", naming: "storage.block-cache")
            #expect(error?.message.contains("expected a size like 256MB") == true)
        }

        @Test func test_sizeOverflow_shouldBeRefusedNotTrapped() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                overrides: ["resp.proto-max-bulk-len=9999999999TB"], naming: "resp.proto-max-bulk-len")
            #expect(error?.message.contains("below 8EiB") == true)
            #expect(error?.message.contains("(from --set)") == true)
        }

        @Test func test_badDuration_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(yaml: "raft: { tick: 100 }", naming: "raft.tick")
            #expect(error?.message.contains("expected a duration like 100ms") == true)
            _ = try await ConfigTestSupport.expectRefusal(overrides: ["resp.timeout=-5s"], naming: "resp.timeout")
        }

        @Test func test_zeroDurationWherePositiveNeeded_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(overrides: ["raft.tick=0s"], naming: "raft.tick")
            #expect(error?.message.contains("above zero") == true)
        }

        @Test func test_badAddress_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                yaml: "metrics: { listen: \"localhost\" }", naming: "metrics.listen")
            #expect(error?.message.contains("expected an address host:port") == true)
            _ = try await ConfigTestSupport.expectRefusal(overrides: ["peer.listen=999.0.0.1:7101"], naming: "peer.listen")
        }

        @Test func test_badPort_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(overrides: ["resp.listen=127.0.0.1:70000"], naming: "resp.listen")
            #expect(error?.message.contains("port is an integer 0…65535") == true)
        }

        @Test func test_badItemInList_shouldNameTheItem() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                yaml: "pd: { members: [n1@127.0.0.1:7101, n2@127.0.0.1] }", naming: "pd.members")
            #expect(error?.message.contains("got \"n2@127.0.0.1\" in") == true)
        }

        @Test func test_duplicateMemberIDs_shouldBeRefused() async throws {
            _ = try await ConfigTestSupport.expectRefusal(
                overrides: ["pd.members=n1@127.0.0.1:7101,n1@127.0.0.1:7102"], naming: "pd.members")
        }

        @Test func test_badEnumValue_shouldListTheChoices() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                environment: ["CAIRN_STORAGE_SYNC": "sometimes"], naming: "storage.sync")
            #expect(error?.message.contains("expected one of always, none, got \"sometimes\"") == true)
        }

        @Test func test_yamlYesForBoolean_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                yaml: "admin: { fault-injection: yes }", naming: "admin.fault-injection")
            #expect(error?.message.contains("expected true or false, got \"yes\"") == true)
        }

        @Test func test_missingFile_shouldBeRefusedNamingTheFile() async throws {
            let path = "/nonexistent/cairn/missing.yaml"
            let error = try await ConfigTestSupport.expectRefusal(file: path, naming: path)
            #expect(error?.message.contains("No such file or directory") == true)
        }

        @Test func test_directoryAsFile_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(file: "/tmp", naming: "/tmp")
            #expect(error?.message.contains("cannot read config file") == true)
        }

        @Test func test_invalidYAML_shouldBeRefusedOnOneLineWithItsPosition() async throws {
            let path = try ConfigTestSupport.temporaryFile("resp:\n  listen: [127.0.0.1:6379\nraft: {\n")
            defer { ConfigTestSupport.remove(path) }
            let error = try await ConfigTestSupport.expectRefusal(file: path, naming: path)
            #expect(error?.message.contains("invalid YAML") == true)
            #expect(error?.message.contains("line") == true)
        }

        @Test func test_duplicateYAMLKey_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                yaml: "resp:\n  listen: 127.0.0.1:1\n  listen: 127.0.0.1:2\n", naming: "listen")
            #expect(error?.message.contains("duplicate key") == true)
        }

        @Test func test_topLevelList_shouldBeRefused() async throws {
            let path = try ConfigTestSupport.temporaryFile("- resp\n- raft\n")
            defer { ConfigTestSupport.remove(path) }
            let error = try await ConfigTestSupport.expectRefusal(file: path, naming: path)
            #expect(error?.message.contains("expected a mapping of sections") == true)
        }

        @Test func test_heartbeatNotBelowElection_shouldBeRefused() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                yaml: "raft: { election-ticks: 10, heartbeat-ticks: 10 }", naming: "raft.heartbeat-ticks")
            #expect(error?.message.contains("below raft.election-ticks") == true)
            let fromElection = try await ConfigTestSupport.expectRefusal(
                overrides: ["raft.election-ticks=2"], naming: "raft.election-ticks")
            #expect(fromElection?.message.contains("(from --set)") == true)
        }

        @Test func test_socketPathTooLongForUnixSockets_shouldBeRefused() async throws {
            let longDirectory = "/tmp/" + String(repeating: "d", count: 100)
            _ = try await ConfigTestSupport.expectRefusal(overrides: ["node.data-dir=\(longDirectory)"], naming: "node.data-dir")
        }

        @Test func test_hostileValue_shouldStayOnOneLineInTheMessage() async throws {
            let error = try await ConfigTestSupport.expectRefusal(
                environment: ["CAIRN_RESP_MAX_CLIENTS": "1\n2\r\u{2028}\"x\""], naming: "resp.max-clients")
            #expect(error?.message.contains(#"got "1\n2\r\u2028\"x\"""#) == true)
        }
    }
}
