// The RocksDB options a node chooses, from `storage.*` (DESIGN §10).
public import Runtime

/// Options shared by every column family. Plain values, so tests can open small databases
/// and the engine is the only place that turns them into RocksDB option objects.
public struct RocksDBSettings: Sendable, Equatable {
    /// Capacity of the LRU block cache shared by all column families.
    public var blockCacheBytes: Int
    /// Memtable size per column family before it is flushed.
    public var writeBufferBytes: Int
    /// Block compression; the engine falls back to none when the library lacks it.
    public var compression: StorageCompression
    /// Flush and compaction threads (DESIGN: two cores, so two jobs).
    public var maxBackgroundJobs: Int32 = 2
    /// Bloom filter bits per key: about 1 % false positives on point gets.
    public var bloomBitsPerKey: Double = 10
    /// Tests only (a node never sets them): stop writes once this many L0 files exist, and
    /// never compact on its own, so a test can hold a write stall as long as it needs.
    var level0StopWritesTrigger: Int32?
    var disableAutoCompactions = false

    public init(blockCacheBytes: Int, writeBufferBytes: Int, compression: StorageCompression) {
        self.blockCacheBytes = blockCacheBytes
        self.writeBufferBytes = writeBufferBytes
        self.compression = compression
    }

    /// The node's settings. Sizes past `Int.max` cannot occur on 64-bit targets.
    public init(storage: NodeConfig.StorageSection) {
        self.init(blockCacheBytes: Int(clamping: storage.blockCache.bytes),
                  writeBufferBytes: Int(clamping: storage.writeBuffer.bytes),
                  compression: storage.compression)
    }

    /// Small buffers for tests: many small databases at once stay cheap.
    public static let forTests = RocksDBSettings(blockCacheBytes: 8 << 20, writeBufferBytes: 4 << 20,
                                                 compression: .lz4)
}
