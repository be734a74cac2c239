import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build at a time per output folder: two builds writing the same folder (or its build cache) would mix
/// their files. An flock(2) on a small file beside the output folder (`.Site.qanda-lock`), so the lock goes
/// away with the process however it ends, even killed; the file itself stays and is harmless.
package final class BuildLock {
    private let descriptor: Int32
    package let path: String

    /// Takes the lock, or throws at once (never waits) naming the process that holds it.
    package init(outputPath: String) throws {
        let url = URL(fileURLWithPath: outputPath).standardizedFileURL
        path = url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".qanda-lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError("cannot create \(path): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = String(decoding: FileBytes.read(path) ?? [], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw OutputError("another qanda build is writing \(url.path)" + (holder.isEmpty ? "" : " (process \(holder))")
                              + "; wait for it to finish, then build again")
        }
        ftruncate(descriptor, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
