// INFO [section …]: Redis's sections and field names where they apply, plus a `cairn` section.
import Glibc
import RESP

public enum InfoCommand {
    /// Every section in the order Redis prints them (whatever order they were asked in), with
    /// its title; `cairn` last.
    static let sections: [(name: String, title: String)] = [
        ("server", "Server"), ("clients", "Clients"), ("memory", "Memory"), ("persistence", "Persistence"), ("stats", "Stats"),
        ("replication", "Replication"), ("cpu", "CPU"), ("modules", "Modules"), ("commandstats", "Commandstats"),
        ("errorstats", "Errorstats"), ("latencystats", "Latencystats"), ("cluster", "Cluster"), ("keyspace", "Keyspace"),
        ("cairn", "Cairn"),
    ]
    /// What INFO prints without arguments (and for `default`); `all` adds the rest.
    static let defaultSections: Set<String> = ["server", "clients", "memory", "persistence", "stats", "replication", "cpu", "modules",
                                               "errorstats", "cluster", "keyspace", "cairn"]

    public static func entry(server: ServerContext) -> CommandEntry {
        CommandEntry(spec: CommandSpec("info", arity: -1, flags: [.loading, .stale], summary: "Get information and statistics about the server", categories: [.dangerous], docs: CommandDocs(since: "1.0.0", group: .server, complexity: "O(1)")),
                     data: .keyspace { argv, keyspace in await info(argv, server: server, keyspace: keyspace) })
    }

    static func info(_ argv: [[UInt8]], server: ServerContext, keyspace: Keyspace) async -> RESPValue {
        var wanted: Set<String> = []
        for argument in argv.dropFirst() {
            switch String(decoding: argument, as: UTF8.self).lowercased() {
            case "default": wanted.formUnion(defaultSections)
            case "all", "everything": wanted.formUnion(sections.map(\.name))
            case let section: wanted.insert(section)
            }
        }
        if wanted.isEmpty { wanted = defaultSections }
        var blocks: [String] = []
        for (name, title) in sections where wanted.contains(name) {
            guard let fields = await section(name, server: server, keyspace: keyspace) else { continue }
            blocks.append("# \(title)\r\n" + fields.map { "\($0.0):\($0.1)\r\n" }.joined())
        }
        return .verbatim(format: "txt", text: Array(blocks.joined(separator: "\r\n").utf8))
    }

    private static func section(_ name: String, server: ServerContext, keyspace: Keyspace) async -> [(String, String)]? {
        let facts = server.facts
        switch name {
        case "server":
            let uptime = server.uptime.components.seconds
            return [
                ("redis_version", "7.0.0"), ("cairn_version", facts.version), ("redis_git_sha1", "00000000"), ("redis_git_dirty", "0"),
                ("redis_build_id", "0"), ("redis_mode", "standalone"), ("os", "Linux"), ("arch_bits", "64"),
                ("monotonic_clock", "POSIX clock_gettime"), ("multiplexing_api", "epoll"), ("process_id", "\(facts.processID)"),
                ("process_supervised", "no"), ("run_id", runID(facts.nodeID)), ("tcp_port", "\(server.tcpPort)"),
                ("server_time_usec", "\(keyspace.nowMicroseconds)"), ("uptime_in_seconds", "\(uptime)"),
                ("uptime_in_days", "\(uptime / 86400)"), ("hz", "10"), ("configured_hz", "10"), ("executable", ""),
                ("config_file", facts.configFile), ("io_threads_active", "0"),
            ]
        case "clients":
            let clients = server.clients.all.map(\.snapshot)
            return [
                ("connected_clients", "\(server.clients.connectedCount)"), ("cluster_connections", "0"),
                ("maxclients", "\(server.clients.maxClients)"),
                ("client_recent_max_input_buffer", "\(clients.map(\.queryBufferBytes).max() ?? 0)"),
                ("client_recent_max_output_buffer", "\(clients.map(\.outputBufferBytes).max() ?? 0)"),
                ("blocked_clients", "\(keyspace.server.blockedClients.count)"), ("tracking_clients", "0"),
                ("clients_in_timeout_table", "\(keyspace.server.blockedClients.countWithTimeout)"),
            ]
        case "memory":
            let resident = residentBytes()
            return [
                ("used_memory", "\(resident)"), ("used_memory_human", human(resident)), ("used_memory_rss", "\(resident)"),
                ("used_memory_rss_human", human(resident)), ("maxmemory", "0"), ("maxmemory_human", "0B"),
                ("maxmemory_policy", "noeviction"), ("mem_allocator", "libc"),
            ]
        case "persistence":
            return [
                ("loading", "0"), ("async_loading", "0"), ("rdb_changes_since_last_save", "0"), ("rdb_bgsave_in_progress", "0"),
                ("rdb_last_save_time", "\(server.lastSave.load(ordering: .relaxed))"), ("rdb_last_bgsave_status", "ok"),
                ("aof_enabled", "1"), ("aof_rewrite_in_progress", "0"), ("aof_last_write_status", "ok"),
                ("cairn_storage_sync", facts.syncAlways ? "always" : "none"),
            ]
        case "stats":
            let stats = server.stats
            let errors = stats.snapshot.values.reduce(Int64(0)) { $0 &+ $1.failedCalls &+ $1.rejectedCalls }
            return [
                ("total_connections_received", "\(stats.totalConnectionsReceived)"),
                ("total_commands_processed", "\(stats.totalCommandsProcessed)"), ("instantaneous_ops_per_sec", "0"),
                ("rejected_connections", "\(stats.totalRejectedConnections)"), ("expired_keys", "\(server.expiry.expiredKeys)"),
                ("expired_stale_perc", format2(server.expiry.stalePercent)),
                ("expired_time_cap_reached_count", "\(server.expiry.timeCapReachedCount)"),
                ("expire_cycle_cpu_milliseconds", "\(server.expiry.cycleMilliseconds)"), ("evicted_keys", "0"),
                ("keyspace_hits", "0"), ("keyspace_misses", "0"),
                ("pubsub_channels", "\(server.pubSub.channels(matching: nil).count)"),
                ("pubsub_patterns", "\(server.pubSub.patternCount)"), ("total_error_replies", "\(errors)"),
            ]
        case "replication":
            return [
                ("role", "master"), ("connected_slaves", "0"), ("master_failover_state", "no-failover"),
                ("master_replid", runID(facts.nodeID + "/replication")), ("master_replid2", String(repeating: "0", count: 40)),
                ("master_repl_offset", "0"), ("second_repl_offset", "-1"), ("repl_backlog_active", "0"),
                ("repl_backlog_size", "1048576"), ("repl_backlog_first_byte_offset", "0"), ("repl_backlog_histlen", "0"),
            ]
        case "cpu":
            var usage = rusage()
            getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
            let seconds = { (time: timeval) in format6(Double(time.tv_sec) + Double(time.tv_usec) / 1e6) }
            return [
                ("used_cpu_sys", seconds(usage.ru_stime)), ("used_cpu_user", seconds(usage.ru_utime)),
                ("used_cpu_sys_children", "0.000000"), ("used_cpu_user_children", "0.000000"),
            ]
        case "modules", "errorstats", "latencystats":
            return []
        case "cluster":
            return [("cluster_enabled", "0")]
        case "keyspace":
            var keys = 0, expiring = 0
            for region in keyspace.regions {
                guard case .success(let counts) = await keyspace.counts(of: region) else { continue }
                keys += counts.keys
                expiring += counts.expiring
            }
            return keys > 0 ? [("db0", "keys=\(keys),expires=\(expiring),avg_ttl=0")] : []
        case "commandstats":
            return server.stats.snapshot.sorted { $0.key < $1.key }.map { name, entry in
                let perCall = entry.calls > 0 ? Double(entry.microseconds) / Double(entry.calls) : 0
                return ("cmdstat_\(name)", "calls=\(entry.calls),usec=\(entry.microseconds),usec_per_call=\(format2(perCall)),"
                            + "rejected_calls=\(entry.rejectedCalls),failed_calls=\(entry.failedCalls)")
            }
        case "cairn":
            var failed = 0
            for region in keyspace.regions where keyspace.isFailed(region) { failed += 1 }
            return [
                ("cairn_node_id", facts.nodeID), ("cairn_regions", "\(keyspace.regions.count)"), ("cairn_regions_failed", "\(failed)"),
                ("cairn_loops", "\(facts.loops)"), ("cairn_data_dir", facts.dataDirectory),
                // DESIGN §11: reply batches checked against the WAL sync as they left, and how
                // many a sync did not cover yet (0 unless sync-before-ack is broken).
                ("cairn_audited_acks", "\(keyspace.server.acknowledgements.auditedCount)"),
                ("cairn_unsynced_acks", "\(keyspace.server.acknowledgements.unsyncedCount)"),
            ]
        default:
            return nil
        }
    }

    /// A stable 40-hex-digit id derived from the node id (Redis's run_id has this shape).
    static func runID(_ seed: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var digits = ""
        for round in 0..<3 {
            for byte in seed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ UInt64(round)) &* 0x100_0000_01b3
            digits += String(hash, radix: 16).leftPadded(to: 16)
        }
        return String(digits.prefix(40))
    }

    private static func residentBytes() -> Int {
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var size = 0, resident = 0
        guard withUnsafeMutablePointer(to: &size, { sizePointer in
            withUnsafeMutablePointer(to: &resident) { residentPointer in
                vfscanf_pair(file, sizePointer, residentPointer)
            }
        }) else { return 0 }
        return resident &* Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    private static func vfscanf_pair(_ file: UnsafeMutablePointer<FILE>, _ first: UnsafeMutablePointer<Int>, _ second: UnsafeMutablePointer<Int>) -> Bool {
        var buffer = [CChar](repeating: 0, count: 128)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return false }
        let fields = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: " ")
        guard fields.count >= 2, let size = Int(fields[0]), let resident = Int(fields[1]) else { return false }
        first.pointee = size
        second.pointee = resident
        return true
    }

    static func human(_ bytes: Int) -> String {
        let units = ["B", "K", "M", "G", "T"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes)B" : format2(value) + units[unit]
    }

    static func format2(_ value: Double) -> String { fixed(value, decimals: 2) }
    static func format6(_ value: Double) -> String { fixed(value, decimals: 6) }

    /// `%.Nf` for the non-negative values INFO prints.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled.isFinite, scaled >= 0, scaled < 9e18 else { return "0" }
        let whole = UInt64(scaled)
        let divisor = UInt64(scale)
        let fraction = String(whole % divisor)
        return "\(whole / divisor)." + String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
