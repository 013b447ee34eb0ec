// Splits an inline command line into arguments the way Redis's `sdssplitargs` does.

enum InlineArguments {
    /// The arguments of `line` (the line without its `\n` or `\r\n`), or nil when its quotes are
    /// unbalanced. Redis's rules, kept byte for byte because clients (telnet, scripts) rely on
    /// them:
    /// - blanks between arguments are C's `isspace` (space, `\t`, `\n`, `\v`, `\f`, `\r`), but an
    ///   unquoted argument ends only at space, `\t`, `\n`, `\r` or the end, so `a\vb` is one
    ///   argument;
    /// - a quote may open in the middle of an argument (`a"b c"` is `ab c`); a closing quote must
    ///   be followed by a blank or the end, otherwise the quotes count as unbalanced;
    /// - in double quotes: `\xHH` (two hex digits) is that byte, `\n \r \t \b \a` are the
    ///   control characters, and a backslash before any other byte is that byte (`\"`, `\\`,
    ///   `\q` → `q`); `\x` without two hex digits is `x`;
    /// - in single quotes only `\'` is an escape; other backslashes are kept;
    /// - `""` and `''` are empty arguments; a line of blanks has no arguments.
    /// A NUL byte ends the line as in C; the parser never passes one (its line search stops at
    /// NUL, as `strchr` does).
    static func split(_ line: ArraySlice<UInt8>) -> [[UInt8]]? {
        var arguments: [[UInt8]] = []
        var index = line.startIndex
        func byte(_ at: Int) -> UInt8 { at < line.endIndex ? line[at] : 0 }

        while true {
            while byte(index) != 0 && isSpace(byte(index)) { index += 1 }
            if byte(index) == 0 { return arguments }

            var current: [UInt8] = []
            var inDoubleQuotes = false
            var inSingleQuotes = false
            var done = false
            while !done {
                let here = byte(index)
                if inDoubleQuotes {
                    if here == backslash, byte(index + 1) == UInt8(ascii: "x"),
                       let high = hexValue(byte(index + 2)), let low = hexValue(byte(index + 3)) {
                        current.append(high << 4 | low)
                        index += 3
                    } else if here == backslash, byte(index + 1) != 0 {
                        index += 1
                        current.append(unescaped(byte(index)))
                    } else if here == doubleQuote {
                        if byte(index + 1) != 0 && !isSpace(byte(index + 1)) { return nil }
                        done = true
                    } else if here == 0 {
                        return nil
                    } else {
                        current.append(here)
                    }
                } else if inSingleQuotes {
                    if here == backslash, byte(index + 1) == singleQuote {
                        index += 1
                        current.append(singleQuote)
                    } else if here == singleQuote {
                        if byte(index + 1) != 0 && !isSpace(byte(index + 1)) { return nil }
                        done = true
                    } else if here == 0 {
                        return nil
                    } else {
                        current.append(here)
                    }
                } else {
                    switch here {
                    case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), 0:
                        done = true
                    case doubleQuote:
                        inDoubleQuotes = true
                    case singleQuote:
                        inSingleQuotes = true
                    default:
                        current.append(here)
                    }
                }
                if byte(index) != 0 { index += 1 }
            }
            arguments.append(current)
        }
    }

    private static let backslash = UInt8(ascii: "\\")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")

    /// C's `isspace` in the C locale.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func unescaped(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "n"): UInt8(ascii: "\n")
        case UInt8(ascii: "r"): UInt8(ascii: "\r")
        case UInt8(ascii: "t"): UInt8(ascii: "\t")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "a"): 0x07
        default: byte
        }
    }
}
