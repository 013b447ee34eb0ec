// Writes one supervisor's events: one log call each, always with the same eight metadata keys.

import Logging
import Runtime

/// Every line carries `supervisor`, `child`, `event`, `reason`, `restart_type`, `restarts`,
/// `intensity` and `period_s` (DESIGN §4), so a reader can rely on them; keys that do not apply
/// to an event (`child` of the supervisor's own `shutdown`, `reason` of `child_started`) are
/// empty strings. Numbers are given as `.stringConvertible` integers (or a Double for a
/// fractional period), which `JSONLogHandler` prints as JSON numbers.
struct SupervisorLog: Sendable {
    let logger: Logger
    let supervisor: String
    let intensity: Int
    let period: Duration

    func emit(
        _ event: SupervisorEvent, child: String = "", reason: String = "", restartType: RestartType? = nil,
        restarts: Int
    ) {
        logger.log(level: event.level, "\(event.message)", metadata: [
            "supervisor": .string(supervisor),
            "child": .string(child),
            "event": .string(event.rawValue),
            "reason": .string(reason),
            "restart_type": .string(restartType?.rawValue ?? ""),
            "restarts": .stringConvertible(restarts),
            "intensity": .stringConvertible(intensity),
            "period_s": Self.seconds(period),
        ])
    }

    /// Whole seconds as an integer (`30`, as DESIGN §4's example), otherwise a fraction.
    static func seconds(_ duration: Duration) -> Logger.MetadataValue {
        let nanoseconds = duration.nanosecondsSaturated
        if nanoseconds % 1_000_000_000 == 0 {
            return .stringConvertible(nanoseconds / 1_000_000_000)
        }
        return .stringConvertible(Double(nanoseconds) / 1e9)
    }

    static func secondsText(_ duration: Duration) -> String {
        seconds(duration).description
    }
}
