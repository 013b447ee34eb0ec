// How a region applies a MULTI/EXEC block's entry: check the watches, then run every command.
import RESP

/// All of the block's writes go to one batch, so they land together or not at all; a command
/// sees the writes of the commands before it. A command's error is its element of the reply and
/// the rest still run, as in Redis. A watched key that changed makes the reply a null array and
/// runs nothing.
enum TransactionApply {
    /// - Parameters:
    ///   - applies: every write's apply (without this one: blocks do not nest).
    ///   - reads: every read command's handler by name.
    static func handler(applies: ApplyTable, reads: [String: ReadHandler]) -> ApplyHandler {
        { context in
            guard let block = TransactionEntry.decode(context.arguments) else { return .error("ERR malformed transaction entry") }
            for watch in block.watches where try !isUnchanged(watch, context) { return .nullArray }
            let blockEntry = context.entry
            defer { context.entry = blockEntry }
            var replies: [RESPValue] = []
            replies.reserveCapacity(block.steps.count)
            for step in block.steps {
                context.entry.arguments = step.arguments
                switch step.kind {
                case .write:
                    guard let apply = applies.handler(named: step.handler) else {
                        replies.append(.error("ERR unknown write entry '\(step.handler)'"))
                        continue
                    }
                    replies.append(try apply(&context))
                case .read:
                    guard let read = reads[step.handler] else {
                        replies.append(.error("ERR unknown read '\(step.handler)'"))
                        continue
                    }
                    replies.append(try read(step.arguments, context.readView))
                }
            }
            return .array(replies)
        }
    }

    /// Unchanged since WATCH: not written since, and not expired since (Redis 7.0 counts a
    /// watched key that expires as changed).
    private static func isUnchanged(_ watch: WatchedKey, _ context: ApplyContext) throws -> Bool {
        guard let modifications = context.modifications, modifications.isUnchanged(watch) else { return false }
        if watch.wasLive, try context.record(watch.key) == nil { return false }
        return true
    }
}

extension ApplyContext {
    /// What a read inside a block sees: the engine with this entry's pending writes over it.
    var readView: KeyspaceRead {
        var view = KeyspaceRead(engine: engine, nowMilliseconds: nowMilliseconds)
        view.pendingMeta = pending
        return view
    }
}
