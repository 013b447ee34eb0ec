// TTL, PTTL, EXPIRETIME, PEXPIRETIME (Redis 7.0 `ttlGenericCommand`): reads against the read's time.
import RESP

enum TimeToLiveCommands {
    static let entries: [CommandEntry] = [
        entry("ttl", inMilliseconds: false, absolute: false, since: "1.0.0", summary: "Get the time to live for a key in seconds"),
        entry("pttl", inMilliseconds: true, absolute: false, since: "2.6.0", summary: "Get the time to live for a key in milliseconds"),
        entry("expiretime", inMilliseconds: false, absolute: true, since: "7.0.0", summary: "Get the expiration Unix timestamp for a key"),
        entry("pexpiretime", inMilliseconds: true, absolute: true, since: "7.0.0",
              summary: "Get the expiration Unix timestamp for a key in milliseconds"),
    ]

    private static func entry(_ name: String, inMilliseconds: Bool, absolute: Bool, since: String, summary: String) -> CommandEntry {
        // Redis marks only the relative forms nondeterministic: their answer depends on the clock.
        CommandEntry(spec: CommandSpec(name, arity: 2, flags: [.readonly, .fast], firstKey: 1, lastKey: 1, keyStep: 1, summary: summary,
                                       categories: [.keyspace], tips: absolute ? [] : ["nondeterministic_output"],
                                       keySpecs: [.single([.readOnly, .access])],
                                       docs: CommandDocs(since: since, group: .generic, complexity: "O(1)")),
                     data: .read { argv, data in
                         .integer(reply(for: try data.record(argv[1]), now: data.nowMilliseconds,
                                        inMilliseconds: inMilliseconds, absolute: absolute))
                     })
    }

    /// -2 for a missing key, -1 for a key without expiry, else the time left (or the expiry
    /// itself when `absolute`), never below 0; seconds are rounded to the nearest, as Redis's
    /// `(ttl+500)/1000` does — computed here so that the largest expiry cannot overflow.
    static func reply(for record: KeyRecord?, now: Int64, inMilliseconds: Bool, absolute: Bool) -> Int64 {
        guard let record else { return -2 }
        guard let expireAt = record.expireAtMilliseconds else { return -1 }
        let (left, overflow) = expireAt.subtractingReportingOverflow(now)
        // Only a clock before 1970 or a corrupt expiry could overflow; saturate rather than wrap.
        let remaining = overflow ? (now < 0 ? Int64.max : 0) : left
        let milliseconds = max(0, absolute ? expireAt : remaining)
        guard !inMilliseconds else { return milliseconds }
        return milliseconds / 1000 + (milliseconds % 1000 >= 500 ? 1 : 0)
    }
}
