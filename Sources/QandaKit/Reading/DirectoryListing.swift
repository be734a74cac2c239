import Foundation
import QandaPlatform
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One folder's entries with their kinds, from readdir's d_type: no stat per file, which matters at 100,000 threads.
package struct DirectoryEntry: Sendable, Hashable {
    package enum Kind: Sendable { case file, folder, symlink, other }
    package var name: String
    package var kind: Kind
}

package enum DirectoryListing {
    /// Entries sorted by name (for determinism), without "." and "..". Nil when the folder cannot be opened.
    package static func entries(of path: String) -> [DirectoryEntry]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var kind: DirectoryEntry.Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = self.kind(of: path + "/" + name) ?? .other  // file systems without d_type
            default: kind = .other
            }
            result.append(DirectoryEntry(name: name, kind: kind))
        }
        return result.sorted { $0.name < $1.name }
    }

    package static func isFolder(_ path: String) -> Bool { kind(of: path) == .folder || resolvesToFolder(path) }

    private static func resolvesToFolder(_ path: String) -> Bool {
        FileStatus(path: path, followingLinks: true)?.kind == .folder
    }

    package static func kind(of path: String) -> DirectoryEntry.Kind? {
        switch FileStatus(path: path)?.kind {
        case nil: return nil
        case .file: return .file
        case .folder: return .folder
        case .symlink: return .symlink
        case .other: return .other
        }
    }

    /// Every file below `path` (relative paths with "/"), not following symlinks; symlinks are returned apart.
    static func filesRecursively(under path: String, prefix: String = "") -> (files: [String], symlinks: [String]) {
        var files: [String] = [], symlinks: [String] = []
        for entry in entries(of: path) ?? [] {
            let relative = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
            switch entry.kind {
            case .file: files.append(relative)
            case .folder:
                let nested = filesRecursively(under: path + "/" + entry.name, prefix: relative)
                files += nested.files
                symlinks += nested.symlinks
            case .symlink: symlinks.append(relative)
            case .other: break
            }
        }
        return (files, symlinks)
    }
}

/// Reading a whole file as bytes: straight into the array with `read(2)` (FileManager's Data, then a copy into an
/// array, was a tenth of loading). nil when the file cannot be opened or read.
enum FileBytes {
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        // One spare byte, so a file read whole is seen to end without growing the array.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += repeatElement(0, count: max(bytes.count, 4096)) }
            let got = bytes.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 { if errno == EINTR { continue } else { return nil } }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}

/// `read(2)`, under a name that FileBytes.read does not hide.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
