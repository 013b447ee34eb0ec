// What a fuzz run saw: how much it fed in, what came back, and every input that broke a rule.

public struct FuzzFailure: Sendable, CustomStringConvertible {
    public let input: FuzzInput
    public let problem: String

    public var description: String { "\(problem)\n  \(input)" }
}

public struct FuzzReport: Sendable {
    public var inputs = 0
    public var bytes = 0
    public var commands = 0
    public var dataCommands = 0
    public var protocolErrors = 0
    public var errorReplies = 0
    /// Commands run, by lower-case name as sent (unknown ones under "(unknown)").
    public var commandsByName: [String: Int] = [:]
    public var failures: [FuzzFailure] = []
    /// Failures past this many are counted, not kept.
    public static let keptFailures = 20
    public var failureCount = 0

    public init() {}

    mutating func fail(_ input: FuzzInput, _ problem: String) {
        failureCount += 1
        if failures.count < Self.keptFailures { failures.append(FuzzFailure(input: input, problem: problem)) }
    }

    public var summary: String {
        let names = commandsByName.sorted { $0.value > $1.value }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        return """
            \(inputs) inputs, \(bytes) bytes, \(commands) commands (\(dataCommands) through the store), \
            \(protocolErrors) protocol errors, \(errorReplies) error replies, \(failureCount) failures
            commands: \(names)
            """
    }
}
