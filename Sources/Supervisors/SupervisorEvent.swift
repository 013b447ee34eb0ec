// The supervisor events DESIGN §4 names, each with its log level and message.

import Logging

enum SupervisorEvent: String, Sendable, CaseIterable {
    case childStarted = "child_started"
    case childTerminated = "child_terminated"
    case childRestarted = "child_restarted"
    case startError = "start_error"
    case shutdownTimeout = "shutdown_timeout"
    case restartIntensityExceeded = "restart_intensity_exceeded"
    case escalated
    case shutdown
    case nodeGivingUp = "node_giving_up"

    var level: Logger.Level {
        switch self {
        case .childStarted, .shutdown: .info
        case .childTerminated, .childRestarted: .warning
        case .startError, .shutdownTimeout, .restartIntensityExceeded, .escalated, .nodeGivingUp: .error
        }
    }

    var message: String {
        switch self {
        case .childStarted: "child started"
        case .childTerminated: "child terminated"
        case .childRestarted: "child restarted"
        case .startError: "child failed to start"
        case .shutdownTimeout: "child did not stop in time; abandoned"
        case .restartIntensityExceeded: "restart intensity exceeded; supervisor giving up"
        case .escalated: "child supervisor gave up"
        case .shutdown: "supervisor shut down"
        case .nodeGivingUp: "root supervisor gave up; node giving up"
        }
    }
}
