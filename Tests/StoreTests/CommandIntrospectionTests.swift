// COMMAND and its subcommands, generated from the specs, against replies captured from redis-server 7.0.
import RESP
@testable import Store
import Testing
import TestSupport

@Suite struct CommandIntrospectionTests {
    let node = NodeCommands(describing: redisFixtureCommands)

    @Test func test_info_ofKeySpecsOfEveryKind_isRedisBytes() {
        let reply = node.run("COMMAND", "INFO", "get", "mset", "zunionstore", "xread", "eval", "migrate")
        #expect(encoded(reply, .resp2) == RedisReplies.fixtureInfoRESP2)
        #expect(encoded(reply, .resp3) == RedisReplies.fixtureInfoRESP3)
    }

    @Test func test_info_ofCairnsOwnCommands_isRedisBytes() {
        let reply = node.run("COMMAND", "INFO", "ping", "client|id", "config|set", "command|list", "nosuch")
        #expect(encoded(reply, .resp2) == RedisReplies.ownInfoRESP2)
        #expect(encoded(reply, .resp3) == RedisReplies.ownInfoRESP3)
    }

    @Test func test_info_namesAreCaseInsensitive_andStrictAboutSubcommands() {
        guard case .array(let replies) = node.run("COMMAND", "INFO", "CLIENT|ID", "Ping", "client|", "ping|x", "client|id|x", "|id")
        else { Issue.record("not an array"); return }
        #expect(replies.count == 6)
        #expect(replies[0] != .nullBulk)
        #expect(replies[1] != .nullBulk)
        #expect(Array(replies[2...]) == Array(repeating: .nullBulk, count: 4))
    }

    @Test func test_info_ofAContainer_listsItsSubcommands() {
        guard case .array(let replies) = node.run("COMMAND", "INFO", "config"),
              case .array(let fields) = replies.first, case .array(let subcommands) = fields.last
        else { Issue.record("unexpected shape"); return }
        let names = subcommands.compactMap { sub -> String? in
            guard case .array(let subFields) = sub, case .bulk(let name) = subFields.first else { return nil }
            return String(decoding: name, as: UTF8.self)
        }
        #expect(names == ["config|get", "config|help", "config|resetstat", "config|rewrite", "config|set"])
    }

    @Test func test_commandAlone_isInfoOfEveryCommand() {
        let all = node.run("COMMAND")
        #expect(all == node.run("COMMAND", "INFO"))
        guard case .array(let entries) = all else { Issue.record("not an array"); return }
        let commandCount = node.entries.count + 1 + redisFixtureCommands.count
        #expect(entries.count == commandCount)
        #expect(node.run("COMMAND", "COUNT") == .integer(Int64(commandCount)))
    }

    @Test func test_list_namesEveryCommandAndSubcommand_andFilters() {
        guard case .array(let names) = node.run("COMMAND", "LIST") else { Issue.record("not an array"); return }
        let texts = names.compactMap { name -> String? in
            guard case .bulk(let bytes) = name else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(texts.contains("client") && texts.contains("client|id") && texts.contains("command|getkeys"))
        let subcommandCount = node.entries.reduce(0) { $0 + $1.subcommands.count } + 7
        #expect(texts.count == node.entries.count + 1 + redisFixtureCommands.count + subcommandCount)
        #expect(node.run("COMMAND", "LIST", "FILTERBY", "PATTERN", "CLIENT|I*") == .array([.bulk("client|id"), .bulk("client|info")]))
        #expect(node.run("COMMAND", "LIST", "filterby", "aclcat", "SCRIPTING") == .array([.bulk("eval")]))
        #expect(node.run("COMMAND", "LIST", "FILTERBY", "aclcat", "nosuch") == .array([]))
        #expect(node.run("COMMAND", "LIST", "FILTERBY", "module", "x") == .array([]))
        for bad in [["FILTERBY", "foo", "x"], ["FILTERBY", "pattern"], ["x"], ["FILTERBY", "pattern", "a", "b"]] {
            #expect(node.run(["COMMAND", "LIST"] + bad) == .error("ERR syntax error"))
        }
    }

    @Test func test_docs_giveWhatCairnRecords_leavingUnknownNamesOut() {
        let reply = node.run("COMMAND", "DOCS", "client|id", "config|rewrite", "nosuch")
        #expect(encoded(reply, .resp2) == RedisReplies.docsRESP2)
        #expect(encoded(reply, .resp3) == RedisReplies.docsRESP3)
        #expect(node.run("COMMAND", "DOCS", "nosuch") == .map([]))
    }

    @Test func test_docs_ofAContainer_nestTheSubcommandsDocs() {
        guard case .map(let commands) = node.run("COMMAND", "DOCS", "client"), let client = commands.first,
              case .map(let fields) = client.value
        else { Issue.record("unexpected shape"); return }
        #expect(fields.map(\.key) == ["summary", "since", "group", "complexity", "subcommands"].map { RESPValue.bulk($0) })
        guard case .map(let subcommands) = fields.last?.value else { Issue.record("no subcommands"); return }
        #expect(subcommands.map(\.key) == ["client|getname", "client|help", "client|id", "client|info", "client|kill", "client|list",
                                            "client|no-evict", "client|reply", "client|setinfo", "client|setname", "client|unblock"].map { RESPValue.bulk($0) })
    }

    @Test(arguments: [
        (["get", "a"], "*1\r\n$1\r\na\r\n"),
        (["get", "a", "b"], "-ERR Invalid number of arguments specified for command\r\n"),
        (["nosuch", "a"], "-ERR Invalid command specified\r\n"),
        (["ping", "a"], "-ERR The command has no key arguments\r\n"),
        (["client", "id"], "-ERR The command has no key arguments\r\n"),
        (["client", "nosuch"], "-ERR Invalid command specified\r\n"),
        (["mset", "a", "1", "b"], "*2\r\n$1\r\na\r\n$1\r\nb\r\n"),
        (["zunionstore", "d", "5", "a", "b"], "-ERR Invalid arguments specified for command\r\n"),
        (["eval", "s", "0"], "*0\r\n"),
        (["GET", ""], "*1\r\n$0\r\n\r\n"),
    ])
    func test_getkeys_checksInRedisOrder(request: [String], expected: String) {
        #expect(encoded(node.run(["COMMAND", "GETKEYS"] + request)) == expected)
    }

    @Test func test_getkeys_tooFewArguments_isTheSubcommandsArityError() {
        #expect(node.run("COMMAND", "GETKEYS", "get") == .error("ERR wrong number of arguments for 'command|getkeys' command"))
    }

    @Test func test_getkeysAndFlags_isRedisBytes() {
        #expect(encoded(node.run("COMMAND", "GETKEYSANDFLAGS", "zunionstore", "d", "2", "a", "b"))
            == "*3\r\n*2\r\n$1\r\nd\r\n*2\r\n+OW\r\n+update\r\n*2\r\n$1\r\na\r\n*2\r\n+RO\r\n+access\r\n*2\r\n$1\r\nb\r\n*2\r\n+RO\r\n+access\r\n")
    }

    @Test func test_help_isRedisText() {
        guard case .array(let lines) = node.run("COMMAND", "HELP") else { Issue.record("not an array"); return }
        #expect(lines.count == 21)
        #expect(lines.first == .simpleString("COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:"))
        #expect(lines.last == .simpleString("    Prints this help."))
    }

    @Test func test_errors_ofTheContainer_areRedis() {
        #expect(node.run("COMMAND", "foo") == .error("ERR unknown subcommand 'foo'. Try COMMAND HELP."))
        #expect(node.run("COMMAND", "COUNT", "x") == .error("ERR wrong number of arguments for 'command|count' command"))
        #expect(node.run("COMMAND", "HELP", "x") == .error("ERR wrong number of arguments for 'command|help' command"))
    }

    /// What the data commands will rely on: every spec a node describes is complete and its
    /// declared key range is the one its key specs imply.
    @Test func test_everySpecOfTheNode_isDocumented_andItsKeyRangeAgreesWithItsKeySpecs() {
        let catalog = CommandIntrospection(describing: NodeCommands().entries.map(DescribedCommand.init)).catalog
        for command in catalog.commands {
            for spec in [command.spec] + command.subcommands {
                #expect(!spec.docs.since.isEmpty, "\(spec.name) has no since")
                #expect(!spec.summary.isEmpty, "\(spec.name) has no summary")
                let derived = KeySpec.legacyRange(of: spec.keySpecs)
                #expect((derived.firstKey, derived.lastKey, derived.keyStep) == (spec.firstKey, spec.lastKey, spec.keyStep),
                        "\(spec.name): key range and key specs disagree")
            }
        }
    }
}
