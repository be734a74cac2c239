import Foundation

extension SitePipeline {
    /// What the search index of a build is, and what it cost.
    package struct SearchOutcome: Sendable {
        /// To give to the next build (`previousSearch`), so that it reads only the threads that changed.
        package let index: SearchIndex
        /// Every file of the index and the script: an in-place build removes the others under `search/`.
        package let paths: Set<String>
        package let byteCount: Int
        package let filesWritten: Int
    }

    /// Makes the search index from the loaded site (reading again only the threads `previous` does not hold as
    /// they are), writes the files the output does not have yet (their names are hashes of their bytes), then the
    /// search page, which names the root and the script.
    func writeSearch(site: Site, fingerprints: SiteFingerprints, builder: ContextBuilder, templates: TemplateSet,
                     previous: SearchIndex?, into sink: some OutputSink) async throws -> SearchOutcome {
        var timings = PhaseTimings()
        var index = await SearchIndex.make(site: site, routes: builder.routes, localization: builder.localization, threadFingerprints: fingerprints.threads, previous: previous)
        timings.mark("documents")
        let indexFiles = await SearchIndexFiles(index: index, site: site, previous: previous)
        timings.mark("files")
        (index.shardNames, index.shardAverage, index.dirtyTerms) = (indexFiles.shardNames, indexFiles.shardAverage, nil)
        let script = Array(SearchScript.source.utf8)
        let scriptPath = Routes.search + "qanda-search." + SearchIndexFiles.hashName(script) + ".js"
        var written = 0
        for file in indexFiles.files + [SearchIndexFiles.File(path: scriptPath, bytes: script)] where !sink.keepIfPresent(file.path) {
            try sink.write(file.contents, to: file.path)
            written += 1
        }
        timings.mark("write")
        timings.report("search")
        let links = SearchLinks(rootURL: builder.routes.link(indexFiles.rootPath), scriptURL: builder.routes.link(scriptPath))
        try sink.write(templates.render(builder.searchPage(links: links), layout: "search"), to: Routes.file(for: Routes.search))
        return SearchOutcome(index: index, paths: Set(indexFiles.files.map(\.path) + [scriptPath, Routes.file(for: Routes.search)]),
                             byteCount: indexFiles.byteCount, filesWritten: written)
    }
}
