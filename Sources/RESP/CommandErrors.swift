// The error texts Redis 7.0 gives for commands it cannot run as sent, built in one place.

public enum CommandErrors {
    /// `ERR unknown command 'foo', with args beginning with: 'a' 'b' ` — Redis lists the
    /// arguments until the list reaches 128 bytes, each cut to what is left of those 128.
    public static func unknownCommand(_ argv: [[UInt8]]) -> String {
        let name = cString(argv.first ?? [], limit: 128)
        var args: [UInt8] = []
        var index = 1
        while index < argv.count, args.count < 128 {
            args += [UInt8(ascii: "'")] + cString(argv[index], limit: 128 - args.count) + [UInt8(ascii: "'"), UInt8(ascii: " ")]
            index += 1
        }
        return sanitized("ERR unknown command '" + String(decoding: name, as: UTF8.self)
            + "', with args beginning with: " + String(decoding: args, as: UTF8.self))
    }

    /// `ERR unknown subcommand 'foo'. Try CLIENT HELP.`
    public static func unknownSubcommand(_ name: [UInt8], container: String) -> String {
        sanitized("ERR unknown subcommand '" + String(decoding: cString(name, limit: 128), as: UTF8.self)
            + "'. Try " + container.uppercased() + " HELP.")
    }

    /// `ERR unknown subcommand or wrong number of arguments for 'GET'. Try SLOWLOG HELP.`: a
    /// subcommand's own argument check (`addReplySubcommandSyntaxError`), with the name as sent.
    public static func subcommandSyntax(_ name: [UInt8], container: String) -> String {
        sanitized("ERR unknown subcommand or wrong number of arguments for '" + String(decoding: cString(name, limit: 128), as: UTF8.self)
            + "'. Try " + container.uppercased() + " HELP.")
    }

    public static func wrongArity(_ name: String) -> String {
        "ERR wrong number of arguments for '\(name)' command"
    }

    /// `ERR Unsupported option foo` (the EXPIRE family's options): the option as C's `%s`
    /// prints it, up to a NUL.
    public static func unsupportedOption(_ option: [UInt8]) -> String {
        sanitized("ERR Unsupported option " + String(decoding: cString(option, limit: option.count), as: UTF8.self))
    }

    /// C's `%.Ns`: stops at the first NUL and after `limit` bytes.
    private static func cString(_ bytes: [UInt8], limit: Int) -> [UInt8] {
        let upToNul = bytes.prefix { $0 != 0 }
        return Array(upToNul.prefix(max(0, limit)))
    }

    /// Redis replaces CR and LF in error replies with spaces so the reply stays one line.
    private static func sanitized(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 == 13 || $0 == 10 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
}
