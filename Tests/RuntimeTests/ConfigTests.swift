// Tests of loading the node configuration: defaults, shipped files, layering and printing.

import Foundation
import Logging
import Testing
@testable import Runtime

@Suite struct ConfigTests {
    @Test func test_noFileNoEnvironmentNoOverrides_shouldGiveDesignDefaults() async throws {
        let config = try await ConfigTestSupport.load()
        #expect(config == NodeConfig())
        #expect(config.node.id == "n1")
        #expect(config.node.dataDir == "./data/n1")
        #expect(config.runtime.loops == 0)
        #expect(config.resp.listen == ListenAddress(host: "127.0.0.1", port: 6379))
        #expect(config.resp.requirepass == "")
        #expect(config.resp.maxClients == 10_000)
        #expect(config.resp.timeout == .zero)
        #expect(config.resp.protoMaxBulkLen.bytes == 512 << 20)
        #expect(config.resp.maxQueryBufferTotal.bytes == 1 << 30)
        #expect(config.metrics.listen.description == "127.0.0.1:9380")
        #expect(config.admin.socket == "")
        #expect(config.admin.faultInjection == false)
        #expect(config.peer.listen.description == "127.0.0.1:7101")
        #expect(config.pd.members.map(\.description) == ["n1@127.0.0.1:7101"])
        #expect(config.pd.maxStoreDownTime == .seconds(30))
        #expect(config.store.initialRegions == 16)
        #expect(config.store.replication == 1)
        #expect(config.store.regionSplitSize.bytes == 96 << 20)
        #expect(config.store.regionSplitKeys == 960_000)
        #expect(config.storage.sync == .always)
        #expect(config.storage.blockCache.bytes == 256 << 20)
        #expect(config.storage.writeBuffer.bytes == 64 << 20)
        #expect(config.storage.compression == .lz4)
        #expect(config.raft.tick == .milliseconds(100))
        #expect(config.raft.electionTicks == 10)
        #expect(config.raft.heartbeatTicks == 2)
        #expect(config.membership.seeds.isEmpty)
        #expect(config.membership.probeInterval == .seconds(1))
        #expect(config.membership.probeTimeout == .milliseconds(500))
        #expect(config.membership.suspicionMult == 4)
        #expect(config.log.level == .info)
        #expect(config.log.format == .json)
    }

    @Test func test_knownKeys_shouldListEveryDesignKeyInOrder() {
        #expect(NodeConfig.knownKeys == [
            "node.id", "node.data-dir", "runtime.loops",
            "resp.listen", "resp.requirepass", "resp.max-clients", "resp.timeout",
            "resp.proto-max-bulk-len", "resp.max-query-buffer-total",
            "metrics.listen", "admin.socket", "admin.fault-injection", "peer.listen",
            "pd.members", "pd.max-store-down-time",
            "store.initial-regions", "store.replication", "store.region-split-size", "store.region-split-keys",
            "storage.sync", "storage.block-cache", "storage.write-buffer", "storage.compression",
            "raft.tick", "raft.election-ticks", "raft.heartbeat-ticks",
            "membership.seeds", "membership.probe-interval", "membership.probe-timeout", "membership.suspicion-mult",
            "log.level", "log.format",
        ])
    }

    @Test func test_shippedSingleYAML_shouldLoadToTheDefaults() async throws {
        let path = ConfigTestSupport.packageRoot.appendingPathComponent("config/single.yaml").path
        let config = try await ConfigLoader.load(file: path, environment: [:], overrides: [])
        #expect(config == NodeConfig())
    }

    @Test(arguments: [1, 2, 3])
    func test_shippedClusterYAML_shouldLoadWithDistinctPortsAndAllMembers(node: Int) async throws {
        let path = ConfigTestSupport.packageRoot.appendingPathComponent("config/cluster/n\(node).yaml").path
        let config = try await ConfigLoader.load(file: path, environment: [:], overrides: [])
        #expect(config.node.id == "n\(node)")
        #expect(config.node.dataDir == "./data/n\(node)")
        #expect(config.resp.listen == ListenAddress(host: "127.0.0.1", port: UInt16(6380 + node)))
        #expect(config.metrics.listen == ListenAddress(host: "127.0.0.1", port: UInt16(9380 + node)))
        #expect(config.peer.listen == ListenAddress(host: "127.0.0.1", port: UInt16(7100 + node)))
        #expect(config.pd.members.map(\.description) == ["n1@127.0.0.1:7101", "n2@127.0.0.1:7102", "n3@127.0.0.1:7103"])
        #expect(config.store.replication == 3)
        let otherPeers = [1, 2, 3].filter { $0 != node }.map { ListenAddress(host: "127.0.0.1", port: UInt16(7100 + $0)) }
        #expect(config.membership.seeds == otherPeers)
    }

    @Test func test_layers_shouldApplyOverridesOverEnvironmentOverFileOverDefaults() async throws {
        let yaml = """
            resp: { listen: 127.0.0.1:1111, max-clients: 10 }
            raft: { tick: 50ms }
            storage: { sync: none }
            """
        let environment = [
            "CAIRN_RESP_LISTEN": "127.0.0.1:2222",
            "CAIRN_RESP_MAX_CLIENTS": "20",
            "PATH": "/usr/bin",  // not CAIRN_: ignored
        ]
        let config = try await ConfigTestSupport.load(
            yaml: yaml, environment: environment, overrides: ["resp.listen=127.0.0.1:0"])
        #expect(config.resp.listen == ListenAddress(host: "127.0.0.1", port: 0))  // --set
        #expect(config.resp.maxClients == 20)                                        // environment
        #expect(config.raft.tick == .milliseconds(50))                               // file
        #expect(config.storage.sync == .never)                                       // file
        #expect(config.store.initialRegions == 16)                                   // default
    }

    @Test func test_everyKeyThroughItsEnvironmentVariable_shouldReachTheConfiguration() async throws {
        // The mapping CAIRN_<KEY> is computed by us for validation and by swift-configuration
        // for reading; this checks the two agree for every key.
        let values: [String: String] = [
            "node.id": "n9", "node.data-dir": "/var/lib/cairn", "runtime.loops": "3",
            "resp.listen": "[::1]:6400", "resp.requirepass": "s3cret", "resp.max-clients": "7",
            "resp.timeout": "5m", "resp.proto-max-bulk-len": "1MiB", "resp.max-query-buffer-total": "2GB",
            "metrics.listen": "localhost:0", "admin.socket": "/tmp/a.sock", "admin.fault-injection": "true",
            "peer.listen": "0.0.0.0:7200", "pd.members": "a@10.0.0.1:1, b@10.0.0.2:2",
            "pd.max-store-down-time": "1h", "store.initial-regions": "4", "store.replication": "3",
            "store.region-split-size": "1GB", "store.region-split-keys": "5", "storage.sync": "none",
            "storage.block-cache": "0", "storage.write-buffer": "1MB", "storage.compression": "zstd",
            "raft.tick": "10ms", "raft.election-ticks": "20", "raft.heartbeat-ticks": "3",
            "membership.seeds": "10.0.0.1:7101,10.0.0.2:7101", "membership.probe-interval": "2s",
            "membership.probe-timeout": "250ms", "membership.suspicion-mult": "6",
            "log.level": "debug", "log.format": "text",
        ]
        #expect(Set(values.keys) == Set(NodeConfig.knownKeys))
        var environment: [String: String] = [:]
        for (key, value) in values {
            environment["CAIRN_" + key.uppercased().replacingOccurrences(of: ".", with: "_")
                .replacingOccurrences(of: "-", with: "_")] = value
        }
        let config = try await ConfigTestSupport.load(environment: environment)
        let flattened = Dictionary(uniqueKeysWithValues: config.flattened(redactingSecrets: false).map { ($0.key, $0.value) })
        #expect(flattened["node.data-dir"] == "/var/lib/cairn")
        #expect(flattened["resp.listen"] == "[::1]:6400")
        #expect(flattened["resp.requirepass"] == "s3cret")
        #expect(flattened["resp.proto-max-bulk-len"] == "1MB")
        #expect(flattened["pd.members"] == "a@10.0.0.1:1,b@10.0.0.2:2")
        #expect(flattened["membership.seeds"] == "10.0.0.1:7101,10.0.0.2:7101")
        #expect(config.admin.faultInjection)
        #expect(config.storage.blockCache.bytes == 0)
        #expect(config.log.level == .debug)
        #expect(config.log.format == .text)
        // Every key moved off its default, so every variable was read.
        let defaults = Dictionary(uniqueKeysWithValues: NodeConfig().flattened(redactingSecrets: false).map { ($0.key, $0.value) })
        for key in NodeConfig.knownKeys {
            #expect(flattened[key] != defaults[key], "\(key) kept its default")
        }
    }

    @Test func test_listsFromSetAndEnvironment_shouldSplitOnCommasAndAcceptEmpty() async throws {
        let config = try await ConfigTestSupport.load(
            environment: ["CAIRN_MEMBERSHIP_SEEDS": ""],
            overrides: ["pd.members=n1@127.0.0.1:7101 , n2@127.0.0.1:7102"])
        #expect(config.membership.seeds.isEmpty)
        #expect(config.pd.members.map(\.id) == ["n1", "n2"])
        let fromSet = try await ConfigTestSupport.load(overrides: ["membership.seeds=127.0.0.1:7102,[::1]:7103"])
        #expect(fromSet.membership.seeds == [ListenAddress(host: "127.0.0.1", port: 7102), ListenAddress(host: "::1", port: 7103)])
    }

    @Test func test_laterSetOfSameKey_shouldWin() async throws {
        let config = try await ConfigTestSupport.load(overrides: ["runtime.loops=1", "runtime.loops=2"])
        #expect(config.runtime.loops == 2)
    }

    @Test func test_yamlValuesThatYAMLWouldRetype_shouldBeReadAsWritten() async throws {
        // `0s` and `512MB` are strings to YAML, `10` is an int, `false` a bool, a quoted "5" a
        // string: each must reach our parsers as its text.
        let config = try await ConfigTestSupport.load(yaml: """
            node:
              id: "007"
            resp:
              timeout: 0s
              max-clients: "5"
            admin:
              fault-injection: FALSE
            """)
        #expect(config.node.id == "007")
        #expect(config.resp.timeout == .zero)
        #expect(config.resp.maxClients == 5)
        #expect(config.admin.faultInjection == false)
    }

    @Test func test_emptyFileOrEmptySection_shouldKeepDefaults() async throws {
        #expect(try await ConfigTestSupport.load(yaml: "") == NodeConfig())
        #expect(try await ConfigTestSupport.load(yaml: "# only a comment\n") == NodeConfig())
        #expect(try await ConfigTestSupport.load(yaml: "resp:\n") == NodeConfig())
    }

    @Test func test_emptyAdminSocket_shouldMeanAdminSockInDataDir() async throws {
        var config = NodeConfig()
        #expect(config.effectiveSocketPath == "./data/n1/admin.sock")
        config.node.dataDir = "/srv/cairn/"
        #expect(config.effectiveSocketPath == "/srv/cairn/admin.sock")
        config.admin.socket = "/run/cairn.sock"
        #expect(config.effectiveSocketPath == "/run/cairn.sock")
    }

    // MARK: Printing

    @Test func test_renderedYAMLAndFlattened_shouldNeverContainTheSecret() async throws {
        let secret = "hunter2-Very-Secret"
        let config = try await ConfigTestSupport.load(overrides: ["resp.requirepass=\(secret)"])
        #expect(config.resp.requirepass == secret)
        let yaml = config.renderedYAML()
        let flattened = config.flattened()
        #expect(!yaml.contains(secret))
        #expect(yaml.contains("requirepass: \"<redacted>\""))
        #expect(!flattened.contains { $0.value.contains(secret) })
        #expect(flattened.first { $0.key == "resp.requirepass" }?.value == "<redacted>")
    }

    @Test func test_emptySecret_shouldPrintAsEmptyNotRedacted() {
        let config = NodeConfig()
        #expect(config.renderedYAML().contains("  requirepass: \"\"\n"))
        #expect(config.flattened().first { $0.key == "resp.requirepass" }?.value == "")
    }

    @Test func test_flattened_shouldListEveryKeyInKnownKeysOrder() {
        let flattened = NodeConfig().flattened()
        #expect(flattened.map(\.key) == NodeConfig.knownKeys)
        let values = Dictionary(uniqueKeysWithValues: flattened.map { ($0.key, $0.value) })
        #expect(values["resp.proto-max-bulk-len"] == "512MB")
        #expect(values["resp.max-query-buffer-total"] == "1GB")
        #expect(values["raft.tick"] == "100ms")
        #expect(values["resp.timeout"] == "0s")
        #expect(values["storage.sync"] == "always")
        #expect(values["pd.members"] == "n1@127.0.0.1:7101")
        #expect(values["membership.seeds"] == "")
    }

    @Test func test_renderedYAML_shouldLoadBackToTheSameConfiguration() async throws {
        var config = NodeConfig()
        config.node.dataDir = "/tmp/dir with spaces: and # signs"
        config.resp.listen = ListenAddress(host: "::1", port: 6400)
        config.admin.socket = "true"
        config.membership.seeds = [ListenAddress(host: "10.0.0.2", port: 7101), ListenAddress(host: "::1", port: 7102)]
        config.storage.compression = .uncompressed
        config.log.level = .critical
        let yaml = config.renderedYAML()
        #expect(yaml.hasPrefix("node:\n  id: n1\n  data-dir: \"/tmp/dir with spaces: and # signs\"\n"))
        let reloaded = try await ConfigTestSupport.load(yaml: yaml)
        #expect(reloaded == config)
    }
}
