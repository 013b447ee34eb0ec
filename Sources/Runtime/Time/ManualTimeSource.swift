// A clock that moves only when a test advances it, firing due timers in deadline order.
import Synchronization

public final class ManualTimeSource: TimeSource, TimerScheduler {
    private struct Entry {
        var id: UInt64
        var deadline: MonotonicInstant
        var interval: Duration?
        var body: @Sendable () -> Void
    }

    private struct State {
        var now: MonotonicInstant
        var nextID: UInt64 = 0
        var entries: [UInt64: Entry] = [:]
    }

    private let state: Mutex<State>

    public init(start: MonotonicInstant = MonotonicInstant(nanoseconds: 1_000_000_000)) {
        state = Mutex(State(now: start))
    }

    public func now() -> MonotonicInstant {
        state.withLock { $0.now }
    }

    public var pendingTimerCount: Int {
        state.withLock { $0.entries.count }
    }

    @discardableResult
    public func scheduleTimer(
        after delay: Duration,
        repeating interval: Duration?,
        _ body: @escaping @Sendable () -> Void
    ) -> any ScheduledTimer {
        let id = state.withLock { state in
            state.nextID += 1
            let id = state.nextID
            state.entries[id] = Entry(id: id, deadline: state.now.advanced(by: delay), interval: interval, body: body)
            return id
        }
        return ManualTimer(source: self, id: id)
    }

    fileprivate func cancel(id: UInt64) {
        _ = state.withLock { $0.entries.removeValue(forKey: id) }
    }

    /// Moves time forward, running each timer that falls due, in deadline order (ties in
    /// scheduling order), with `now()` reading the timer's deadline while it runs.
    public func advance(by duration: Duration) {
        let target = state.withLock { $0.now.advanced(by: duration) }
        while let entry = takeNextDue(before: target) {
            entry.body()
        }
        state.withLock { $0.now = max($0.now, target) }
    }

    private func takeNextDue(before target: MonotonicInstant) -> Entry? {
        state.withLock { state in
            guard let next = state.entries.values
                .filter({ $0.deadline <= target })
                .min(by: { ($0.deadline, $0.id) < ($1.deadline, $1.id) })
            else { return nil }
            state.now = max(state.now, next.deadline)
            if let interval = next.interval, interval > .zero {
                state.entries[next.id]?.deadline = next.deadline.advanced(by: interval)
            } else {
                state.entries[next.id] = nil
            }
            return next
        }
    }
}

private struct ManualTimer: ScheduledTimer {
    let source: ManualTimeSource
    let id: UInt64

    func cancel() {
        source.cancel(id: id)
    }
}
