#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves a finished file (or folder) to its name only when nothing has that name, in one step: renameat2(2) with
/// RENAME_NOREPLACE on Linux, renamex_np(2) with RENAME_EXCL on macOS. Where neither works (an old kernel, a file
/// system without them), a file is hard-linked to its name (link(2) fails when the name exists) and its temporary
/// name removed; a folder is renamed after a check that its name is free, the one step that can race.
package enum RenameWithoutReplacing {
    package enum Outcome: Equatable {
        case moved
        /// Something already has the name; the source is left where it was.
        case exists
        case failed(errno: Int32)
    }

    package static func move(_ source: String, to target: String) -> Outcome {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") {  // RTLD_DEFAULT
            let renameNoReplace: UInt32 = 1 << 0
            if unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, source, AT_FDCWD, target, renameNoReplace) == 0 { return .moved }
            let code = errno
            if code == EEXIST { return .exists }
            if code != EINVAL && code != ENOSYS && code != ENOTSUP { return .failed(errno: code) }
        }
        #elseif canImport(Darwin)
        if renamex_np(source, target, UInt32(RENAME_EXCL)) == 0 { return .moved }
        let code = errno
        if code == EEXIST { return .exists }
        if code != EINVAL && code != ENOTSUP { return .failed(errno: code) }
        #endif
        return fallback(source, to: target)
    }

    private static func fallback(_ source: String, to target: String) -> Outcome {
        var status = stat()
        guard lstat(source, &status) == 0 else { return .failed(errno: errno) }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            if lstat(target, &status) == 0 { return .exists }
            return rename(source, target) == 0 ? .moved : .failed(errno: errno)
        }
        if link(source, target) != 0 { return errno == EEXIST ? .exists : .failed(errno: errno) }
        unlink(source)
        return .moved
    }
}
