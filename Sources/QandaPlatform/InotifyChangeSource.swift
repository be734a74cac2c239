#if os(Linux)
import Foundation
import Glibc

/// Hears of changes from Linux inotify: one watch per folder (the watched folder itself and every folder below the
/// tree names, recursively). New folders get watches as they appear; folders moved away lose theirs. Nothing is
/// scanned after the start.
package final class InotifyChangeSource: ChangeSource, @unchecked Sendable {  // used by the watch thread only
    package let interval: Duration = .seconds(3600)
    package var descriptor: Int32? { inotify }
    private let inotify: Int32
    private let folder: String
    private let names: WatchedNames
    /// Watch descriptor -> folder (relative to the watched folder, "" for the watched folder itself).
    private var folders: [Int32: String] = [:]
    /// What the current burst created: created and removed again within one burst (an editor's temporary file,
    /// `sed -i`'s) is no change at all.
    private var created: Set<String> = []
    private var problems: [String] = []
    private var warnedLimit = false

    private static let folderMask: UInt32 = UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)

    /// Sets up every watch before returning, so nothing changed after `init` is missed. Throws a readable reason
    /// when inotify is not there or the folder cannot be watched.
    package init(folder: String, names: WatchedNames) throws {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw ChangeSourceError("inotify_init1: \(String(cString: strerror(errno)))") }
        inotify = descriptor
        self.folder = folder
        self.names = names
        let wd = inotify_add_watch(descriptor, folder, Self.folderMask)
        guard wd >= 0 else { throw ChangeSourceError("\(folder): \(String(cString: strerror(errno)))") }  // deinit closes
        folders[wd] = ""
        for name in names.treeNames.sorted() { watchTree(name) }
    }

    deinit { close(inotify) }

    package func collect(into changes: inout Set<String>) -> Bool {
        var read = false
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(inotify, buffer.baseAddress, buffer.count)
            if count <= 0 { break }
            read = true
            handle(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), into: &changes)
        }
        return read && (!changes.isEmpty || !created.isEmpty)
    }

    package func burstEnded() { created.removeAll() }

    package func takeProblems() -> [String] {
        defer { problems.removeAll() }
        return problems
    }

    /// Watches `relative` and every folder below it that `names` includes (not following symbolic links).
    private func watchTree(_ relative: String) {
        var stack = [relative]
        while let current = stack.popLast() {
            let path = folder + "/" + current
            guard FileStatus(path: path)?.kind == .folder else { continue }
            let wd = inotify_add_watch(inotify, path, Self.folderMask)
            if wd < 0 {
                let code = errno
                if code == ENOSPC {
                    if !warnedLimit {
                        warnedLimit = true
                        problems.append("too many folders to watch (inotify limit); changes in some folders will not rebuild. "
                                        + "Raise it with: sysctl fs.inotify.max_user_watches=524288, or use --poll")
                    }
                } else if code != ENOENT {
                    problems.append("cannot watch \(current): \(String(cString: strerror(code)))")
                }
                continue
            }
            folders[wd] = current
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in entries where names.includes(name, current) {
                if FileStatus(path: path + "/" + name)?.kind == .folder { stack.append(current + "/" + name) }
            }
        }
    }

    /// Stops watching `relative` and every folder below it (moved away or deleted).
    private func unwatchTree(_ relative: String) {
        for (wd, watched) in folders where watched == relative || watched.hasPrefix(relative + "/") {
            inotify_rm_watch(inotify, wd)
            folders[wd] = nil
        }
    }

    /// Reads the events in `bytes` (whole `struct inotify_event`s), adjusts the watches and adds the changed paths.
    private func handle(_ bytes: UnsafeRawBufferPointer, into changes: inout Set<String>) {
        let headerSize = 16  // wd, mask, cookie, len; then len bytes of NUL-padded name
        var offset = 0
        while offset + headerSize <= bytes.count {
            let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = bytes[(offset + headerSize)..<min(bytes.count, offset + headerSize + length)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + length
            handle(wd: wd, mask: mask, name: name, into: &changes)
        }
    }

    private func handle(wd: Int32, mask: UInt32, name: String, into changes: inout Set<String>) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: watch everything again (inotify gives the same descriptor for a folder already
            // watched) and rebuild.
            for tree in names.treeNames.sorted() { watchTree(tree) }
            changes.insert("(many files)")
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[wd] = nil
            return
        }
        guard let watched = folders[wd] else { return }
        if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
            if !watched.isEmpty { changes.insert(watched) }
            return
        }
        guard !name.isEmpty, names.includes(name, watched) else { return }
        if watched.isEmpty && !names.rootNames.contains(name) { return }
        let path = watched.isEmpty ? name : watched + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                if !watched.isEmpty || names.treeNames.contains(name) { watchTree(path) }
            } else if mask & (UInt32(IN_MOVED_FROM) | UInt32(IN_DELETE)) != 0 {
                unwatchTree(path)
            }
        }
        if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0, !changes.contains(path) {
            created.insert(path)
        } else if mask & (UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)) != 0, created.contains(path) {
            created.remove(path)
            changes.remove(path)
            return
        }
        changes.insert(path)
    }
}
#endif
