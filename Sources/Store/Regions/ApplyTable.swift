// The apply function of every write entry, by command name: how a region decodes its log.

public struct ApplyTable: Sendable {
    private var handlers: [String: ApplyHandler] = [:]

    public init(_ handlers: [String: ApplyHandler] = [:]) {
        self.handlers = handlers
    }

    public mutating func register(_ name: String, _ handler: @escaping ApplyHandler) {
        handlers[name] = handler
    }

    public func handler(named name: String) -> ApplyHandler? {
        handlers[name]
    }
}
