import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Fingerprints of every source a build reads (qanda.yml, Content/, Templates/): each file's path, size,
/// modification and change times and inode, from lstat(2) without opening anything. An equal `total` means no
/// source changed, which lets `qanda build` stop in a fraction of a second when there is nothing to do; the
/// parts say which thread folders, authors or pages to read again when something did.
public struct SourceScan: Sendable, Codable {
    public internal(set) var total = Fingerprint()
    /// Per folder of Content/questions/.
    var threads: [String: Fingerprint] = [:]
    var authors = Fingerprint()
    var pages = Fingerprint()

    public static func scan(siteFolder: String) async -> SourceScan {
        var result = SourceScan()
        var key = Fingerprint()
        key.add(entryKey(siteFolder + "/" + SiteConfigLoader.fileName, name: SiteConfigLoader.fileName))
        key.add(tree(siteFolder + "/" + TemplateSet.folderName))
        let content = siteFolder + "/Content"
        for entry in DirectoryListing.entries(of: content) ?? [] {
            key.add(entry.name)
            if entry.name == "questions", entry.kind == .folder {
                // The one folder that grows with the site: its threads are scanned on all cores.
                let folders = DirectoryListing.entries(of: content + "/questions") ?? []
                let keys = await Parallel.map(folders) { folder -> Fingerprint in
                    var key = entryKey(content + "/questions/" + folder.name, name: folder.name)
                    if folder.kind == .folder { key.add(tree(content + "/questions/" + folder.name)) }
                    return key
                }
                for (folder, folderKey) in zip(folders, keys) {
                    key.add(folderKey)
                    result.threads[folder.name] = folderKey
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
        return SourceChanges(paths)
    }

    /// Every entry below `path`, depth first, in name order.
    private static func tree(_ path: String) -> Fingerprint {
        var key = Fingerprint()
        for entry in DirectoryListing.entries(of: path) ?? [] {
            key.add(entryKey(path + "/" + entry.name, name: entry.name))
            if entry.kind == .folder { key.add(tree(path + "/" + entry.name)) }
        }
        return key
    }

    /// The name, and what lstat(2) says of the file: type, inode, and (not for folders) size and times.
    static func entryKey(_ path: String, name: String) -> Fingerprint {
        var key = Fingerprint()
        key.add(name)
        var info = stat()
        guard lstat(path, &info) == 0 else { return key }
        key.add(Int(info.st_mode))
        key.add(Int(info.st_ino))
        if (info.st_mode & S_IFMT) != S_IFDIR {  // a folder's times change with its entries, which are listed anyway
            key.add(Int(info.st_size))
            key.add(Int(info.st_mtim.tv_sec))
            key.add(Int(info.st_mtim.tv_nsec))
            key.add(Int(info.st_ctim.tv_sec))
            key.add(Int(info.st_ctim.tv_nsec))
        }
        return key
    }
}
