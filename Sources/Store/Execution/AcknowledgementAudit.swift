// The internal durability check of DESIGN §11: was every acknowledged write synced when acknowledged?
import Synchronization

/// SIGKILL cannot show a missing fsync (the page cache survives it), so the session reports
/// each batch of replies here as it leaves, with the highest sequence the batch depends on,
/// and this counts the ones that sync did not yet cover. With `storage.sync: always` the
/// count must stay 0; INFO shows it (`cairn_unsynced_acks`) for the durability test.
public final class AcknowledgementAudit: Sendable {
    private let audited = Atomic<UInt64>(0)
    private let unsynced = Atomic<UInt64>(0)

    public init() {}

    /// Reply batches that depended on a write, checked as they left.
    public var auditedCount: UInt64 { audited.load(ordering: .relaxed) }
    /// Of those, the ones whose write was not yet covered by a WAL sync.
    public var unsyncedCount: UInt64 { unsynced.load(ordering: .relaxed) }

    func record(sequence: UInt64, syncedSequence: UInt64) {
        audited.add(1, ordering: .relaxed)
        if sequence > syncedSequence { unsynced.add(1, ordering: .relaxed) }
    }
}
