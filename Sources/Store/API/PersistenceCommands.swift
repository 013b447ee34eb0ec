// SAVE and BGSAVE: make everything written so far durable (Cairn has no snapshot file to write).
import RESP

public enum PersistenceCommands {
    public static func entries(server: ServerContext) -> [CommandEntry] {
        [
            CommandEntry(spec: CommandSpec("save", arity: 1, flags: [.admin, .noscript], summary: "Synchronously save the dataset to disk", categories: [.admin, .dangerous], docs: CommandDocs(since: "1.0.0", group: .server, complexity: "O(N) where N is the total number of keys in all databases")),
                         data: .keyspace { _, keyspace in
                             // The reply waits for the WAL sync covering every write before it.
                             keyspace.coverEverythingWritten()
                             server.lastSave.store(keyspace.nowMilliseconds / 1000, ordering: .relaxed)
                             return .simpleString("OK")
                         }),
            CommandEntry(spec: CommandSpec("bgsave", arity: -1, flags: [.admin, .noscript], summary: "Asynchronously save the dataset to disk", categories: [.admin, .dangerous], docs: CommandDocs(since: "1.0.0", group: .server, complexity: "O(1)")),
                         data: .keyspace { argv, keyspace in
                             if argv.count > 2 || (argv.count == 2 && String(decoding: argv[1], as: UTF8.self).lowercased() != "schedule") {
                                 return .error("ERR syntax error")
                             }
                             keyspace.coverEverythingWritten()
                             server.lastSave.store(keyspace.nowMilliseconds / 1000, ordering: .relaxed)
                             return .simpleString("Background saving started")
                         }),
        ]
    }
}
