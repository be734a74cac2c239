/// A path inside the output folder. Every file a build writes goes through this check, so no slug, alias or
/// attachment name can put a file outside the output folder.
public enum OutputPath {
    /// Relative, no empty, "." or ".." segment, no backslash or NUL. One pass over the bytes: every file of a
    /// build is checked, and splitting the path into Character segments was 1% of a clean build.
    public static func isSafe(_ path: String) -> Bool {
        var segmentLength = 0, dots = 0
        func segmentIsSafe() -> Bool { segmentLength > 0 && !(segmentLength == dots && dots <= 2) }
        for byte in path.utf8 {
            switch byte {
            case 0, UInt8(ascii: "\\"): return false
            case UInt8(ascii: "/"):
                guard segmentIsSafe() else { return false }
                segmentLength = 0
                dots = 0
            case UInt8(ascii: "."):
                segmentLength += 1
                dots += 1
            default:
                segmentLength += 1
            }
        }
        return segmentIsSafe()
    }
}

public struct OutputError: Error, CustomStringConvertible {
    public var description: String
    /// A path the build refuses (outside the output, or wanted twice): a problem in the content. Otherwise the
    /// system refused a write (a full disk, permissions).
    public var isUnsafePath = false
    public init(_ description: String) { self.description = description }

    static func unsafePath(_ description: String) -> OutputError {
        var error = OutputError(description)
        error.isUnsafePath = true
        return error
    }
}
