import Foundation
import QandaPlatform
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fingerprints of every source a build reads (qanda.yml, Content/, Templates/, i18n/): each file's path, size,
/// modification and change times and inode, from lstat(2) without opening anything. An equal `total` means no
/// source changed, which lets `qanda build` stop in a fraction of a second when there is nothing to do; the
/// parts say which thread folders, authors or pages to read again when something did.
package struct SourceScan: Sendable {
    package internal(set) var total = Fingerprint()
    /// Per folder of Content/questions/.
    var threads: [String: Fingerprint] = [:]
    var authors = Fingerprint()
    var pages = Fingerprint()
    /// Per thread folder that holds only files: what the next scan may take instead of listing it again.
    var listings: [String: FolderListing] = [:]
    /// Content/questions/'s entries, sorted; nil when it is not a folder.
    var questionEntries: [DirectoryEntry]?

    /// A thread folder's file names, kept with the folder's inode and times. While those stay the same, no entry
    /// was added, removed or renamed, so the next scan stats the files without listing the folder: listing
    /// 10,000 small folders took 0.2 s of CPU on ext4, a quarter of a one-edit build. Kept only when the times
    /// were `settleSeconds` old at the scan: a change within the same clock tick as the scan would leave the
    /// times equal.
    struct FolderListing: Sendable, Equatable {
        var stamp: [Int]
        var names: [String]

        static func stamp(_ info: FileStatus) -> [Int] {
            [info.inode, info.modified.seconds, info.modified.nanoseconds, info.changed.seconds, info.changed.nanoseconds]
        }
    }

    static let settleSeconds = 2

    /// - Parameter cache: the last build's cache, whose listings spare listing unchanged thread folders.
    package static func scan(siteFolder: String, after cache: BuildCache? = nil) async -> SourceScan {
        let now = Int(time(nil))
        var result = SourceScan()
        var key = Fingerprint()
        key.add(entryKey(siteFolder + "/" + SiteConfigLoader.fileName, name: SiteConfigLoader.fileName))
        key.add(tree(siteFolder + "/" + TemplateSet.folderName))
        key.add(tree(siteFolder + "/" + LocalizationLoader.folderName))
        let content = siteFolder + "/Content"
        for entry in DirectoryListing.entries(of: content) ?? [] {
            key.add(entry.name)
            if entry.name == "questions", entry.kind == .folder {
                // The one folder that grows with the site: its threads are scanned on all cores.
                let folders = DirectoryListing.entries(of: content + "/questions") ?? []
                let earlier = await cache?.listings ?? [:]
                let scanned = await Parallel.map(folders) { folder -> (Fingerprint, FolderListing?) in
                    let path = content + "/questions/" + folder.name
                    var info: FileStatus?
                    var key = entryKey(path, name: folder.name, info: &info)
                    guard folder.kind == .folder, let info else { return (key, nil) }
                    let stamp = FolderListing.stamp(info)
                    if let known = earlier[folder.name], known.stamp == stamp {
                        key.add(tree(path, entries: known.names.map { DirectoryEntry(name: $0, kind: .file) }))
                        return (key, known)
                    }
                    let entries = DirectoryListing.entries(of: path) ?? []
                    key.add(tree(path, entries: entries))
                    let settled = max(info.modified.seconds, info.changed.seconds) + settleSeconds <= now
                    let filesOnly = entries.allSatisfy { $0.kind == .file }
                    return (key, settled && filesOnly ? FolderListing(stamp: stamp, names: entries.map(\.name)) : nil)
                }
                result.questionEntries = folders
                result.threads.reserveCapacity(folders.count)
                result.listings.reserveCapacity(folders.count)
                for (folder, (folderKey, listing)) in zip(folders, scanned) {
                    key.add(folderKey)
                    result.threads[folder.name] = folderKey
                    result.listings[folder.name] = listing
                }
            } else {
                var part = entryKey(content + "/" + entry.name, name: entry.name)
                if entry.kind == .folder { part.add(tree(content + "/" + entry.name)) }
                key.add(part)
                if entry.name == "authors" { result.authors = part }
                if entry.name == "pages" { result.pages = part }
            }
        }
        result.total = key
        return result
    }

    /// The source paths that differ from `earlier`, as the loader takes them (`SiteLoader.load(reusing:)`).
    func changes(since earlier: SourceScan, siteFolder: String) -> SourceChanges {
        var paths: [String] = []
        for (folder, key) in threads where earlier.threads[folder] != key { paths.append("Content/questions/" + folder) }
        for folder in earlier.threads.keys where threads[folder] == nil { paths.append("Content/questions/" + folder) }
        for (part, now, before) in [("authors", authors, earlier.authors), ("pages", pages, earlier.pages)] where now != before {
            // Few files: all of them are read again.
            for entry in DirectoryListing.entries(of: siteFolder + "/Content/" + part) ?? [] { paths.append("Content/\(part)/\(entry.name)") }
        }
        return SourceChanges(paths, questionEntries: questionEntries)
    }

    /// Every entry below `path`, depth first, in name order.
    private static func tree(_ path: String, entries: [DirectoryEntry]? = nil) -> Fingerprint {
        var key = Fingerprint()
        for entry in entries ?? DirectoryListing.entries(of: path) ?? [] {
            key.add(entryKey(path + "/" + entry.name, name: entry.name))
            if entry.kind == .folder { key.add(tree(path + "/" + entry.name)) }
        }
        return key
    }

    /// The name, and what lstat(2) says of the file: type, inode, and (not for folders) size and times.
    static func entryKey(_ path: String, name: String) -> Fingerprint {
        var info: FileStatus?
        return entryKey(path, name: name, info: &info)
    }

    /// The same, leaving what lstat(2) said in `info`.
    private static func entryKey(_ path: String, name: String, info: inout FileStatus?) -> Fingerprint {
        var key = Fingerprint()
        key.add(name)
        info = FileStatus(path: path)
        guard let info else { return key }
        key.add(info.mode)
        key.add(info.inode)
        if info.kind != .folder {  // a folder's times change with its entries, which are listed anyway
            key.add(info.size)
            key.add(info.modified.seconds)
            key.add(info.modified.nanoseconds)
            key.add(info.changed.seconds)
            key.add(info.changed.nanoseconds)
        }
        // A link in Content/static/ is published as the file it leads to: that file's changes count too.
        if info.kind == .symlink, let target = FileStatus(path: path, followingLinks: true) {
            key.add(target.inode)
            key.add(target.size)
            key.add(target.modified.seconds)
            key.add(target.modified.nanoseconds)
            key.add(target.changed.seconds)
            key.add(target.changed.nanoseconds)
        }
        return key
    }
}
