import Foundation
import QandaKit
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Watches a site's sources with Linux inotify: `qanda.yml`, `Content/` (every folder, recursively) and
/// `Templates/`. New folders get watches as they appear; folders moved away lose theirs. Nothing is polled: one
/// thread sleeps in `poll(2)` on the inotify descriptor.
///
/// Changes come in bursts (an editor's save is several events, a `git checkout` hundreds), so they are collected
/// until the sources have been quiet for `quietPeriod` (at most `maximumDelay` after the first one), then
/// reported as one signal on `signals`; `takeChanges()` returns the paths changed since the last call.
/// Hidden files (names starting with a dot, as editors' swap files) are ignored, as the build ignores them.
public final class FileWatcher: Sendable {
    public enum WatchError: Error, CustomStringConvertible {
        case unavailable(String)
        public var description: String {
            switch self { case .unavailable(let reason): return "cannot watch the site for changes: \(reason)" }
        }
    }

    /// One element per burst of changes; at most one is kept waiting.
    public let signals: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    private let pending = Mutex<Set<String>>([])
    /// Problems met while watching (too many folders for the inotify limit...), for the terminal.
    private let problemList = Mutex<[String]>([])
    private let inotify: Int32
    private let wake: Int32
    private let wakeWriter: Int32

    /// Sets up every watch before returning, so nothing changed after `init` is missed.
    public init(siteFolder: String, quietPeriod: Duration = .milliseconds(50), maximumDelay: Duration = .seconds(1)) throws {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError.unavailable("inotify_init1: \(String(cString: strerror(errno)))") }
        // A pipe wakes the thread up for `stop()`: the thread polls its read end, `stop()` writes to the other.
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            close(descriptor)
            throw WatchError.unavailable("pipe: \(String(cString: strerror(errno)))")
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        var tree = WatchTree(descriptor: descriptor, siteFolder: Self.absolute(siteFolder))
        guard tree.watchRoot() else {
            let reason = String(cString: strerror(errno))
            for end in [descriptor] + pipeEnds { close(end) }
            throw WatchError.unavailable("\(siteFolder): \(reason)")
        }
        tree.watchTree("Content")
        tree.watchTree("Templates")

        // Only now, with nothing left to fail, the descriptors belong to the watcher (and to deinit).
        inotify = descriptor
        wake = pipeEnds[0]
        wakeWriter = pipeEnds[1]
        (signals, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        problemList.withLock { $0 = tree.problems }
        tree.problems = []

        let quiet = Int32(clamping: quietPeriod.components.seconds * 1000 + quietPeriod.components.attoseconds / 1_000_000_000_000_000)
        let maximum = maximumDelay
        let thread = Thread { [self, tree] in
            var tree = tree
            self.loop(tree: &tree, quietMilliseconds: max(1, quiet), maximumDelay: maximum)
        }
        thread.name = "qanda-watch"
        thread.start()
    }

    /// The paths (relative to the site folder) changed since the last call, sorted.
    public func takeChanges() -> [String] {
        pending.withLock { paths in
            defer { paths.removeAll() }
            return paths.sorted()
        }
    }

    /// Problems met so far (each reported once).
    public func takeProblems() -> [String] {
        problemList.withLock { problems in
            defer { problems.removeAll() }
            return problems
        }
    }

    /// Stops the thread; `signals` ends. Safe to call more than once.
    public func stop() {
        var byte: UInt8 = 1
        _ = Glibc.write(wakeWriter, &byte, 1)
    }

    deinit {
        // The thread holds `self` until it ends, so by now it has closed nothing and stopped: close here.
        close(inotify)
        close(wake)
        close(wakeWriter)
    }

    private func loop(tree: inout WatchTree, quietMilliseconds: Int32, maximumDelay: Duration) {
        var descriptors = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        var collected = Set<String>()
        var created = Set<String>()
        var firstChange: ContinuousClock.Instant?
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer {
            buffer.deallocate()
            continuation.finish()
        }
        while true {
            // Sleep until an event comes; during a burst, only until the sources have been quiet long enough.
            let timeout: Int32 = firstChange == nil ? -1 : quietMilliseconds
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                problemList.withLock { $0.append("poll: \(String(cString: strerror(errno)))") }
                return
            }
            if descriptors[1].revents != 0 { return }
            if ready > 0, descriptors[0].revents != 0 {
                while true {
                    let count = read(inotify, buffer.baseAddress, buffer.count)
                    if count <= 0 { break }
                    tree.handle(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), into: &collected, created: &created)
                }
                if !tree.problems.isEmpty {
                    let problems = tree.problems
                    tree.problems = []
                    problemList.withLock { $0.append(contentsOf: problems) }
                }
                if firstChange == nil, !collected.isEmpty || !created.isEmpty { firstChange = .now }
                // Keep collecting while the burst goes on, but not for ever.
                if let first = firstChange, ContinuousClock.now - first < maximumDelay { continue }
            }
            // The burst is over (quiet, or long enough): report it, unless it changed nothing that stays.
            guard firstChange != nil else { continue }
            created.removeAll()
            firstChange = nil
            guard !collected.isEmpty else { continue }
            pending.withLock { $0.formUnion(collected) }
            collected.removeAll()
            continuation.yield()
        }
    }

    private static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.standardizedFileURL.path
    }
}

/// The watches: descriptor -> folder (relative to the site folder, "" for the site folder itself).
private struct WatchTree: Sendable {
    let descriptor: Int32
    let siteFolder: String
    var folders: [Int32: String] = [:]
    var problems: [String] = []
    private var warnedLimit = false

    init(descriptor: Int32, siteFolder: String) {
        self.descriptor = descriptor
        self.siteFolder = siteFolder
    }

    static let folderMask: UInt32 = UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)
    /// The names in the site folder that matter; anything else there (Site/, .git/) is not watched.
    static let rootNames: Set<String> = ["qanda.yml", "Content", "Templates"]
    static let treeNames: Set<String> = ["Content", "Templates"]

    mutating func watchRoot() -> Bool {
        let wd = inotify_add_watch(descriptor, siteFolder, Self.folderMask)
        guard wd >= 0 else { return false }
        folders[wd] = ""
        return true
    }

    /// Hidden names are not sources, except in Content/static/, which publishes `.well-known/` and the like.
    static func isWatched(_ name: String, in folder: String) -> Bool {
        guard folder == RootFile.folder || folder.hasPrefix(RootFile.folder + "/") else { return !name.hasPrefix(".") }
        return RootFile.isPublished(name: name)
    }

    /// Watches `relative` and every folder below it (not following symbolic links; hidden folders skipped but
    /// in Content/static/).
    mutating func watchTree(_ relative: String) {
        var stack = [relative]
        while let folder = stack.popLast() {
            let path = siteFolder + "/" + folder
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            let wd = inotify_add_watch(descriptor, path, Self.folderMask)
            if wd < 0 {
                let code = errno
                if code == ENOSPC {
                    if !warnedLimit {
                        warnedLimit = true
                        problems.append("too many folders to watch (inotify limit); changes in some folders will not rebuild. "
                                        + "Raise it with: sysctl fs.inotify.max_user_watches=524288")
                    }
                } else if code != ENOENT {
                    problems.append("cannot watch \(folder): \(String(cString: strerror(code)))")
                }
                continue
            }
            folders[wd] = folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names where Self.isWatched(name, in: folder) {
                var child = stat()
                if lstat(path + "/" + name, &child) == 0, (child.st_mode & S_IFMT) == S_IFDIR {
                    stack.append(folder + "/" + name)
                }
            }
        }
    }

    /// Stops watching `relative` and every folder below it (moved away or deleted).
    mutating func unwatchTree(_ relative: String) {
        for (wd, folder) in folders where folder == relative || folder.hasPrefix(relative + "/") {
            inotify_rm_watch(descriptor, wd)
            folders[wd] = nil
        }
    }

    /// Reads the events in `bytes` (whole `struct inotify_event`s), adjusts the watches and adds the changed
    /// paths to `changes`. A file created and removed (or renamed away) within the same burst, as an editor's
    /// temporary file or `sed -i`'s, is no change at all: `created` remembers what the burst created.
    mutating func handle(_ bytes: UnsafeRawBufferPointer, into changes: inout Set<String>, created: inout Set<String>) {
        let headerSize = 16  // wd, mask, cookie, len; then len bytes of NUL-padded name
        var offset = 0
        while offset + headerSize <= bytes.count {
            let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = bytes[(offset + headerSize)..<min(bytes.count, offset + headerSize + length)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + length
            handle(wd: wd, mask: mask, name: name, into: &changes, created: &created)
        }
    }

    private mutating func handle(wd: Int32, mask: UInt32, name: String, into changes: inout Set<String>,
                                 created: inout Set<String>) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: watch everything again (inotify gives the same descriptor for a folder already
            // watched) and rebuild.
            watchTree("Content")
            watchTree("Templates")
            changes.insert("(many files)")
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[wd] = nil
            return
        }
        guard let folder = folders[wd] else { return }
        if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
            if !folder.isEmpty { changes.insert(folder) }
            return
        }
        guard !name.isEmpty, Self.isWatched(name, in: folder) else { return }
        if folder.isEmpty && !Self.rootNames.contains(name) { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        if isFolder {
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                if !folder.isEmpty || Self.treeNames.contains(name) { watchTree(path) }
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
