// The node's current log level, shared by every logger so `log-level` changes them all at once.

public import Logging
import Synchronization

/// One per node. Every `JSONLogHandler` made with it reads the level here on each log call,
/// so the admin command `log-level` takes effect at once in every component. An atomic rather
/// than a lock: swift-log reads the level on every call, logged or not.
public final class LogLevelControl: Sendable {
    private let storage: Atomic<UInt8>

    public init(level: Logger.Level = .info) {
        storage = Atomic(LogLevelControl.code(level))
    }

    public var level: Logger.Level {
        get { LogLevelControl.level(storage.load(ordering: .relaxed)) }
        set { storage.store(LogLevelControl.code(newValue), ordering: .relaxed) }
    }

    private static let levels = Logger.Level.allCases

    private static func code(_ level: Logger.Level) -> UInt8 {
        UInt8(truncatingIfNeeded: levels.firstIndex(of: level) ?? 0)
    }

    private static func level(_ code: UInt8) -> Logger.Level {
        let index = Int(code)
        return levels.indices.contains(index) ? levels[index] : .info
    }
}
