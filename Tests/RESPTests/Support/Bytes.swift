// Shorthands that let tests write protocol bytes and commands as string literals.

/// The UTF-8 bytes of `text`; `\u{…}` escapes above 0x7F are not single bytes, so tests that
/// need raw high bytes build arrays instead.
func bytes(_ text: String) -> [UInt8] {
    Array(text.utf8)
}

/// A command as the parser returns it, from readable arguments.
func command(_ arguments: String...) -> [[UInt8]] {
    arguments.map { Array($0.utf8) }
}

/// The multibulk request a client library sends for `arguments`.
func multibulk(_ arguments: [[UInt8]]) -> [UInt8] {
    var request = Array("*\(arguments.count)\r\n".utf8)
    for argument in arguments {
        request += Array("$\(argument.count)\r\n".utf8) + argument + Array("\r\n".utf8)
    }
    return request
}

/// Bytes shown the way `redis-cli` would quote them, for readable failure messages.
func printable(_ bytes: some Sequence<UInt8>) -> String {
    var text = "\""
    for byte in bytes {
        switch byte {
        case UInt8(ascii: "\r"): text += "\\r"
        case UInt8(ascii: "\n"): text += "\\n"
        case UInt8(ascii: "\t"): text += "\\t"
        case UInt8(ascii: "\""): text += "\\\""
        case UInt8(ascii: "\\"): text += "\\\\"
        case 0x20..<0x7F: text.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = String(byte, radix: 16)
            text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
    return text + "\""
}
