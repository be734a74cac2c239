#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the corpus's files with plain system calls (hundreds of thousands of small files: Foundation's
/// per-file overhead would be most of the run), under one root folder.
package struct FileTree: Sendable {
    package let root: String
    package private(set) var files = 0
    package private(set) var bytes = 0

    package init(root: String) { self.root = root }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Makes `relative` (and its parents, which must then be under `root`).
    package func folder(_ relative: String) throws {
        var path = root
        for part in relative.split(separator: "/") {
            path += "/" + part
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Self.failure("cannot make the folder", path) }
        }
    }

    package mutating func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure("cannot create", path) }
        defer { close(descriptor) }
        var text = text
        try text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { throw Self.failure("cannot write", path) }
                offset += written
            }
        }
        files += 1
        bytes += text.utf8.count
    }

    static func failure(_ what: String, _ path: String) -> Failure {
        Failure(description: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
