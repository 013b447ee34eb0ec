// CONFIG GET/SET/RESETSTAT/REWRITE/HELP: Redis's replies and error texts, and the live settings they change.
import RESP
import Runtime
@testable import Store
import Synchronization
import Testing

@Suite struct ConfigCommandsTests {
    private func failed(_ name: String, _ reason: String) -> RESPValue {
        .error("ERR CONFIG SET failed (possibly related to argument '\(name)') - \(reason)")
    }

    private func pairs(_ items: (String, String)...) -> RESPValue {
        .map(items.map { RESPValue.Entry(key: .bulk($0.0), value: .bulk($0.1)) })
    }

    @Test func test_get_redisNames_readTheNodesSettingsInRedisUnits() {
        var config = NodeConfig()
        config.resp.requirepass = "s3cret"
        config.resp.timeout = .milliseconds(1500)
        config.resp.maxClients = 42
        let node = NodeCommands(config: config)
        #expect(node.run("CONFIG", "GET", "requirepass") == pairs(("requirepass", "s3cret")))
        // A timeout that is set never reads as 0 (never): 1.5 s is 2 in whole seconds.
        #expect(node.run("CONFIG", "GET", "timeout") == pairs(("timeout", "2")))
        #expect(node.run("CONFIG", "GET", "maxclients") == pairs(("maxclients", "42")))
        #expect(node.run("CONFIG", "GET", "proto-max-bulk-len") == pairs(("proto-max-bulk-len", "536870912")))
        #expect(node.run("CONFIG", "GET", "save") == pairs(("save", "")))
        #expect(node.run("CONFIG", "GET", "appendonly") == pairs(("appendonly", "yes")))
        #expect(node.run("CONFIG", "GET", "appendfsync") == pairs(("appendfsync", "always")))
        config.storage.sync = .never
        #expect(NodeCommands(config: config).run("CONFIG", "GET", "appendfsync") == pairs(("appendfsync", "no")))
    }

    @Test func test_get_dottedKeys_readAsConfigured_secretsIncluded() {
        var config = NodeConfig()
        config.resp.requirepass = "s3cret"
        let node = NodeCommands(config: config)
        #expect(node.run("CONFIG", "GET", "resp.*") == pairs(
            ("resp.listen", "127.0.0.1:6379"), ("resp.requirepass", "s3cret"), ("resp.max-clients", "10000"),
            ("resp.timeout", "0s"), ("resp.proto-max-bulk-len", "512MB"), ("resp.max-query-buffer-total", "1GB")))
        #expect(node.run("CONFIG", "GET", "node.id") == pairs(("node.id", "n1")))
        #expect(node.run("CONFIG", "GET", "pd.members") == pairs(("pd.members", "n1@127.0.0.1:7101")))
    }

    @Test func test_get_namesAsWritten_patternsIgnoringCase_eachParameterOnce() {
        let node = NodeCommands()
        #expect(node.run("CONFIG", "GET", "MAXCLIENTS", "maxclients") == pairs(("MAXCLIENTS", "10000")))
        #expect(node.run("CONFIG", "GET", "maxclients", "MAX*S") == pairs(("maxclients", "10000")))
        #expect(node.run("CONFIG", "GET", "maxclient[s]") == pairs(("maxclients", "10000")))
        #expect(node.run("CONFIG", "GET", "max\\clients", "nosuch") == .map([]))
        #expect(node.run("CONFIG", "GET", "timeout", "resp.timeout") == pairs(("timeout", "0"), ("resp.timeout", "0s")))
        #expect(node.run("CONFIG", "GET", "hash-max-*") == pairs(
            ("hash-max-listpack-entries", "512"), ("hash-max-ziplist-entries", "512"),
            ("hash-max-listpack-value", "64"), ("hash-max-ziplist-value", "64")))
    }

    @Test func test_get_isAFlatArrayInRESP2AndAMapInRESP3() {
        let reply = NodeCommands().run("CONFIG", "GET", "maxclients")
        #expect(encoded(reply, .resp2) == "*2\r\n$10\r\nmaxclients\r\n$5\r\n10000\r\n")
        #expect(encoded(reply, .resp3) == "%1\r\n$10\r\nmaxclients\r\n$5\r\n10000\r\n")
    }

    @Test func test_set_changesTheLiveSettings() {
        let node = NodeCommands()
        #expect(node.run("CONFIG", "SET", "requirepass", "pw", "maxclients", "7", "timeout", "5",
                         "proto-max-bulk-len", "2mb") == .simpleString("OK"))
        let current = node.settings.current
        #expect(current.requiredPassword == Array("pw".utf8))
        #expect(current.idleTimeout == .seconds(5))
        #expect(current.maxBulkLength == 2 * 1_048_576)
        #expect(node.clients.maxClients == 7)
        #expect(node.run("CONFIG", "GET", "resp.*") == pairs(
            ("resp.listen", "127.0.0.1:6379"), ("resp.requirepass", "pw"), ("resp.max-clients", "7"),
            ("resp.timeout", "5s"), ("resp.proto-max-bulk-len", "2MB"), ("resp.max-query-buffer-total", "1GB")))
        #expect(node.run("CONFIG", "SET", "requirepass", "") == .simpleString("OK"))
        #expect(node.settings.current.requiredPassword == nil)
    }

    @Test func test_set_dottedKeys_areCheckedAsTheConfigFileIs() {
        let node = NodeCommands()
        #expect(node.run("CONFIG", "SET", "resp.timeout", "250ms", "resp.max-clients", "3", "log.level", "debug")
            == .simpleString("OK"))
        #expect(node.settings.current.idleTimeout == .milliseconds(250))
        #expect(node.clients.maxClients == 3)
        #expect(node.logLevels.level == .debug)
        #expect(node.run("CONFIG", "GET", "timeout") == pairs(("timeout", "1")))
        #expect(node.run("CONFIG", "SET", "resp.max-clients", "0") == failed("resp.max-clients", "argument must be an integer ≥ 1"))
        #expect(node.run("CONFIG", "SET", "resp.proto-max-bulk-len", "1GB") == .simpleString("OK"))
        #expect(node.settings.current.maxBulkLength == 1 << 30)
        guard case .error(let text) = node.run("CONFIG", "SET", "resp.timeout", "soon") else {
            Issue.record("accepted a bad duration"); return
        }
        #expect(text.hasPrefix("ERR CONFIG SET failed (possibly related to argument 'resp.timeout') - argument must be a duration"))
    }

    @Test(arguments: [
        (["maxclients", "abc"], "maxclients", "argument couldn't be parsed into an integer"),
        (["maxclients", "-1"], "maxclients", "argument must be between 1 and 4294967295 inclusive"),
        (["maxclients", "4294967296"], "maxclients", "argument must be between 1 and 4294967295 inclusive"),
        (["MAXCLIENTS", "5kb"], "maxclients", "argument couldn't be parsed into an integer"),
        (["timeout", "1.5"], "timeout", "argument couldn't be parsed into an integer"),
        (["timeout", "+5"], "timeout", "argument couldn't be parsed into an integer"),
        (["timeout", "05"], "timeout", "argument couldn't be parsed into an integer"),
        (["timeout", "9999999999"], "timeout", "argument must be between 0 and 2147483647 inclusive"),
        (["proto-max-bulk-len", "abc"], "proto-max-bulk-len", "argument must be a memory value"),
        (["proto-max-bulk-len", "1M"], "proto-max-bulk-len", "argument must be between 1048576 and 9223372036854775807 inclusive"),
        (["proto-max-bulk-len", ""], "proto-max-bulk-len", "argument must be between 1048576 and 9223372036854775807 inclusive"),
        (["proto-max-bulk-len", "99999999999999999999"], "proto-max-bulk-len",
         "argument must be between 1048576 and 9223372036854775807 inclusive"),
        (["appendonly", "maybe"], "appendonly", "argument must be 'yes' or 'no'"),
        (["hash-max-ziplist-entries", "-1"], "hash-max-ziplist-entries", "argument must be between 0 and 9223372036854775807 inclusive"),
        (["hash-max-listpack-value", "-1"], "hash-max-listpack-value", "argument must be a memory value"),
        (["list-max-listpack-size", "99999999999"], "list-max-listpack-size",
         "argument must be between -2147483648 and 2147483647 inclusive"),
        (["list-compress-depth", "-1"], "list-compress-depth", "argument must be between 0 and 2147483647 inclusive"),
        (["stream-node-max-bytes", "99999999999999999999"], "stream-node-max-bytes",
         "argument must be between 0 and 9223372036854775807 inclusive"),
    ])
    func test_set_badValues_areRefusedWithRedisTexts(pair: [String], name: String, reason: String) {
        #expect(NodeCommands().run(["CONFIG", "SET"] + pair) == failed(name, reason))
    }

    @Test func test_set_namesAreCheckedBeforeValues_inRedisOrder() {
        let node = NodeCommands()
        #expect(node.run("CONFIG", "SET", "foo", "bar") == .error("ERR Unknown option or number of arguments for CONFIG SET - 'foo'"))
        #expect(node.run("CONFIG", "SET", "maxclients", "abc", "foo", "bar")
            == .error("ERR Unknown option or number of arguments for CONFIG SET - 'foo'"))
        // An immutable name before an unknown one wins; so does one after a bad value.
        #expect(node.run("CONFIG", "SET", "resp.listen", "x", "foo", "bar") == failed("resp.listen", "can't set immutable config"))
        #expect(node.run("CONFIG", "SET", "maxclients", "abc", "node.id", "n2") == failed("node.id", "can't set immutable config"))
        #expect(node.run("CONFIG", "SET", "maxclients", "10", "MAXCLIENTS", "20") == failed("MAXCLIENTS", "duplicate parameter"))
        #expect(node.run("CONFIG", "SET", "appendfsync", "always") == failed("appendfsync", "can't set immutable config"))
        #expect(node.run("CONFIG", "SET", "timeout", "1", "maxclients") == .error("ERR syntax error"))
        #expect(node.run("CONFIG", "SET", "maxclients") == .error("ERR wrong number of arguments for 'config|set' command"))
    }

    @Test func test_set_failing_changesNothing() {
        let node = NodeCommands()
        #expect(node.run("CONFIG", "SET", "timeout", "5", "maxclients", "abc")
            == failed("maxclients", "argument couldn't be parsed into an integer"))
        #expect(node.settings.current.idleTimeout == .zero)
        #expect(node.run("CONFIG", "GET", "timeout") == pairs(("timeout", "0")))
    }

    @Test func test_set_tuningNames_areRememberedAndShareTheirOldNames() {
        let node = NodeCommands()
        #expect(node.run("CONFIG", "SET", "hash-max-ziplist-entries", "1", "hash-max-listpack-entries", "2") == .simpleString("OK"))
        #expect(node.run("CONFIG", "GET", "hash-max-ziplist-entries") == pairs(("hash-max-ziplist-entries", "2")))
        #expect(node.run("CONFIG", "SET", "stream-node-max-bytes", "1kb", "list-max-listpack-size", "-5") == .simpleString("OK"))
        #expect(node.run("CONFIG", "GET", "stream-node-max-bytes", "list-max-ziplist-size")
            == pairs(("stream-node-max-bytes", "1024"), ("list-max-ziplist-size", "-5")))
        // Another node starts from Redis's defaults.
        #expect(NodeCommands().run("CONFIG", "GET", "hash-max-listpack-entries") == pairs(("hash-max-listpack-entries", "512")))
    }

    @Test func test_set_persistenceNames_acceptOnlyWhatCairnDoes() {
        let node = NodeCommands()
        #expect(node.run("CONFIG", "SET", "save", "") == .simpleString("OK"))
        #expect(node.run("CONFIG", "SET", "appendonly", "YES") == .simpleString("OK"))
        #expect(node.run("CONFIG", "SET", "save", "900 1") == failed("save", "Cairn takes no snapshots; only an empty save is accepted"))
        #expect(node.run("CONFIG", "SET", "appendonly", "no")
            == failed("appendonly", "Cairn always persists every write; appendonly cannot be turned off"))
    }

    @Test func test_resetstat_runsEveryRegisteredHook() {
        let node = NodeCommands()
        let resets = Atomic<Int>(0)
        node.statsReset.register { resets.wrappingAdd(1, ordering: .relaxed) }
        node.statsReset.register { resets.wrappingAdd(10, ordering: .relaxed) }
        #expect(node.run("CONFIG", "RESETSTAT") == .simpleString("OK"))
        #expect(resets.load(ordering: .relaxed) == 11)
        #expect(node.run("CONFIG", "RESETSTAT", "x") == .error("ERR wrong number of arguments for 'config|resetstat' command"))
    }

    @Test func test_rewrite_isRefused_helpIsRedisText_andContainerErrorsAreRedis() {
        let node = NodeCommands()
        guard case .error(let text) = node.run("CONFIG", "REWRITE") else { Issue.record("REWRITE succeeded"); return }
        #expect(text.hasPrefix("ERR CONFIG REWRITE is not supported"))
        #expect(encoded(node.run("CONFIG", "HELP")) == "*11\r\n+CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n+GET <pattern>\r\n+    Return parameters matching the glob-like <pattern> and their values.\r\n+SET <directive> <value>\r\n+    Set the configuration <directive> to <value>.\r\n+RESETSTAT\r\n+    Reset statistics reported by the INFO command.\r\n+REWRITE\r\n+    Rewrite the configuration file.\r\n+HELP\r\n+    Prints this help.\r\n")
        #expect(node.run("CONFIG") == .error("ERR wrong number of arguments for 'config' command"))
        #expect(node.run("CONFIG", "foo") == .error("ERR unknown subcommand 'foo'. Try CONFIG HELP."))
        #expect(node.run("CONFIG", "GET") == .error("ERR wrong number of arguments for 'config|get' command"))
    }
}
