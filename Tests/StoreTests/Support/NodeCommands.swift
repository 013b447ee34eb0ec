// A node's command table as NodeState builds it, with the live settings CONFIG SET changes, for unit tests.
import RESP
import Runtime
@testable import Store
import TestSupport

/// Everything a test needs to run commands the way a node does, without a socket.
struct NodeCommands {
    let settings: LiveRESPSettings
    let clients: ClientRegistry
    let logLevels = LogLevelControl()
    let statsReset = StatsResetHooks()
    /// The entries the table runs besides COMMAND.
    let entries: [CommandEntry]
    let table: CommandTable

    /// `described` adds specs of commands the table does not run (data commands' stand-ins).
    init(config: NodeConfig = NodeConfig(), describing described: [DescribedCommand] = []) {
        settings = LiveRESPSettings(SessionSettings(config.resp))
        clients = ClientRegistry(maxClients: config.resp.maxClients)
        let live = LiveNodeSettings(resp: settings, clients: clients, logLevels: logLevels)
        entries = NodeCommandSet.entries(server: ServerContext(clients: clients), config: config, live: live, statsReset: statsReset)
        table = CommandTable(withIntrospection: entries, alsoDescribing: described)
    }

    /// Runs one command as an authenticated RESP2 session would.
    func run(_ arguments: [String]) -> RESPValue {
        var session = SessionState(clientID: 1)
        return table.execute(arguments.map { Array($0.utf8) }, session: &session)
    }

    func run(_ arguments: String...) -> RESPValue {
        run(arguments)
    }
}

/// A reply's bytes as a client would read them, for comparing with redis-server's.
func encoded(_ reply: RESPValue, _ version: RESPProtocolVersion = .resp2) -> String {
    var bytes: [UInt8] = []
    RESPEncoder(protocolVersion: version).append(reply, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

/// The fixtures' specs, as data commands will add them.
let redisFixtureCommands: [DescribedCommand] = [
    RedisCommandSpecs.get, RedisCommandSpecs.mset, RedisCommandSpecs.zunionstore, RedisCommandSpecs.xread,
    RedisCommandSpecs.eval, RedisCommandSpecs.migrate,
].map { DescribedCommand(spec: $0) }
