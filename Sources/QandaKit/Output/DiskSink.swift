import Foundation
import QandaPlatform
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a build into a fresh folder beside the output folder, then swaps it in, so readers and an interrupted
/// build only ever see a complete site. A file whose bytes did not change is hard-linked from the previous site
/// rather than written again: its modification time stays, so uploads stay small.
package final class DiskSink: OutputSink {
    package let outputPath: String
    package let stagingPath: String
    private let state = Mutex(State())

    private let folders: FolderMaker

    struct State {
        var written = 0
        var unchanged = 0
        var bytesWritten = 0
        var paths: Set<String> = []
    }

    package struct Statistics: Sendable {
        package var filesWritten: Int
        package var filesUnchanged: Int
        package var bytesWritten: Int
        package var total: Int { filesWritten + filesUnchanged }
    }

    /// Prefix of the temporary folders beside the output; left-overs of killed builds are removed by the next one.
    static func stagingPrefix(for outputPath: String) -> String {
        let url = URL(fileURLWithPath: outputPath)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".qanda-"
    }

    package init(outputPath: String) throws {
        self.outputPath = URL(fileURLWithPath: outputPath).standardizedFileURL.path
        Self.removeLeftovers(of: self.outputPath)
        stagingPath = Self.stagingPrefix(for: self.outputPath) + "new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        if let kind = DirectoryListing.kind(of: self.outputPath), kind != .folder {
            throw OutputError("\(self.outputPath) exists and is not a folder; choose another --output")
        }
        guard mkdir(stagingPath, 0o755) == 0 else {
            throw OutputError("cannot create a folder beside \(self.outputPath): \(String(cString: strerror(errno)))")
        }
        folders = FolderMaker(root: stagingPath)
    }

    package var statistics: Statistics {
        state.withLock { Statistics(filesWritten: $0.written, filesUnchanged: $0.unchanged, bytesWritten: $0.bytesWritten) }
    }

    package func write(_ bytes: [UInt8], to path: String) throws {
        guard OutputPath.isSafe(path) else { throw OutputError.unsafePath("refusing to write outside the output folder: \(path)") }
        let isNew = state.withLock { $0.paths.insert(path).inserted }
        guard isNew else { throw OutputError.unsafePath("two outputs want the same file: \(path)") }
        try folders.makeParents(of: path)
        let target = stagingPath + "/" + path
        let previous = outputPath + "/" + path
        if Self.fileHasBytes(previous, bytes), link(previous, target) == 0 {
            state.withLock { $0.unchanged += 1 }
            return
        }
        try Self.writeFile(target, bytes)
        state.withLock {
            $0.written += 1
            $0.bytesWritten += bytes.count
        }
    }

    package func keep(_ path: String) -> Bool {
        guard OutputPath.isSafe(path), (try? folders.makeParents(of: path)) != nil else { return false }
        guard link(outputPath + "/" + path, stagingPath + "/" + path) == 0 else { return false }
        let isNew = state.withLock { state in
            defer { state.unchanged += 1 }
            return state.paths.insert(path).inserted
        }
        return isNew
    }

    package func copy(from sourcePath: String, to path: String) throws {
        guard let bytes = FileBytes.read(sourcePath) else { throw OutputError("cannot read \(sourcePath)") }
        try write(bytes, to: path)
    }

    /// Puts the new site in place of the old one and deletes the old one.
    package func commit() throws {
        if DirectoryListing.kind(of: outputPath) == .folder {
            // renameat2(RENAME_EXCHANGE) swaps both folders in one step: there is no moment without a site.
            let exchanged = FolderExchange.exchange(stagingPath, outputPath)
            if !exchanged {
                let old = Self.stagingPrefix(for: outputPath) + "old-\(getpid())"
                guard rename(outputPath, old) == 0 else { throw OutputError("cannot replace \(outputPath): \(String(cString: strerror(errno)))") }
                guard rename(stagingPath, outputPath) == 0 else {
                    _ = rename(old, outputPath)
                    throw OutputError("cannot put the new site in place: \(String(cString: strerror(errno)))")
                }
                try? FileManager.default.removeItem(atPath: old)
                return
            }
            try? FileManager.default.removeItem(atPath: stagingPath)  // now holds the previous site
        } else {
            guard rename(stagingPath, outputPath) == 0 else {
                throw OutputError("cannot create \(outputPath): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Removes the unfinished folder after a failed build; the previous site stays as it was.
    package func abandon() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try writeAll(descriptor, bytes, path: path)
    }

    /// write(2) until every byte is written (it may write less than asked).
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { SystemWrite.some(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += count
        }
    }

    static func fileHasBytes(_ path: String, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        return FileBytes.read(path) == bytes
    }

    private static func removeLeftovers(of outputPath: String) {
        let prefix = stagingPrefix(for: outputPath)
        let parent = URL(fileURLWithPath: outputPath).deletingLastPathComponent().path
        let namePrefix = String(prefix.dropFirst(parent.count + 1))
        for entry in DirectoryListing.entries(of: parent) ?? [] where entry.kind == .folder && entry.name.hasPrefix(namePrefix) {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry.name)
        }
    }
}
