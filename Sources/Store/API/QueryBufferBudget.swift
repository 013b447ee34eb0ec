// The sum of every client's unparsed input, capped by `resp.max-query-buffer-total`.
import Synchronization

public final class QueryBufferBudget: Sendable {
    private let used = Atomic<Int>(0)

    public init() {}

    public var bytesInUse: Int { used.load(ordering: .relaxed) }

    /// Moves one client's share from `old` to `new` bytes; false when the new total passes `limit`
    /// (the share is still recorded, so the caller releases it when it drops the client).
    func adjust(from old: Int, to new: Int, limit: Int) -> Bool {
        let total = used.wrappingAdd(new &- old, ordering: .relaxed).newValue
        return new <= old || total <= limit
    }
}
