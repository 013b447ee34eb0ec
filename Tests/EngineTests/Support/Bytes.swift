// Shorthands for writing keys, values and entries in tests.

import Engine

/// The UTF-8 bytes of `text`.
func bytes(_ text: String) -> [UInt8] {
    Array(text.utf8)
}

/// An entry from UTF-8 text.
func entry(_ key: String, _ value: String) -> KeyValue {
    KeyValue(key: bytes(key), value: bytes(value))
}

/// An entry from raw bytes.
func entry(_ key: [UInt8], _ value: [UInt8]) -> KeyValue {
    KeyValue(key: key, value: value)
}
