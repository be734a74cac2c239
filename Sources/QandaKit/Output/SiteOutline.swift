/// Every file a build writes, known before anything is rendered: the pages, the citation downloads, the files
/// copied as they are, the theme's static files and the manifest. `qanda check` uses it to resolve links and to
/// compare with a previous build's manifest without building.
package struct SiteOutline: Sendable {
    let pages: [PageJob]
    /// Each page's route, in the order of `pages`: worked out once, for the keys, the render and the sitemap.
    let pageRoutes: [String]
    /// Source path (absolute) -> output path. The files of Content/static/ come last, as many as `rootFileCount`.
    package let copies: [(source: String, target: String)]
    let rootFileCount: Int
    package let citationFiles: [String]
    package let staticFiles: [String]
    /// Feeds, sitemap files and robots.txt.
    package let machineFiles: [String]
    /// Page routes a sitemap lists: not the redirects of aliases, not search or 404, not withdrawn threads' notices.
    package let sitemapRoutes: [String]
    /// The URLs of withdrawn threads ("/questions/x/", "/old/x/": each notice and alias), sorted: the manifest
    /// records them, so that `qanda check --against` accepts their removal, now or later.
    package let withdrawnURLs: [String]
    package static let manifestPath = "manifest.json"
    /// Every route and file path ("", "questions/x/", "questions/x/cite.bib", "assets/logo.svg"), sorted:
    /// sorted when asked for, which a build that keeps its manifest never does.
    package var paths: [String] { pathsInAnyOrder.sorted() }
    let pathsInAnyOrder: [String]

    package init(site: Site, siteFolder: String, staticFileNames: [String]) {
        pages = PageJob.all(for: site)
        pageRoutes = Parallel.mapNow(pages) { $0.route(in: site) }
        let content = siteFolder + "/Content"
        var copies: [(String, String)] = site.assets.map { ("\(content)/assets/\($0)", Routes.asset($0)) }
        for index in site.threads.indices where !site.threads[index].attachments.isEmpty {
            let thread = site.threads[index]
            copies += thread.attachments.map { ("\(content)/questions/\(thread.folder)/\($0)", Routes.attachment(thread: thread.slug, file: $0)) }
        }
        for author in site.authors {
            if let photo = author.photo { copies.append(("\(content)/authors/\(photo)", Routes.authorPhoto(author.id, file: photo))) }
        }
        let generatedCopies = copies.count
        copies += site.rootFiles.map { ($0.source, $0.path) }
        rootFileCount = site.rootFiles.count
        self.copies = copies
        citationFiles = Parallel.mapNow(site.threads) { thread in Routes.CitationFormat.allCases.map { Routes.citationFile(thread.slug, $0) } }
            .flatMap { $0 }
        staticFiles = staticFileNames.sorted()
        sitemapRoutes = zip(pages, pageRoutes).compactMap { page, route -> String? in
            switch page {
            case .alias, .search, .notFound, .withdrawn, .withdrawnAlias: nil
            default: route
            }
        }
        let sitemapParts = sitemapRoutes.count > Sitemap.maxURLsPerFile
            ? (1...((sitemapRoutes.count + Sitemap.maxURLsPerFile - 1) / Sitemap.maxURLsPerFile)).map(Routes.sitemapPart) : []
        withdrawnURLs = zip(pages, pageRoutes).compactMap { page, route -> String? in
            switch page {
            case .withdrawn, .withdrawnAlias: "/" + route
            default: nil
            }
        }.sorted()
        machineFiles = [Routes.feed, Routes.robots, Routes.sitemap] + sitemapParts + site.categories.map { Routes.categoryFeed($0.slug) }
        pathsInAnyOrder = pageRoutes + copies.prefix(generatedCopies).map(\.1) + citationFiles + staticFiles + machineFiles
            + [Self.manifestPath] + site.rootFiles.map(\.path)
    }

    /// Every route and file path the build makes itself: all but the files of Content/static/.
    var generatedPaths: ArraySlice<String> { pathsInAnyOrder.dropLast(rootFileCount) }

    /// The citation downloads of thread `index`, in the order of `Routes.CitationFormat.allCases`.
    func citationFiles(ofThread index: Int) -> ArraySlice<String> {
        let count = Routes.CitationFormat.allCases.count
        return citationFiles[index * count..<(index + 1) * count]
    }
}
