/// A file of Content/static/ may not take a path the build writes itself, nor a place inside a folder the build
/// owns: the build's file would be lost, or the copied file would be overwritten without a word. Checked by
/// `qanda build` before anything is written and by `qanda check`.
package enum RootFileRules {
    package static func diagnostics(site: Site, outline: SiteOutline) -> [Diagnostic] {
        guard !site.rootFiles.isEmpty else { return [] }
        // Only the build's files under a first segment some static file has can meet one.
        let heads = Set(site.rootFiles.map { firstSegment($0.path) })
        // The build's files, the folders they are in, and the folders of its pages (which it owns: a file put
        // beside a page's index.html would look like part of it).
        var files: [String: Int] = [:], folders: [String: Int] = [:], pageFolders: [String: Int] = [:]
        for position in candidates(outline, reservedHeads: heads.contains { Routes.reservedTopLevelNames.contains(String($0)) }) {
            let path = outline.generatedPaths[outline.generatedPaths.startIndex + position]
            guard heads.contains(firstSegment(path.isEmpty ? "index.html" : path)) else { continue }
            let file = Routes.file(for: path)
            files[file] = position
            for folder in ancestors(of: file) where folders[folder] == nil { folders[folder] = position }
            if path.hasSuffix("/") { pageFolders[String(path.dropLast())] = position }
        }
        let owner = { (position: Int) in describe(position, outline: outline, site: site) }
        return site.rootFiles.compactMap { rootFile -> Diagnostic? in
            let path = rootFile.path, label = RootFile.folder + "/" + path
            let head = String(firstSegment(path))
            var message: String
            if let position = files[path] {
                message = "\(label) would replace \(owner(position))"
            } else if let position = folders[path] {
                message = "\(label) would be a file where the build makes the folder \(path)/ for \(owner(position))"
            } else if let folder = ancestors(of: path).first(where: { files[$0] != nil }) {
                message = "\(label) would need a folder \(folder)/ in place of \(owner(files[folder]!))"
            } else if Routes.reservedTopLevelNames.contains(head) {
                message = head == path ? "\(label) would take \(path), a name the build uses for its own files"
                    : "\(label) would go into \(head)/, a folder the build writes"
            } else if let folder = ancestors(of: path).last(where: { pageFolders[$0] != nil }) {
                message = "\(label) would go into \(folder)/, the folder of \(owner(pageFolders[folder]!))"
            } else {
                return nil
            }
            return Diagnostic(.staticCollision, file: label, message: message,
                              hint: "rename or move it in Content/static/ (which is copied to the site root as it is); "
                                  + "the build's own files cannot be replaced")
        }
    }

    /// Which of `outline.generatedPaths` to look at. Outside the names the site reserves, the build writes only
    /// the redirects of aliases (the last pages) and a few files at the root (theme files, sitemap parts, the
    /// manifest: the last paths): the usual `CNAME` or `.well-known/` is checked without a pass over a large
    /// site. A file under a reserved name is an error anyway, and looks at every path to name the one it meets.
    private static func candidates(_ outline: SiteOutline, reservedHeads: Bool) -> [Int] {
        let count = outline.generatedPaths.count
        if reservedHeads { return Array(0..<count) }
        var aliasStart = outline.pages.count
        while aliasStart > 0, isAliasOrWithdrawn(outline.pages[aliasStart - 1]) { aliasStart -= 1 }
        let rootFilesStart = count - outline.staticFiles.count - outline.machineFiles.count - 1
        return Array(aliasStart..<outline.pages.count) + Array(rootFilesStart..<count)
    }

    /// The pages `PageJob.all` makes last: aliases, then withdrawn threads' notices and aliases.
    private static func isAliasOrWithdrawn(_ page: PageJob) -> Bool {
        switch page {
        case .alias, .withdrawn, .withdrawnAlias: true
        default: false
        }
    }

    private static func firstSegment(_ path: String) -> Substring {
        path[..<(path.firstIndex(of: "/") ?? path.endIndex)]
    }

    /// "a/b/c" -> ["a", "a/b"]: the folders a file at that path sits in, outermost first.
    private static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var index = path.startIndex
        while let slash = path[index...].firstIndex(of: "/") {
            result.append(String(path[..<slash]))
            index = path.index(after: slash)
        }
        return result
    }

    /// What the build makes at `outline.generatedPaths[position]`, for a person: "the robots.txt the build
    /// writes", "the page of Content/questions/x/".
    private static func describe(_ position: Int, outline: SiteOutline, site: Site) -> String {
        let path = outline.generatedPaths[outline.generatedPaths.startIndex + position]
        if position < outline.pages.count {
            let route = "/" + path
            switch outline.pages[position] {
            case .home: return "the home page (index.html) the build writes"
            case .question(let index, _): return "the page \(route) of Content/questions/\(site.threads[index].folder)/"
            case .alias(let index, _): return "the redirect \(route), an alias of Content/questions/\(site.threads[index].folder)/"
            case .withdrawn(let index): return "the notice \(route) of the withdrawn Content/questions/\(site.withdrawnThreads[index].folder)/"
            case .withdrawnAlias(let index, _):
                return "the redirect \(route), an alias of the withdrawn Content/questions/\(site.withdrawnThreads[index].folder)/"
            case .freePage(let index): return "the page \(route) of Content/pages/\(site.pages[index].slug).md"
            default: return "the page \(route) the build writes"
            }
        }
        if let copy = outline.copies.prefix(outline.copies.count - outline.rootFileCount).first(where: { $0.target == path }) {
            let source = copy.source.hasPrefix(site.rootPath + "/") ? String(copy.source.dropFirst(site.rootPath.count + 1))
                : copy.source
            return "the copy of \(source) the build writes"
        }
        if outline.staticFiles.contains(path) { return "the theme's \(path) the build writes" }
        return "the \(path) the build writes"
    }
}
