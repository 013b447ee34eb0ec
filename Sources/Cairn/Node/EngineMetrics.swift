// Exports RocksDB's own figures as Prometheus metrics, sampled by the `engine` child every second.
import Engine
import Prometheus
import Runtime
import Synchronization

final class EngineMetrics: Sendable {
    let registry: MetricsRegistry
    let engine: RocksDBEngine
    /// WAL syncs already added to the counter (Prometheus counters only go up by increments).
    private let exportedSyncs = Mutex<UInt64>(0)
    private let exportedStalls = Mutex<UInt64>(0)

    init(registry: MetricsRegistry, engine: RocksDBEngine) {
        self.registry = registry
        self.engine = engine
    }

    private static func gauge(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "cairn", subsystem: "rocksdb", metricName: name, unitName: unit, helpText: help)
    }

    /// Reads one sample and sets every gauge; a closed engine is skipped silently.
    func sample() {
        guard let sample = try? engine.statistics() else { return }
        let prometheus = registry.prometheus
        prometheus.makeGauge(descriptor: Self.gauge("memtable", "bytes", "Memtable bytes over all column families."))
            .set(Double(sample.memtableBytes))
        prometheus.makeGauge(descriptor: Self.gauge("block_cache_usage", "bytes", "Bytes held by the block cache."))
            .set(Double(sample.blockCacheBytes))
        prometheus.makeGauge(descriptor: Self.gauge("pending_compaction", "bytes",
                                                    "Estimated bytes compaction must rewrite to settle the LSM tree."))
            .set(Double(sample.pendingCompactionBytes))
        prometheus.makeGauge(descriptor: Self.gauge("write_stopped", "", "1 while RocksDB stops writes (a write stall)."))
            .set(sample.writesStopped ? 1.0 : 0.0)
        prometheus.makeGauge(descriptor: Self.gauge("delayed_write_rate", "bytes_per_second",
                                                    "Write rate RocksDB allows while slowing writes down; 0 when not."))
            .set(Double(sample.delayedWriteRate))
        if let free = sample.freeDiskBytes {
            prometheus.makeGauge(descriptor: MetricNameDescriptor(
                namespace: "cairn", subsystem: "data_dir", metricName: "free", unitName: "bytes",
                helpText: "Free space on the data directory's file system.")).set(Double(free))
        }
        let newSyncs = exportedSyncs.withLock { exported in
            defer { exported = max(exported, sample.walSyncs) }
            return sample.walSyncs > exported ? sample.walSyncs - exported : 0
        }
        prometheus.makeCounter(descriptor: Self.gauge("wal_syncs", "total", "WAL syncs (fdatasync of the log)."))
            .increment(by: Int64(clamping: newSyncs))
        let newStalls = exportedStalls.withLock { exported in
            defer { exported = max(exported, sample.stalledWrites) }
            return sample.stalledWrites > exported ? sample.stalledWrites - exported : 0
        }
        prometheus.makeCounter(descriptor: Self.gauge("stalled_writes", "total",
                                                      "Writes RocksDB refused during a write stall (then written off the loop)."))
            .increment(by: Int64(clamping: newStalls))
        prometheus.makeGauge(descriptor: Self.gauge("writes_failed", "",
                                                    "1 once a write or WAL sync failed (e.g. disk full): writes refused until restart."))
            .set(sample.writesFailed ? 1.0 : 0.0)
    }
}
