// The `cairn` executable: subcommands to run a node, check a configuration, print the version.
import ArgumentParser
import Runtime

@main
struct CairnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cairn",
        abstract: "A distributed, Redis-compatible key-value database.",
        version: CairnVersion.current,
        subcommands: [StartCommand.self, CheckConfigCommand.self, AdminCLICommand.self, VersionCommand.self]
    )
}

/// Where the configuration comes from: a file, then `CAIRN_*` variables, then `--set` flags.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "The node's YAML configuration file.")
    var config: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override one key, e.g. --set resp.listen=127.0.0.1:0 (repeatable).", valueName: "key=value"))
    var overrides: [String] = []

    /// Loads the configuration, or prints the one-line reason and exits with code 2.
    func load() async throws -> NodeConfig {
        do {
            return try await ConfigLoader.load(file: config, environment: ProcessEnvironment.configurationVariables, overrides: overrides)
        } catch {
            StandardError.writeLine(error.message)
            throw ExitCode(2)
        }
    }
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() {
        print("cairn \(CairnVersion.current) (redis compatibility \(CairnVersion.redisCompatibility))")
    }
}

struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a configuration and print the effective values (secrets redacted)."
    )

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let config = try await options.load()
        print(config.renderedYAML(), terminator: "")
    }
}

struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Run a node in the foreground until SIGTERM or SIGINT."
    )

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let config = try await options.load()
        let exitCode = await NodeRunner(config: config).run()
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
