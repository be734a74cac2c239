import Foundation

/// The file of the running executable. On Linux, `/proc/self/exe` reads the running image itself, even when the
/// file at its path has been replaced since it started; elsewhere, the path Foundation reports.
package enum ExecutableImage {
    /// A path that opens the running executable; nil when it cannot be told.
    package static var readablePath: String? {
        #if os(Linux)
        return "/proc/self/exe"
        #else
        return Bundle.main.executablePath
        #endif
    }

    /// Where the executable lies, symbolic links resolved.
    package static var location: String? {
        #if os(Linux)
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        #endif
        return Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }
}
