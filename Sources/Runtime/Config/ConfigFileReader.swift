// Reads a configuration file's bytes, turning every failure into a one-line ConfigError.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum ConfigFileReader {
    /// Far beyond any real configuration; a larger file is a mistake (a log, a database).
    static let maximumBytes = 4 << 20

    /// Plain POSIX reads so the error can say why, in the system's words: "No such file or
    /// directory", "Permission denied", "Is a directory".
    static func contents(ofFile path: String) throws(ConfigError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            guard bytes.count <= maximumBytes else {
                throw ConfigError(key: nil, detail: "cannot read config file \(path): larger than 4MiB")
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(key: nil, detail: "cannot read config file \(path): not valid UTF-8")
        }
        return text
    }

    private static func failure(_ path: String, _ code: Int32) -> ConfigError {
        ConfigError(key: nil, detail: "cannot read config file \(path): \(String(cString: strerror(code)))")
    }
}
