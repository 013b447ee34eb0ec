// The RocksDB options a node chooses, from `storage.*` (DESIGN §10).
public import Runtime
import Glibc
import Synchronization

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
    /// Tests only (a node never sets them): compact from one L0 file and stop writes once
    /// this many exist, and hold every compaction at the gate until the test opens it, so a
    /// test can keep RocksDB in a write stall as long as it needs.
    var level0StopWritesTrigger: Int32?
    var compactionGate: CompactionGate?
    /// Where RocksDB writes its info LOG; nil: in the database directory. Tests that fill the
    /// database's disk keep the LOG elsewhere, because RocksDB 7.8 (Debian's build keeps its
    /// assertions) aborts the process when it logs again after a failed LOG append.
    var infoLogDirectory: String?
    /// RocksDB's `InfoLogLevel` for its LOG: 5 (`HEADER_LEVEL`) writes only the header at open.
    var infoLogLevel: Int32 = 5

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

/// Tests only: a compaction filter that holds each compaction at its first key until
/// `open()`. (RocksDB ignores L0 write-stall triggers when auto compactions are off, so
/// holding compactions is how a test keeps writes stopped.)
final class CompactionGate: Sendable, Equatable {
    private let opened = Atomic<Bool>(false)
    private let reached = Atomic<Bool>(false)

    /// Whether a compaction has reached the gate.
    var hasBeenReached: Bool { reached.load(ordering: .acquiring) }

    init() {}

    func open() {
        opened.store(true, ordering: .releasing)
    }

    /// Called on a compaction thread: waits (polling, it is a test) until opened.
    func pass() {
        reached.store(true, ordering: .releasing)
        while !opened.load(ordering: .acquiring) { usleep(1_000) }
    }

    static func == (lhs: CompactionGate, rhs: CompactionGate) -> Bool { lhs === rhs }
}
