// The admin socket's commands, registered by the modules that own them (DESIGN §9).
import Synchronization

/// What a command answers; `afterReply` runs once the reply has been written, so a command
/// such as `debug crash` can answer before it acts.
public struct AdminReply: Sendable {
    public var result: JSONValue
    public var afterReply: (@Sendable () async -> Void)?

    public init(_ result: JSONValue, afterReply: (@Sendable () async -> Void)? = nil) {
        self.result = result
        self.afterReply = afterReply
    }
}

/// A command's refusal, sent to the client as `{"ok":false,"error":message}`.
public struct AdminError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

public struct AdminCommand: Sendable {
    public let words: [String]
    public let arguments: String
    public let summary: String
    let handler: @Sendable ([String]) async throws -> AdminReply
}

public final class AdminCommandRegistry: Sendable {
    private let commands = Mutex<[AdminCommand]>([])

    public init() {
        register("help", summary: "list the commands") { [weak self] _ in
            AdminReply(.array((self?.all ?? []).map { command in
                .object([
                    ("command", .string((command.words + (command.arguments.isEmpty ? [] : [command.arguments])).joined(separator: " "))),
                    ("summary", .string(command.summary)),
                ])
            }))
        }
    }

    /// Registers `name` (one or more words, e.g. "pd stores"); a later registration of the
    /// same name replaces the earlier one (a restarted module registers again).
    public func register(
        _ name: String,
        arguments: String = "",
        summary: String,
        handler: @escaping @Sendable ([String]) async throws -> AdminReply
    ) {
        let words = name.split(separator: " ").map(String.init)
        commands.withLock { list in
            list.removeAll { $0.words == words }
            list.append(AdminCommand(words: words, arguments: arguments, summary: summary, handler: handler))
        }
    }

    public var all: [AdminCommand] {
        commands.withLock { $0 }.sorted { $0.words.joined(separator: " ") < $1.words.joined(separator: " ") }
    }

    /// Finds the command with the longest name that prefixes `argv` and runs it with the rest.
    public func dispatch(_ argv: [String]) async -> (response: JSONValue, afterReply: (@Sendable () async -> Void)?) {
        guard !argv.isEmpty else { return (Self.failure("empty command; try \"help\""), nil) }
        let match = commands.withLock { list in
            list.filter { $0.words.count <= argv.count && Array(argv.prefix($0.words.count)) == $0.words }
                .max { $0.words.count < $1.words.count }
        }
        guard let command = match else {
            return (Self.failure("unknown command '\(argv.joined(separator: " "))'; try \"help\""), nil)
        }
        do {
            let reply = try await command.handler(Array(argv.dropFirst(command.words.count)))
            return (.object([("ok", .bool(true)), ("result", reply.result)]), reply.afterReply)
        } catch let error as AdminError {
            return (Self.failure(error.message), nil)
        } catch {
            return (Self.failure("\(error)"), nil)
        }
    }

    static func failure(_ message: String) -> JSONValue {
        .object([("ok", .bool(false)), ("error", .string(message))])
    }
}
