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

    /// Unchanged since WATCH, as Redis 7.0 decides: a key live then must not have expired or
    /// been written since; a key already expired then that is still gone did not change (its
    /// deletion is no change); any other key must not have been written since.
    private static func isUnchanged(_ watch: WatchedKey, _ context: ApplyContext) throws -> Bool {
        guard let modifications = context.modifications else { return false }
        let isLive = try context.record(watch.key) != nil
        if watch.wasLive && !isLive { return false }
        if watch.existed && !watch.wasLive && !isLive { return true }
        return modifications.isUnchanged(watch)
    }
}

extension ApplyContext {
    /// What a read inside a block sees: the engine with this entry's pending writes over it.
    var readView: KeyspaceRead {
        var view = KeyspaceRead(engine: engine, nowMilliseconds: nowMilliseconds)
        view.pendingMeta = pending
        view.pendingMembers = pendingMembers
        return view
    }
}
