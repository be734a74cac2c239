/// A file of `Content/static/`, published at the same path from the site root (`CNAME`, `_headers`,
/// `.well-known/security.txt`), byte for byte.
public struct RootFile: Sendable, Hashable {
    /// Relative to Content/static/, and so to the output folder: ".well-known/security.txt".
    public var path: String
    /// The file copied (absolute): the file itself, or where a symbolic link inside the site leads.
    public var source: String
}
