// `cairn admin …`: sends one command to a node's admin socket and prints the reply.
import ArgumentParser
import Runtime

struct AdminCLICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Query a running node over its admin socket (try: cairn admin help).",
        discussion: "The socket is --socket, or admin.socket from the configuration (default <data-dir>/admin.sock)."
    )

    @Option(name: .long, help: "The admin socket's path.")
    var socket: String?

    @OptionGroup var options: ConfigOptions

    @Flag(name: .long, help: "Print the raw JSON reply.")
    var json = false

    @Argument(parsing: .captureForPassthrough, help: "The command and its arguments, e.g. tree, status, log-level debug.")
    var command: [String] = []

    func run() async throws {
        let path: String
        if let socket {
            path = socket
        } else {
            path = try await options.load().effectiveSocketPath
        }
        let words = command.isEmpty ? ["help"] : command
        let reply: JSONValue
        do {
            let client = try AdminClient(path: path)
            reply = try client.request(words)
        } catch {
            StandardError.writeLine("cairn admin: \(error.description)")
            throw ExitCode(1)
        }
        if json {
            print(reply.encoded)
            if reply["ok"] != .bool(true) { throw ExitCode(1) }
            return
        }
        guard reply["ok"] == .bool(true) else {
            StandardError.writeLine("cairn admin: \(reply["error"]?.stringValue ?? reply.encoded)")
            throw ExitCode(1)
        }
        print(AdminRendering.render(reply["result"] ?? .null, command: words), terminator: "")
    }
}
