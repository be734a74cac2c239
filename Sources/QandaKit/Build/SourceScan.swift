import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One fingerprint of every source a build reads (qanda.yml, Content/, Templates/): each file's path, size,
/// modification time and inode, from lstat(2) without opening anything. Equal fingerprints mean no source
/// changed, which lets `qanda build` stop in a fraction of a second when there is nothing to do.
public enum SourceScan {
    public static func fingerprint(siteFolder: String) async -> Fingerprint {
        var key = Fingerprint()
        key.add(entryKey(siteFolder + "/" + SiteConfigLoader.fileName, name: SiteConfigLoader.fileName))
        key.add(tree(siteFolder + "/" + TemplateSet.folderName))
        let content = siteFolder + "/Content"
        let top = DirectoryListing.entries(of: content) ?? []
        for entry in top {
            key.add(entry.name)
            if entry.name == "questions", entry.kind == .folder {
                // The one folder that grows with the site: its threads are scanned on all cores.
                let folders = DirectoryListing.entries(of: content + "/questions") ?? []
                let keys = await Parallel.map(folders) { folder -> Fingerprint in
                    var key = entryKey(content + "/questions/" + folder.name, name: folder.name)
                    if folder.kind == .folder { key.add(tree(content + "/questions/" + folder.name)) }
                    return key
                }
                for folderKey in keys { key.add(folderKey) }
            } else {
                key.add(entryKey(content + "/" + entry.name, name: entry.name))
                if entry.kind == .folder { key.add(tree(content + "/" + entry.name)) }
            }
        }
        return key
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

    private static func entryKey(_ path: String, name: String) -> Fingerprint {
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
