// The enumerated storage settings: when writes are synced, and how blocks are compressed.

/// `storage.sync` (DESIGN §6). The configuration word for "never" is `none`; the case is not
/// called `none` so that it cannot be confused with `Optional.none`.
public enum StorageSync: String, Sendable, Hashable, CaseIterable {
    /// No reply leaves before the write it depends on is fsynced.
    case always
    case never = "none"
}

/// `storage.compression`, RocksDB's block compression. `none` is `.uncompressed` for the same
/// reason as `StorageSync.never`.
public enum StorageCompression: String, Sendable, Hashable, CaseIterable {
    case uncompressed = "none"
    case snappy
    case lz4
    case zstd
}
