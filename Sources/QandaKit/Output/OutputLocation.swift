import Foundation

/// Where a build may write: never over the sources. The output folder is replaced as a whole, so pointing it at
/// the site folder, Content/, Templates/, i18n/, one of their parents or `/` would destroy the editor's files.
package enum OutputLocation {
    package static func problem(output: String, siteFolder: String) -> String? {
        let out = canonical(output), site = canonical(siteFolder)
        if out == "/" { return "the output folder cannot be /" }
        for protected in [site, site + "/Content", site + "/Templates", site + "/" + LocalizationLoader.folderName, site + "/qanda.yml"] {
            if out == protected || protected.hasPrefix(out + "/") {
                return "the output folder \(output) would replace \(protected == site ? "the site folder" : protected); choose a folder of its own such as Site/"
            }
            if protected != site && out.hasPrefix(protected + "/") {
                return "the output folder \(output) is inside \(protected); choose a folder of its own such as Site/"
            }
        }
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, out == canonical(home) {
            return "the output folder cannot be your home folder"
        }
        return nil
    }

    /// Absolute, without "." and "..", symlinks resolved where the path exists.
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let resolved = url.resolvingSymlinksInPath().path
        return resolved.count > 1 && resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
    }
}
