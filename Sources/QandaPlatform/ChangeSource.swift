/// Where a watcher learns that files changed below a folder: the kernel (`InotifyChangeSource`, Linux) or a scan
/// every interval (`PollingChangeSource`, anywhere). Paths are relative to the watched folder and limited to
/// `WatchedNames`; hidden names (editors' swap files) are left out, as the build leaves them out.
package protocol ChangeSource: AnyObject, Sendable {
    /// Readable (poll(2)) when changes may be waiting; nil when the source must be asked every `interval`.
    var descriptor: Int32? { get }
    var interval: Duration { get }
    /// Adds the paths changed since the last call to `changes`; true when something happened (a burst goes on).
    func collect(into changes: inout Set<String>) -> Bool
    /// The burst was reported: what it created and removed again is forgotten.
    func burstEnded()
    /// Problems met since the last call (watch limits...), each once.
    func takeProblems() -> [String]
}

/// What a site watcher looks at: these names in the site folder, and below the tree names every name `includes`
/// takes (by default, those not hidden).
package struct WatchedNames: Sendable {
    package var rootNames: Set<String>
    package var treeNames: Set<String>
    /// Whether `name`, in `folder` (relative to the watched folder), is watched.
    package var includes: @Sendable (_ name: String, _ folder: String) -> Bool

    package init(rootNames: Set<String>, treeNames: Set<String>,
                includes: @escaping @Sendable (_ name: String, _ folder: String) -> Bool = { name, _ in !isHidden(name) }) {
        self.rootNames = rootNames
        self.treeNames = treeNames
        self.includes = includes
    }

    package static func isHidden(_ name: String) -> Bool { name.utf8.first == UInt8(ascii: ".") }
}
