// The data directory's stamp `<data-dir>/CAIRN`: format version, node id, cluster id (DESIGN §6).
import Foundation
import Glibc

/// Written once, atomically, the first time a node starts on an empty directory; checked on
/// every later start, so a node never opens another node's data, or data laid out by a
/// format it does not read. A small text file, so an operator can read it:
///
///     format-version: 1
///     node-id: n1
///     cluster-id: 3f6c0e1a9b2d4c8e7a1f0b3d5c7e9a2b
public struct DataDirectoryStamp: Sendable, Equatable {
    /// The on-disk layout this build reads and writes: raise it when the layout changes.
    public static let currentFormatVersion = 1
    public static let fileName = "CAIRN"

    public let formatVersion: Int
    public let nodeID: String
    /// Chosen at random when the stamp is first written.
    public let clusterID: String

    public init(formatVersion: Int, nodeID: String, clusterID: String) {
        self.formatVersion = formatVersion
        self.nodeID = nodeID
        self.clusterID = clusterID
    }

    /// The stamp of `directory` (which must exist and be locked): checked against this build
    /// and `nodeID` when present, written when the directory holds no data yet.
    public static func verifyOrCreate(directory: String, nodeID: String) throws(RuntimeError) -> DataDirectoryStamp {
        let path = (directory as NSString).appendingPathComponent(fileName)
        if FileManager.default.fileExists(atPath: path) {
            let stamp = try read(path)
            try stamp.check(directory: directory, nodeID: nodeID)
            return stamp
        }
        let database = (directory as NSString).appendingPathComponent("db")
        if FileManager.default.fileExists(atPath: database) {
            throw RuntimeError(operation: "use data directory", target: directory,
                               detail: "it holds a database (db/) but no \(fileName) stamp; it was not written by this node")
        }
        let stamp = DataDirectoryStamp(formatVersion: currentFormatVersion, nodeID: nodeID, clusterID: randomClusterID())
        try AtomicFile.write(Array(stamp.text.utf8), to: path)
        return stamp
    }

    private func check(directory: String, nodeID: String) throws(RuntimeError) {
        guard formatVersion == Self.currentFormatVersion else {
            throw RuntimeError(operation: "use data directory", target: directory,
                               detail: "its \(Self.fileName) stamp has format version \(formatVersion), "
                                   + "this cairn reads format version \(Self.currentFormatVersion)")
        }
        guard self.nodeID == nodeID else {
            throw RuntimeError(operation: "use data directory", target: directory,
                               detail: "it belongs to node \(self.nodeID), not \(nodeID) (\(Self.fileName) stamp)")
        }
    }

    /// The file's contents.
    public var text: String {
        "format-version: \(formatVersion)\nnode-id: \(nodeID)\ncluster-id: \(clusterID)\n"
    }

    /// Parses the file's contents; the caller names the file in any error.
    public static func parse(_ text: String) -> Result<DataDirectoryStamp, StampProblem> {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { return .failure(.malformedLine(String(line))) }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields[key] = value
        }
        guard let versionText = fields["format-version"] else { return .failure(.missing("format-version")) }
        guard let version = Int(versionText) else { return .failure(.badVersion(versionText)) }
        guard let node = fields["node-id"], !node.isEmpty else { return .failure(.missing("node-id")) }
        guard let cluster = fields["cluster-id"], !cluster.isEmpty else { return .failure(.missing("cluster-id")) }
        return .success(DataDirectoryStamp(formatVersion: version, nodeID: node, clusterID: cluster))
    }

    public enum StampProblem: Error, Equatable, CustomStringConvertible {
        case malformedLine(String)
        case missing(String)
        case badVersion(String)

        public var description: String {
            switch self {
            case .malformedLine(let line): "malformed line \"\(line.prefix(60))\""
            case .missing(let key): "no \(key)"
            case .badVersion(let text): "format-version \"\(text.prefix(20))\" is not a number"
            }
        }
    }

    private static func read(_ path: String) throws(RuntimeError) -> DataDirectoryStamp {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RuntimeError(operation: "read stamp", target: path, detail: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuntimeError(operation: "read stamp", target: path, detail: "it is not text; not a Cairn data directory?")
        }
        switch parse(text) {
        case .success(let stamp): return stamp
        case .failure(let problem):
            throw RuntimeError(operation: "read stamp", target: path, detail: "\(problem); not a Cairn data directory?")
        }
    }

    private static func randomClusterID() -> String {
        var generator = SystemRandomNumberGenerator()
        let halves = [generator.next(), generator.next()] as [UInt64]
        return halves.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
