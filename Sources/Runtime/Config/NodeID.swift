// The rules for a node id, shared by `node.id` and the ids in `pd.members`.

enum NodeID {
    static let expectation = "1–64 letters, digits, '.', '_' or '-'"

    /// Ids appear in `id@host:port`, in log lines and in file names, so they stay plain ASCII.
    static func isValid(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
    }
}
