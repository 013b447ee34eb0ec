// Which siblings are restarted with a child that must be restarted (OTP's restart strategies).

public enum SupervisionStrategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only the child that ended.
    case oneForOne = "one_for_one"
    /// Every child: the others are stopped in reverse start order, then all start in order.
    case oneForAll = "one_for_all"
    /// The child and those started after it: they are stopped in reverse order, then restarted.
    case restForOne = "rest_for_one"
}
