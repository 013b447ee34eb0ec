// Encodes one log event as one line of JSON with the fields in DESIGN §4's order.

import Logging

enum JSONLogLine {
    /// `{"ts":…,"level":…,"node":…,"component":…,"msg":…, metadata…}` and a newline. Built by
    /// hand rather than with an encoder so the field order is fixed and numbers stay numbers.
    static func encode(
        timestamp: LogTimestamp, level: Logger.Level, node: String, component: String,
        message: String, metadata: Logger.Metadata
    ) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128 + message.utf8.count)
        bytes.append(UInt8(ascii: "{"))
        appendField("ts", .string(timestamp.rfc3339), to: &bytes, first: true)
        appendField("level", .string(level.rawValue), to: &bytes)
        appendField("node", .string(node), to: &bytes)
        appendField("component", .string(component), to: &bytes)
        appendField("msg", .string(message), to: &bytes)
        for field in LogMetadataFlattening.flattened(metadata) {
            appendField(field.key, field.value, to: &bytes)
        }
        bytes.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "\n")])
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendField(_ key: String, _ value: Logger.MetadataValue, to bytes: inout [UInt8], first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendValue(value, to: &bytes)
    }

    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        JSONEscaping.appendEscaped(text, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Strings stay strings; integers, finite floating-point numbers and booleans given as
    /// `.stringConvertible` become JSON numbers and booleans; arrays become arrays and a
    /// dictionary inside an array an object.
    private static func appendValue(_ value: Logger.MetadataValue, to bytes: inout [UInt8]) {
        switch value {
        case .string(let text):
            appendString(text, to: &bytes)
        case .stringConvertible(let convertible):
            if let literal = jsonLiteral(convertible) {
                bytes.append(contentsOf: Array(literal.utf8))
            } else {
                appendString(convertible.description, to: &bytes)
            }
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendValue(element, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary):
            bytes.append(UInt8(ascii: "{"))
            for (index, entry) in dictionary.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(entry.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                appendValue(entry.value, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// The JSON literal for a number or boolean, or nil to print the value as a string. NaN
    /// and infinities have no JSON form, so they print as strings.
    static func jsonLiteral(_ value: any CustomStringConvertible & Sendable) -> String? {
        if let boolean = value as? Bool {
            return boolean ? "true" : "false"
        }
        if let integer = value as? any BinaryInteger {
            return "\(integer)"
        }
        if let floatingPoint = value as? any BinaryFloatingPoint {
            return finiteDescription(floatingPoint)
        }
        return nil
    }

    private static func finiteDescription<Number: BinaryFloatingPoint>(_ number: Number) -> String? {
        number.isFinite ? "\(number)" : nil
    }
}
