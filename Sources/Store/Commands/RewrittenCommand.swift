// Commands whose normalize rewrites them as another command's entry, as Redis propagates them.
import RESP

/// An apply that takes the arguments of the entry it applies, so a rewritten command can hand
/// over its normalized arguments.
typealias ArgumentsApply = @Sendable (_ arguments: [[UInt8]], _ context: inout ApplyContext) throws -> RESPValue

enum RewrittenCommand {
    /// The entry of a rewritten command. Regions only ever receive the rewritten entry from
    /// this node, but an entry under the command's own name (proposed without normalizing) still
    /// applies the same way: it is normalized here with the entry's own time, so the result stays
    /// a function of the entry (DESIGN §6a).
    static func entry(spec: CommandSpec, normalize: @escaping NormalizeHandler, applyRewritten: @escaping ArgumentsApply) -> CommandEntry {
        let apply: ApplyHandler = { context in
            let arguments = context.arguments
            // Normalize may index the arguments its arity guarantees; the table checked that for
            // requests, so check it here for entries.
            guard spec.acceptsArgumentCount(arguments.count) else { return .error(CommandErrors.wrongArity(spec.name)) }
            switch normalize(arguments, NormalizeContext(nowMilliseconds: context.nowMilliseconds)) {
            case .reply(let reply): return reply
            case .entry(let rewritten): return try applyRewritten(rewritten, &context)
            }
        }
        return CommandEntry(spec: spec, data: .write(normalize: normalize, apply: apply))
    }
}
