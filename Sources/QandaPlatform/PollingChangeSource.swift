import Foundation

/// Finds changes by looking: every `interval`, lstat(2) of every watched file, compared with the last look. Works
/// on every system and file system (network mounts and containers' bind mounts, where inotify hears nothing), at
/// the cost of a scan per interval: about 0.1 s of CPU per 10,000 questions.
package final class PollingChangeSource: ChangeSource, @unchecked Sendable {  // used by the watch thread only
    package let descriptor: Int32? = nil
    package let interval: Duration
    private let folder: String
    private let names: WatchedNames
    private var known: [String: FileStatus]

    package init(folder: String, names: WatchedNames, interval: Duration = .milliseconds(500)) {
        self.folder = folder
        self.names = names
        self.interval = interval
        known = [:]
        known = scan()
    }

    package func collect(into changes: inout Set<String>) -> Bool {
        let now = scan()
        var found = false
        for (path, status) in now where known[path] != status {
            changes.insert(path)
            found = true
        }
        for path in known.keys where now[path] == nil {
            changes.insert(path)
            found = true
        }
        known = now
        return found
    }

    package func burstEnded() {}
    package func takeProblems() -> [String] { [] }

    /// Every watched path with what lstat(2) says of it; folders are listed, symbolic links not followed.
    private func scan() -> [String: FileStatus] {
        var result: [String: FileStatus] = [:]
        var stack: [String] = []
        for name in names.rootNames {
            guard let status = FileStatus(path: folder + "/" + name) else { continue }
            result[name] = status
            if status.kind == .folder, names.treeNames.contains(name) { stack.append(name) }
        }
        while let relative = stack.popLast() {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + relative)) ?? []
            for name in entries where names.includes(name, relative) {
                let path = relative + "/" + name
                guard var status = FileStatus(path: folder + "/" + path) else { continue }
                if status.kind == .folder {
                    stack.append(path)
                    // A folder's times change with its entries, which are compared one by one anyway.
                    status.modified = (0, 0)
                    status.changed = (0, 0)
                }
                result[path] = status
            }
        }
        return result
    }
}
