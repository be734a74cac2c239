#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What lstat(2) or stat(2) says of a file, read the same way everywhere: Linux names the times `st_mtim` and
/// `st_ctim`, macOS `st_mtimespec` and `st_ctimespec`.
package struct FileStatus: Sendable, Equatable {
    package enum Kind: Sendable { case file, folder, symlink, other }

    package var kind: Kind
    package var mode: Int
    package var inode: Int
    package var size: Int
    package var modified: (seconds: Int, nanoseconds: Int)
    package var changed: (seconds: Int, nanoseconds: Int)

    /// Nil when the file cannot be read (missing, no permission). Symbolic links are followed only when asked.
    package init?(path: String, followingLinks: Bool = false) {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .folder
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        mode = Int(info.st_mode)
        inode = Int(info.st_ino)
        size = Int(info.st_size)
        #if canImport(Darwin)
        modified = (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        changed = (Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec))
        #else
        modified = (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        changed = (Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec))
        #endif
    }

    package static func == (a: FileStatus, b: FileStatus) -> Bool {
        a.kind == b.kind && a.mode == b.mode && a.inode == b.inode && a.size == b.size
            && a.modified == b.modified && a.changed == b.changed
    }
}
