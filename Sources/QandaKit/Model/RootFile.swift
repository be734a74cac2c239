/// A file of `Content/static/`, published at the same path from the site root (`CNAME`, `_headers`,
/// `.well-known/security.txt`), byte for byte.
package struct RootFile: Sendable, Hashable {
    /// Relative to Content/static/, and so to the output folder: ".well-known/security.txt".
    package var path: String
    /// The file copied (absolute): the file itself, or where a symbolic link inside the site leads.
    package var source: String
}

extension RootFile {
    /// Where they are, from the site folder.
    package static let folder = "Content/static"

    /// Whether a file or folder of that name in Content/static/ is published: hidden names are (hosts read
    /// `.well-known/` and `.nojekyll`), the files of version control, of the Finder and of editors at work are not.
    package static func isPublished(name: String) -> Bool {
        if [".git", ".gitignore", ".gitattributes", ".gitkeep", ".DS_Store"].contains(name) { return false }
        if name.hasSuffix("~") || name.hasPrefix(".#") { return false }  // backups and locks of Emacs and others
        return !(name.hasPrefix(".") && (name.hasSuffix(".swp") || name.hasSuffix(".swo") || name.hasSuffix(".swx")))  // Vim's
    }
}
