#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swaps two paths in one step, so that a reader sees one or the other and never neither: renameat2(2) with
/// RENAME_EXCHANGE on Linux, renamex_np(2) with RENAME_SWAP on macOS. Returns false where the system or the file
/// system cannot; the caller then falls back to two plain renames.
package enum FolderExchange {
    package static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        // Looked up at run time: Swift's Glibc module does not declare it, and old kernels lack it.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }  // RTLD_DEFAULT
        let renameExchange: UInt32 = 1 << 1
        return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }
}
