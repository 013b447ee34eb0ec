// EXPIRE's NX | XX | GT | LT options (Redis 7.0 `parseExtendedExpireArgumentsOrReply`): when a
// new expiry may replace the key's current one.
import RESP

struct ExpireConditions: Equatable {
    /// NX: only when the key has no expiry.
    var onlyWithoutExpiry = false
    /// XX: only when the key has an expiry.
    var onlyWithExpiry = false
    /// GT: only when the new expiry is later than the current one (no expiry counts as infinite).
    var onlyIfLater = false
    /// LT: only when the new expiry is earlier than the current one (no expiry counts as infinite).
    var onlyIfEarlier = false

    /// Parses `argv[start...]`. Redis reads every option before judging combinations, so an
    /// unknown option anywhere wins over an incompatible pair.
    static func parse(_ argv: [[UInt8]], from start: Int) -> Result<Self, RESPError> {
        var conditions = Self()
        for option in argv.dropFirst(start) {
            switch String(decoding: option, as: UTF8.self).lowercased() {
            case "nx": conditions.onlyWithoutExpiry = true
            case "xx": conditions.onlyWithExpiry = true
            case "gt": conditions.onlyIfLater = true
            case "lt": conditions.onlyIfEarlier = true
            default: return .failure(RESPError(.error(CommandErrors.unsupportedOption(option))))
            }
        }
        if conditions.onlyWithoutExpiry && (conditions.onlyWithExpiry || conditions.onlyIfLater || conditions.onlyIfEarlier) {
            return .failure(RESPError(.error("ERR NX and XX, GT or LT options at the same time are not compatible")))
        }
        if conditions.onlyIfLater && conditions.onlyIfEarlier {
            return .failure(RESPError(.error("ERR GT and LT options at the same time are not compatible")))
        }
        return .success(conditions)
    }

    /// The options as an entry carries them, each at most once.
    var arguments: [[UInt8]] {
        [(onlyWithoutExpiry, "NX"), (onlyWithExpiry, "XX"), (onlyIfLater, "GT"), (onlyIfEarlier, "LT")]
            .filter(\.0).map { Array($0.1.utf8) }
    }

    /// Whether an expiry at `new` may replace `current` (nil: the key does not expire).
    func permit(current: Int64?, new: Int64) -> Bool {
        if onlyWithoutExpiry && current != nil { return false }
        if onlyWithExpiry && current == nil { return false }
        if onlyIfLater {
            guard let current, new > current else { return false }
        }
        if onlyIfEarlier, let current, new >= current { return false }
        return true
    }
}
