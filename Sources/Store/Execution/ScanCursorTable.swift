// SCAN cursors (DESIGN §5): the high 14 bits are a slot, the rest an id for the last key returned.
import Synchronization

/// A bounded table: the oldest ids are forgotten first. A cursor whose id is unknown (never
/// issued, or forgotten) resumes its slot from the start, so a scan never skips a key that
/// exists throughout it — it may repeat some, as Redis allows.
final class ScanCursorTable: Sendable {
    static let idBits: UInt64 = 50
    static let idMask: UInt64 = (1 << idBits) - 1

    private struct State {
        var positions: [UInt64: [UInt8]] = [:]
        var order: [UInt64] = []
        var oldest = 0
        var nextID: UInt64 = 1
    }

    private let capacity: Int
    private let state = Mutex(State())

    static let defaultCapacity = 65536

    init(capacity: Int = defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// The cursor resuming in `slot` after `lastKey`.
    func cursor(slot: Int, after lastKey: [UInt8]) -> UInt64 {
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID = id >= Self.idMask ? 1 : id + 1
            if state.order.count < capacity {
                state.order.append(id)
            } else {
                state.positions[state.order[state.oldest]] = nil
                state.order[state.oldest] = id
                state.oldest = (state.oldest + 1) % capacity
            }
            state.positions[id] = lastKey
            return id
        }
        return UInt64(slot) << Self.idBits | id
    }

    /// The cursor starting `slot` from its first key (0 for slot 0: a new scan).
    static func cursor(startingSlot slot: Int) -> UInt64 {
        UInt64(slot) << idBits
    }

    /// Where `cursor` resumes: its slot, and the key to continue after (nil: the slot's start).
    func position(of cursor: UInt64) -> (slot: Int, after: [UInt8]?) {
        let slot = Int(cursor >> Self.idBits)
        let id = cursor & Self.idMask
        guard id != 0 else { return (slot, nil) }
        return (slot, state.withLock { $0.positions[id] })
    }
}
