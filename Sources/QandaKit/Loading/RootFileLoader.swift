import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists `Content/static/`: every file, hidden ones included, except those of tools (`RootFile.isPublished`).
/// A symbolic link is followed when it leads to a file inside the site folder (or inside `Content`, which may
/// itself be a link); one that leads out of them is an error, since publishing it would publish whatever is there.
enum RootFileLoader {
    /// - Parameter siteFolder: the site folder; its `Content/static/` is read.
    static func load(siteFolder: String) -> ([RootFile], [Diagnostic]) {
        let top = siteFolder + "/" + RootFile.folder
        guard DirectoryListing.kind(of: top) == .folder else { return ([], []) }
        var walk = Walk(bounds: [siteFolder, siteFolder + "/Content"].compactMap(realPath))
        walk.visit(top, relative: "")
        return (walk.files, walk.diagnostics)
    }

    /// Why a file or folder name cannot be published as it is, or nil. A name that a host or a browser could read
    /// as `.` or `..` (dots and spaces only, which Windows shares trim to dots; the same once percent-decoded or
    /// after Unicode compatibility mapping, as with fullwidth dots), or one with a backslash or a control
    /// character, could lead a server out of its folder or cannot be linked to.
    static func problem(withName name: String) -> String? {
        if name.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.generalCategory == .control }) {
            return "has a backslash or a control character"
        }
        for reading in [name, name.removingPercentEncoding ?? name].map(\.precomposedStringWithCompatibilityMapping) {
            if reading.isEmpty || reading.allSatisfy({ $0 == "." || $0 == " " }) { return "reads as '.' or '..'" }
            if reading.contains("/") || reading.contains("\\") { return "reads as a path with a separator" }
        }
        return nil
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private struct Walk {
        /// Resolved folders a link may lead into.
        let bounds: [String]
        var files: [RootFile] = []
        var diagnostics: [Diagnostic] = []

        mutating func visit(_ folder: String, relative: String) {
            for entry in DirectoryListing.entries(of: folder) ?? [] where RootFile.isPublished(name: entry.name) {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                let file = RootFile.folder + "/" + path
                if let problem = RootFileLoader.problem(withName: entry.name) {
                    diagnostics.append(Diagnostic(.staticUnsafe, file: file,
                                                  message: "the name '\(entry.name)' \(problem); it cannot be published",
                                                  hint: "rename it to a plain file name"))
                    continue
                }
                switch entry.kind {
                case .file: files.append(RootFile(path: path, source: folder + "/" + entry.name))
                case .folder: visit(folder + "/" + entry.name, relative: path)
                case .symlink: follow(folder + "/" + entry.name, path: path, file: file)
                case .other: break
                }
            }
        }

        private mutating func follow(_ link: String, path: String, file: String) {
            guard let target = RootFileLoader.realPath(link) else {
                diagnostics.append(Diagnostic(.symlinkNotFollowed, .warning, file: file,
                                              message: "symbolic link to nothing; it is not published",
                                              hint: "point it at a file inside the site, or remove it"))
                return
            }
            guard bounds.contains(where: { target.hasPrefix($0 + "/") }) else {
                diagnostics.append(Diagnostic(.staticUnsafe, file: file,
                                              message: "symbolic link leads out of the site folder (to \(target)); it is not published",
                                              hint: "copy the file into Content/static/ instead of linking to it"))
                return
            }
            switch DirectoryListing.kind(of: target) {
            case .file: files.append(RootFile(path: path, source: target))
            default:
                diagnostics.append(Diagnostic(.symlinkNotFollowed, .warning, file: file,
                                              message: "symbolic link to a folder or a special file; it is not published",
                                              hint: "make it a real folder, or link its files one by one"))
            }
        }
    }
}
