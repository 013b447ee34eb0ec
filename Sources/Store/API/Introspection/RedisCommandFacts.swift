// How Redis 7.0 describes a command (COMMAND DOCS and COMMAND INFO's descriptive parts), so
// the command table can describe Cairn's commands in Redis's exact words.
import RESP

/// Behaviour stays in each command's own spec (arity, flags, key range); the facts only
/// replace the description: summary, since/group/complexity, ACL categories, tips, key specs.
struct RedisCommandFacts: Sendable {
    let summary: String
    let docs: CommandDocs
    let categories: CommandCategories
    let tips: [String]
    let keySpecs: [KeySpec]

    /// `spec` described as Redis describes the command of that name, or unchanged when Redis
    /// 7.0 has no such command (CLIENT SETINFO).
    static func describe(_ spec: CommandSpec) -> CommandSpec {
        guard let facts = table[spec.name] else { return spec }
        return CommandSpec(spec.name, arity: spec.arity, flags: spec.flags, firstKey: spec.firstKey, lastKey: spec.lastKey,
                           keyStep: spec.keyStep, summary: facts.summary, categories: facts.categories, tips: facts.tips,
                           keySpecs: facts.keySpecs, keyFinder: spec.keyFinder, docs: facts.docs)
    }
}

extension CommandEntry {
    /// This entry and its subcommands described by Redis's facts.
    func describedAsRedisDoes() -> CommandEntry {
        var copy = self
        copy.spec = RedisCommandFacts.describe(spec)
        copy.subcommands = subcommands.mapValues { $0.describedAsRedisDoes() }
        return copy
    }
}
