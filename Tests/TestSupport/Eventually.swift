// Waiting for conditions with generous deadlines, and a lock-protected list for callbacks.
import Synchronization

/// Polls `condition` until it holds or `timeout` passes; returns whether it held. Deadlines are
/// generous because this machine is shared and noisy; tests never rely on them being short.
public func eventually(timeout: Duration = .seconds(30), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(2))
    }
    return await condition()
}

/// Collects values appended from any thread (loop callbacks, children).
public final class Recorder<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    public init() {}

    public func append(_ item: Element) {
        items.withLock { $0.append(item) }
    }

    public var all: [Element] {
        items.withLock { $0 }
    }
}
