import Synchronization

/// Keeps every file in memory: for tests and the preview server.
package final class MemorySink: OutputSink {
    private let storage = Mutex<[String: [UInt8]]>([:])
    private let keepable: @Sendable (String) -> Bool
    private let keptStorage = Mutex<[String]>([])

    /// - Parameter keepable: whether the caller still holds the previous build's file at a path: a build may
    ///   keep such files instead of writing them (they are then listed in `keptPaths`, not in `files`).
    package init(keepable: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.keepable = keepable
    }

    package func keep(_ path: String) -> Bool {
        guard keepable(path) else { return false }
        keptStorage.withLock { $0.append(path) }
        return true
    }

    package var keptPaths: [String] { keptStorage.withLock { $0 } }

    package func write(_ bytes: [UInt8], to path: String) throws {
        guard OutputPath.isSafe(path) else { throw OutputError.unsafePath("refusing to write outside the output folder: \(path)") }
        let duplicate = storage.withLock { files -> Bool in
            if files[path] != nil { return true }
            files[path] = bytes
            return false
        }
        if duplicate { throw OutputError.unsafePath("two outputs want the same file: \(path)") }
    }

    package func copy(from sourcePath: String, to path: String) throws {
        guard let bytes = FileBytes.read(sourcePath) else { throw OutputError("cannot read \(sourcePath)") }
        try write(bytes, to: path)
    }

    package var files: [String: [UInt8]] { storage.withLock { $0 } }

    package func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }
}
