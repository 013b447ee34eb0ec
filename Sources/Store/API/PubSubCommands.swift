// SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, PUBLISH, PUBSUB (Redis 7.0, one node).
import RESP

public enum PubSubCommands {
    private static let flags: CommandFlags = [.pubsub, .noscript, .loading, .stale]

    public static let entries: [CommandEntry] = [
        CommandEntry(spec: CommandSpec("subscribe", arity: -2, flags: flags, summary: "Listen for messages published to the given channels", categories: [.pubsub], docs: CommandDocs(since: "2.0.0", group: .pubsub, complexity: "O(N) where N is the number of channels to subscribe to."))) { argv, session in
            confirmEach(argv.dropFirst(), kind: "subscribe", session: &session) { channel, session in
                if let link = session.link, session.channels.insert(channel).inserted { session.server.pubSub.subscribe(channel, link) }
            }
        },
        CommandEntry(spec: CommandSpec("psubscribe", arity: -2, flags: flags, summary: "Listen for messages published to channels matching the given patterns", categories: [.pubsub], docs: CommandDocs(since: "2.0.0", group: .pubsub, complexity: "O(N) where N is the number of patterns the client is already subscribed to."))) { argv, session in
            confirmEach(argv.dropFirst(), kind: "psubscribe", session: &session) { pattern, session in
                if let link = session.link, session.patterns.insert(pattern).inserted { session.server.pubSub.subscribe(pattern: pattern, link) }
            }
        },
        CommandEntry(spec: CommandSpec("unsubscribe", arity: -1, flags: flags, summary: "Stop listening for messages posted to the given channels", categories: [.pubsub], docs: CommandDocs(since: "2.0.0", group: .pubsub, complexity: "O(N) where N is the number of clients already subscribed to a channel."))) { argv, session in
            let channels = argv.count > 1 ? Array(argv.dropFirst()) : session.channels.sorted { $0.lexicographicallyPrecedes($1) }
            return confirmEach(channels[...], kind: "unsubscribe", session: &session, emptyReply: true) { channel, session in
                if session.channels.remove(channel) != nil { session.server.pubSub.unsubscribe(channel, clientID: session.clientID) }
            }
        },
        CommandEntry(spec: CommandSpec("punsubscribe", arity: -1, flags: flags, summary: "Stop listening for messages posted to channels matching the given patterns", categories: [.pubsub], docs: CommandDocs(since: "2.0.0", group: .pubsub, complexity: "O(N+M) where N is the number of patterns the client is already subscribed and M is the number of total patterns subscribed in the system (by any client)."))) { argv, session in
            let patterns = argv.count > 1 ? Array(argv.dropFirst()) : session.patterns.sorted { $0.lexicographicallyPrecedes($1) }
            return confirmEach(patterns[...], kind: "punsubscribe", session: &session, emptyReply: true) { pattern, session in
                if session.patterns.remove(pattern) != nil { session.server.pubSub.unsubscribe(pattern: pattern, clientID: session.clientID) }
            }
        },
        CommandEntry(spec: CommandSpec("publish", arity: 3, flags: [.pubsub, .loading, .stale, .fast], summary: "Post a message to a channel", categories: [.pubsub], docs: CommandDocs(since: "2.0.0", group: .pubsub, complexity: "O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client)."))) { argv, session in
            let (count, own) = session.server.pubSub.publish(argv[1], argv[2], from: session.clientID)
            let pushes: [RESPValue] = own.map { pattern in
                let items = PubSubHub.messageItems(kind: pattern == nil ? "message" : "pmessage", pattern: pattern, channel: argv[1], message: argv[2])
                return session.protocolVersion == .resp3 ? .push(items) : .array(items)
            }
            guard let first = pushes.first else { return .integer(count) }
            session.followingReplies += pushes.dropFirst() + [.integer(count)]
            return first
        },
        CommandEntry(container: CommandSpec("pubsub", arity: -2, flags: [], summary: "A container for Pub/Sub commands", categories: [], docs: CommandDocs(since: "2.8.0", group: .pubsub, complexity: "Depends on subcommand.")), subcommands: [
            CommandEntry(spec: CommandSpec("pubsub|channels", arity: -2, flags: [.pubsub, .loading, .stale],
                                           summary: "List active channels", categories: [.pubsub], docs: CommandDocs(since: "2.8.0", group: .pubsub, complexity: "O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)"))) { argv, session in
                guard argv.count <= 3 else { return .error(CommandErrors.subcommandSyntax(argv[1], container: "PUBSUB")) }
                let channels = session.server.pubSub.channels(matching: argv.count == 3 ? argv[2] : nil)
                return .array(channels.map { .bulk($0) })
            },
            CommandEntry(spec: CommandSpec("pubsub|numsub", arity: -2, flags: [.pubsub, .loading, .stale],
                                           summary: "Get the count of subscribers for channels", categories: [.pubsub], docs: CommandDocs(since: "2.8.0", group: .pubsub, complexity: "O(N) for the NUMSUB subcommand, where N is the number of requested channels"))) { argv, session in
                .array(argv.dropFirst(2).flatMap { channel -> [RESPValue] in
                    [.bulk(channel), .integer(Int64(session.server.pubSub.subscriberCount(channel)))]
                })
            },
            CommandEntry(spec: CommandSpec("pubsub|numpat", arity: 2, flags: [.pubsub, .loading, .stale],
                                           summary: "Get the count of unique patterns pattern subscriptions", categories: [.pubsub], docs: CommandDocs(since: "2.8.0", group: .pubsub, complexity: "O(1)"))) { _, session in
                .integer(Int64(session.server.pubSub.patternCount))
            },
            CommandEntry(spec: CommandSpec("pubsub|help", arity: 2, flags: [.loading, .stale],
                                           summary: "Show helpful text about the different subcommands", categories: [], docs: CommandDocs(since: "6.2.0", group: .pubsub, complexity: "O(1)"))) { _, _ in
                .array([
                    "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                    "CHANNELS [<pattern>]", "    Return the currently active channels matching a <pattern> (default: '*').",
                    "NUMPAT", "    Return number of subscriptions to patterns.",
                    "NUMSUB [<channel> ...]", "    Return the number of subscribers for the specified channels, excluding",
                    "    pattern subscriptions(default: no channels).",
                    "HELP", "    Prints this help.",
                ].map { RESPValue.simpleString($0) })
            },
        ]),
    ]

    /// One confirmation per name, `[kind, name, subscriptions now]`, as push replies in RESP3;
    /// with no names at all (UNSUBSCRIBE when subscribed to nothing) one with a null name.
    private static func confirmEach(_ names: ArraySlice<[UInt8]>, kind: String, session: inout SessionState, emptyReply: Bool = false,
                                    change: ([UInt8], inout SessionState) -> Void) -> RESPValue {
        var replies: [RESPValue] = []
        for name in names {
            change(name, &session)
            replies.append(confirmation(kind, .bulk(name), session))
        }
        if replies.isEmpty && emptyReply { replies.append(confirmation(kind, .nullBulk, session)) }
        guard let first = replies.first else { return .nullBulk }
        session.followingReplies += replies.dropFirst()
        return first
    }

    private static func confirmation(_ kind: String, _ name: RESPValue, _ session: SessionState) -> RESPValue {
        let items: [RESPValue] = [.bulk(Array(kind.utf8)), name, .integer(Int64(session.channels.count + session.patterns.count))]
        return session.protocolVersion == .resp3 ? .push(items) : .array(items)
    }
}
