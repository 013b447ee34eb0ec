// JSON string escaping, shared by the log handler and by messages that quote outside text.

enum JSONEscaping {
    /// `text` as the inside of a JSON string literal (no surrounding quotes).
    static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Non-ASCII text passes through as UTF-8 so it stays readable. Besides what JSON requires
    /// (quote, backslash, C0 controls) DEL and U+2028/U+2029 are escaped too: terminals and
    /// some JavaScript readers treat them as control or line-ending characters.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])        // \"
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])        // \\
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])        // \n
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])        // \r
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])        // \t
            case 0x00..<0x20, 0x7F, 0x2028, 0x2029:
                appendUnicodeEscape(scalar.value, to: &bytes)
            default:
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
    }

    private static func appendUnicodeEscape(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: [0x5C, 0x75])                        // \u
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hexDigits[Int((value >> UInt32(shift)) & 0x0F)])
        }
    }
}

extension JSONEscaping {
    /// For text meant to be read as-is (a text log message): only characters that would break
    /// the line or the terminal are escaped; quotes and backslashes stay as written.
    static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscapeInText) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscapeInText(scalar) {
                appendEscaped(String(scalar), to: &bytes)
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscapeInText(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
