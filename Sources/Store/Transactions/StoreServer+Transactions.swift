// WATCH and EXEC in the store: a block becomes one entry proposed to its slot's region.
import RESP

/// One command of a MULTI block as EXEC hands it to the store: already answered (a session
/// command, or an error), or a data command still to run.
enum TransactionItem: Sendable {
    case answered(RESPValue)
    case data(DataCommand, CommandSpec, [[UInt8]])
}

extension StoreServer {
    /// WATCH: how each key is now in its region. The keys must share a slot (Redis Cluster).
    func watch(_ keys: [[UInt8]]) async -> Result<[WatchedKey], RESPError> {
        guard case .slot(let slot) = KeySlots.of(keys: keys) else { return .failure(RESPError(KeySlots.crossSlotError)) }
        let id = directory.layout.region(forSlot: slot).id
        guard let region = await directory.region(id: id) else { return .failure(RESPError(RegionDirectory.unavailable(id))) }
        do {
            return .success(try await region.watch(keys, nowMilliseconds: clock.nowMilliseconds()))
        } catch {
            return .failure(RESPError(.error("ERR storage error in region \(id): \(error)")))
        }
    }

    /// EXEC: normalizes every command at one moment, then proposes the block, with its watches,
    /// as one entry to the region owning its keys' slot. The reply is one element per command,
    /// or a null array when a watched key changed.
    func execute(transaction items: [TransactionItem], watching watches: [WatchedKey]) async -> AppliedCommand {
        let nowMicroseconds = clock.nowMicroseconds()
        let context = NormalizeContext(nowMilliseconds: nowMicroseconds / 1000)
        var replies = [RESPValue](repeating: .nullBulk, count: items.count)
        var steps: [(position: Int, step: TransactionEntry.Step)] = []
        var spanning: [(position: Int, handler: KeyspaceHandler, argv: [[UInt8]])] = []
        var keys = watches.map(\.key)
        for (position, item) in items.enumerated() {
            switch item {
            case .answered(let reply):
                replies[position] = reply
            case .data(let command, let spec, let argv):
                keys += TransactionForm.keys(of: command, spec: spec, argv)
                switch TransactionForm.of(command, spec: spec) {
                case .read(let handler):
                    steps.append((position, TransactionEntry.Step(kind: .read, handler: handler, arguments: argv)))
                case .write(let normalize):
                    switch normalize?(argv, context) ?? .entry(argv) {
                    case .reply(let reply): replies[position] = reply
                    case .entry(let normalized):
                        let name = normalized.first.map { String(decoding: $0, as: UTF8.self).lowercased() } ?? ""
                        steps.append((position, TransactionEntry.Step(kind: .write, handler: name, arguments: normalized)))
                    }
                case .spanning(let handler):
                    spanning.append((position, handler, argv))
                }
            }
        }
        switch KeySlots.of(keys: keys) {
        case .crossSlot:
            return AppliedCommand(reply: KeySlots.crossSlotError, sequence: 0)
        case .noKeys:
            // Nothing to make atomic: keyspace-wide commands run as they would alone.
            let keyspace = Keyspace(server: self, nowMicroseconds: nowMicroseconds)
            for command in spanning { replies[command.position] = await command.handler(command.argv, keyspace) }
            for step in steps { replies[step.position] = .error("ERR '\(step.step.handler)' names no key") }
            return AppliedCommand(reply: .array(replies), sequence: keyspace.highestSequence)
        case .slot(let slot):
            // A command over every region cannot join one region's entry (DESIGN §5).
            guard spanning.isEmpty else { return AppliedCommand(reply: KeySlots.crossSlotError, sequence: 0) }
            let entry = TransactionEntry(watches: watches, steps: steps.map(\.step))
            let applied = await propose(slot: slot, arguments: entry.arguments, nowMicroseconds: nowMicroseconds)
            guard case .array(let stepReplies) = applied.reply else { return applied }
            guard stepReplies.count == steps.count else {
                return AppliedCommand(reply: .error("ERR transaction reply has \(stepReplies.count) elements for \(steps.count) commands"),
                                      sequence: applied.sequence)
            }
            for (step, reply) in zip(steps, stepReplies) { replies[step.position] = reply }
            return AppliedCommand(reply: .array(replies), sequence: applied.sequence)
        }
    }
}
