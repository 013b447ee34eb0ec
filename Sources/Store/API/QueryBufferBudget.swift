// The sum of every client's unparsed input, capped by `resp.max-query-buffer-total`.
import Synchronization

public final class QueryBufferBudget: Sendable {
    private let used = Atomic<Int>(0)

    public init() {}

    public var bytesInUse: Int { used.load(ordering: .relaxed) }

    /// A client holding at most this much is never refused, so an ordinary request is not
    /// punished for the memory of one greedy client (Redis's own query buffers start at 16 KiB).
    static let exemptShare = 64 << 10

    /// Moves one client's share from `old` to `new` bytes; false when the new total passes `limit`
    /// and the client's own share is above the exemption (the share is still recorded: the
    /// caller releases it when it drops the client).
    func adjust(from old: Int, to new: Int, limit: Int) -> Bool {
        let total = used.wrappingAdd(new &- old, ordering: .relaxed).newValue
        return new <= old || new <= Self.exemptShare || total <= limit
    }
}
