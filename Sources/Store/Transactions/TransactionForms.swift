// How each queued data command runs inside a MULTI/EXEC block's entry.
import RESP

/// Single-slot reads and writes run as they are, and so do the commands whose keys a numkeys
/// argument counts (LMPOP, ZMPOP, SINTERCARD, ZUNION…). The fan-out commands (DEL, UNLINK, EXISTS,
/// TOUCH, MGET) run as their one-slot form, since a block's keys share one slot anyway. Other
/// keyspace-wide commands (FLUSHALL, DBSIZE, KEYS, SCAN, RANDOMKEY) span every region and
/// cannot be part of one region's entry.
enum TransactionForm {
    /// Runs the read handler registered under this name.
    case read(handler: String)
    /// Normalized (nil: the request as it is); the result's first word names its apply.
    case write(normalize: NormalizeHandler?)
    case spanning(KeyspaceHandler)

    static func of(_ command: DataCommand, spec: CommandSpec) -> TransactionForm {
        switch command {
        case .read: return .read(handler: spec.name)
        case .write(let normalize, _): return .write(normalize: normalize)
        // In a block nothing waits: an empty source is the pop's null reply (Redis 7.0).
        case .blocking: return .write(normalize: nil)
        case .keyspace(let handler):
            // A command whose keys come from numkeys reads from, or proposes itself to, its
            // keys' slot, so in a block it is that read or write.
            if let counted = countedKeys[spec.name] { return counted.read == nil ? .write(normalize: nil) : .read(handler: spec.name) }
            if ["del", "unlink"].contains(spec.name) { return .write(normalize: { argv, _ in .entry([Array("del".utf8)] + argv.dropFirst()) }) }
            if fanOutReads[spec.name] != nil { return .read(handler: spec.name) }
            return .spanning(handler)
        }
    }

    /// The keys a queued command names: its key range, those its numkeys counts (none when
    /// its arguments are wrong: the command then answers its own error inside the block), or
    /// what a blocking command's request names.
    static func keys(of command: DataCommand, spec: CommandSpec, _ argv: [[UInt8]]) -> [[UInt8]] {
        if case .blocking(let form) = command {
            // A request its apply will refuse still names its keys for the block's slot.
            guard case .success(let request) = form.parse(argv) else { return spec.keyIndexes(in: argv).map { argv[$0] } }
            return request.allKeys
        }
        guard let counted = countedKeys[spec.name] else { return spec.keyIndexes(argumentCount: argv.count).map { argv[$0] } }
        return counted.keys(argv)
    }

    /// A keyspace command whose keys are counted by a numkeys argument: how to find them, and
    /// its one-slot read (nil: it is a write, applied by the entry named as the command).
    struct CountedKeys: Sendable {
        let keys: @Sendable ([[UInt8]]) -> [[UInt8]]
        let read: ReadHandler?
    }

    static let countedKeys: [String: CountedKeys] = {
        var table: [String: CountedKeys] = [
            "lmpop": CountedKeys(keys: { argv in (try? ListMultiPopCommand.parse(argv).get())?.keys ?? [] }, read: nil),
            "zmpop": CountedKeys(keys: { argv in (try? SortedSetMultiPopCommand.parse(argv).get())?.keys ?? [] }, read: nil),
            "sintercard": CountedKeys(keys: { argv in (try? SetCardinalityCommand.parse(argv).get())?.keys ?? [] },
                                      read: SetCardinalityCommand.read),
        ]
        for name in ["zunionstore", "zinterstore", "zdiffstore"] {
            table[name] = CountedKeys(keys: { argv in
                (try? SortedSetAlgebraCommands.sources(argv, numberIndex: 2).get()).map { [argv[1]] + $0 } ?? []
            }, read: nil)
        }
        for (name, read) in SortedSetAlgebraCommands.reads {
            table[name] = CountedKeys(keys: { argv in (try? SortedSetAlgebraCommands.sources(argv, numberIndex: 1).get()) ?? [] }, read: read)
        }
        return table
    }()

    /// The one-slot reads of the fan-out read commands, by name.
    static let fanOutReads: [String: ReadHandler] = [
        "exists": KeyCommands.countExisting, "touch": KeyCommands.countExisting, "mget": StringCommands.readValues,
    ]
}

extension CommandTable {
    /// Every read a block may run, by name: the read commands and the fan-out reads' one-slot forms.
    var transactionReads: [String: ReadHandler] {
        var reads = TransactionForm.fanOutReads.merging(TransactionForm.countedKeys.compactMapValues(\.read)) { fanOut, _ in fanOut }
        for spec in specs {
            guard let entry = entry(named: spec.name) else { continue }
            for command in [entry] + Array(entry.subcommands.values) {
                if case .read(let handler) = command.data { reads[command.spec.name] = handler }
            }
        }
        return reads
    }
}
