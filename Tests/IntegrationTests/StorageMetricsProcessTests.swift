// The RocksDB figures a node exports on /metrics.
import Foundation
import TestSupport
import Testing

@Suite struct StorageMetricsProcessTests {
    @Test func test_metrics_includeRocksDBFiguresAndWALSyncs() async throws {
        let node = try await RunningNode.start()
        defer { Task { await node.stop() } }
        let written = await BlockingTask { () -> Bool in
            guard let client = RESPTestClient(port: node.resp) else { return false }
            return (0..<50).allSatisfy { client.command(["SET", "k\($0)", "v"]) == Array("+OK\r\n".utf8) }
        }.value
        #expect(written)
        // Sampled every second; 50 acknowledged SETs, each after a WAL sync, mean syncs beyond
        // the one at open.
        var metrics = ""
        let sampled = await eventually(timeout: .seconds(10)) {
            metrics = await node.get("/metrics")
            return (Self.value("cairn_rocksdb_wal_syncs_total", in: metrics) ?? 0) >= 2
        }
        #expect(sampled, "\(metrics)")
        #expect((Self.value("cairn_rocksdb_memtable_bytes", in: metrics) ?? 0) > 0)
        #expect(Self.value("cairn_rocksdb_block_cache_usage_bytes", in: metrics) != nil)
        #expect(Self.value("cairn_rocksdb_pending_compaction_bytes", in: metrics) != nil)
        #expect(Self.value("cairn_rocksdb_write_stopped", in: metrics) == 0)
        #expect(Self.value("cairn_rocksdb_delayed_write_rate_bytes_per_second", in: metrics) == 0)
        #expect(Self.value("cairn_rocksdb_stalled_writes_total", in: metrics) == 0)
        #expect(Self.value("cairn_rocksdb_writes_failed", in: metrics) == 0)
        #expect((Self.value("cairn_data_dir_free_bytes", in: metrics) ?? 0) > 0)
    }

    /// The value of an unlabelled sample line `name value`.
    private static func value(_ name: String, in exposition: String) -> Double? {
        exposition.split(separator: "\n").first { $0.hasPrefix(name + " ") }
            .flatMap { Double($0.dropFirst(name.count + 1)) }
    }
}
