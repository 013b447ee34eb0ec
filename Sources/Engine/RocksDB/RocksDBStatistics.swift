// What RocksDB reports about itself, for the node's metrics (issue 5: stalls, pending compaction,
// memtable and block-cache usage, WAL syncs, free disk space).
import CRocksDB
import Glibc

/// One sample; sizes in bytes. Memtable and pending-compaction figures are summed over every
/// column family (RocksDB keeps them per family).
public struct RocksDBStatistics: Sendable, Equatable {
    public var memtableBytes: UInt64 = 0
    public var blockCacheBytes: UInt64 = 0
    public var pendingCompactionBytes: UInt64 = 0
    /// RocksDB has stopped writes (a write stall); `noSlowdown` writes fail meanwhile.
    public var writesStopped = false
    /// Bytes per second RocksDB lets writes through while slowing them down; 0 when not.
    public var delayedWriteRate: UInt64 = 0
    /// WAL syncs this engine has performed since it opened.
    public var walSyncs: UInt64 = 0
    /// `noSlowdown` writes refused during a write stall since open (each then goes to the
    /// commit thread): how often stalls met the write path.
    public var stalledWrites: UInt64 = 0
    /// A write or WAL sync failed (e.g. a full disk): the engine refuses writes until reopened.
    public var writesFailed = false
    /// Space left for an unprivileged user on the database's file system; nil if unknown.
    public var freeDiskBytes: UInt64?

    public init() {}
}

extension RocksDBEngine {
    /// A fresh sample; cheap (property reads and one statvfs), so it may run on any thread.
    public func statistics() throws -> RocksDBStatistics {
        try withOpenHandles { open in
            var sample = RocksDBStatistics()
            for family in open.families + [open.defaultFamily] {
                sample.memtableBytes &+= Self.property("rocksdb.cur-size-all-mem-tables", of: family, in: open.db)
                sample.pendingCompactionBytes &+= Self.property("rocksdb.estimate-pending-compaction-bytes", of: family, in: open.db)
            }
            sample.blockCacheBytes = UInt64(rocksdb_cache_get_usage(open.blockCache))
            sample.writesStopped = Self.property("rocksdb.is-write-stopped", of: open.defaultFamily, in: open.db) != 0
            sample.delayedWriteRate = Self.property("rocksdb.actual-delayed-write-rate", of: open.defaultFamily, in: open.db)
            sample.walSyncs = walSyncCount
            sample.stalledWrites = stalledWriteCount
            sample.writesFailed = hasFailedWrites
            sample.freeDiskBytes = Self.freeBytes(at: path)
            return sample
        }
    }

    /// An integer property, 0 when RocksDB does not report it.
    private static func property(_ name: String, of family: OpaquePointer, in db: OpaquePointer) -> UInt64 {
        var value: UInt64 = 0
        return rocksdb_property_int_cf(db, family, name, &value) == 0 ? value : 0
    }

    private static func freeBytes(at path: String) -> UInt64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        let (bytes, overflow) = UInt64(info.f_bavail).multipliedReportingOverflow(by: UInt64(info.f_frsize))
        return overflow ? .max : bytes
    }
}
