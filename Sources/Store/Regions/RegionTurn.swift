// Whose turn it is in a region: entries, reads and WATCHes run one at a time, in arrival order,
// even when one of them suspends (a write waiting out a RocksDB write stall on another thread).

/// An actor alone would let a later call run while an earlier one is suspended (reentrancy),
/// so a read could overtake a write it follows, or an entry apply over a state missing the
/// previous entry's batch. The turn is handed from one holder to the next waiting one, first
/// come first served; a holder that never suspends takes and passes it in one step.
struct RegionTurn {
    private(set) var isHeld = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Takes the turn if it is free and nobody waits for it.
    mutating func take() -> Bool {
        guard isHeld || !waiting.isEmpty else {
            isHeld = true
            return true
        }
        return false
    }

    /// Queues `continuation`, resumed when the turn passes to it.
    mutating func enqueue(_ continuation: CheckedContinuation<Void, Never>) {
        waiting.append(continuation)
    }

    /// Passes the turn to the longest waiting caller (it stays held), or frees it.
    mutating func pass() -> CheckedContinuation<Void, Never>? {
        guard !waiting.isEmpty else {
            isHeld = false
            return nil
        }
        return waiting.removeFirst()
    }
}

extension Region {
    func takeTurn() async {
        guard !turn.take() else { return }
        await waitForTurn()
    }

    /// Queues for the turn; for a caller that found it taken (`turn.take()` false).
    func waitForTurn() async {
        // The continuation's body may run after other jobs of this actor (the call can
        // suspend before it), so the turn may have been passed on meanwhile: look again.
        await withCheckedContinuation { continuation in
            if turn.take() {
                continuation.resume()
            } else {
                turn.enqueue(continuation)
            }
        }
    }

    func passTurn() {
        turn.pass()?.resume()
    }
}
