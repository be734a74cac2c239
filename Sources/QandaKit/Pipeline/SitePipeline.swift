import Foundation
import Synchronization

/// The pipeline of `qanda build`: load and check everything, then render every page on all cores and stream
/// each file to the sink as soon as it is made (nothing holds the whole site in memory).
package struct SitePipeline: Sendable {
    package var siteFolder: String
    package var options: SiteLoader.Options
    /// Whether a search index will be made after writing (the search page says so either way).
    package var searchAvailable: Bool
    /// The search index of the last build (`Result.search`): only the threads that changed since are read again.
    package var previousSearch: SearchIndex?
    /// On a site in several languages, the last build's index of each other language, by tag.
    package var previousLanguageSearches: [String: SearchIndex] = [:]

    package init(siteFolder: String, options: SiteLoader.Options = .init(), searchAvailable: Bool = false,
                previousSearch: SearchIndex? = nil) {
        self.siteFolder = siteFolder
        self.options = options
        self.searchAvailable = searchAvailable
        self.previousSearch = previousSearch
    }

    package struct Result: Sendable {
        package var diagnostics: [Diagnostic]
        package var site: Site?
        /// Pages in the site (rendered or kept).
        package var pagesRendered = 0
        /// Pages kept from the previous build without rendering them (their inputs did not change).
        package var pagesKept = 0
        package var filesCopied = 0
        package var citationFiles = 0
        /// What each file was made from: give it to the next build (`previous:`) so it renders only what changed.
        package var keys: OutputKeys?
        /// The search index made (nil without search).
        package var search: SearchOutcome?
        /// On a site in several languages, each other language's search folder (`es/search/`) and the files its
        /// index has there: an in-place build removes the others.
        package var languageSearchFiles: [(folder: String, paths: Set<String>)] = []
        /// Each other language's index, for the next build (`previousLanguageSearches`).
        package var languageSearches: [(tag: String, index: SearchIndex)] = []
        package var succeeded: Bool { site != nil && !diagnostics.hasErrors }
    }

    /// A loaded and checked site, ready to render: what a caller may look at (how many files changed) before
    /// choosing where to write.
    package struct Prepared: Sendable {
        package var result: Result
        let site: Site
        let templates: TemplateSet
        let builder: ContextBuilder
        let outline: SiteOutline
        let fingerprints: SiteFingerprints
        package var keys: OutputKeys
        /// Load and keys, continued by `render`.
        let timings: PhaseTimings
        /// On a site in several languages, each language after the default, ready to render under /<tag>/.
        var languageParts: [(tag: String, prepared: Prepared)] = []
        /// Set on one of those parts: it is published under /<tag>/, and the files only a site's root can have
        /// (robots.txt, manifest.json, 404.html) are the default language's.
        var languageTag: String?

        /// The site paths of every language's part, under /<tag>/: what the root's manifest lists beside its own.
        var languagePartPaths: [String] {
            languageParts.flatMap { tag, part in
                part.outline.paths.filter { !Self.rootOnlyFiles.contains($0) }.map { tag + "/" + $0 }
            }
        }

        static let rootOnlyFiles: Set<String> = [Routes.robots, SiteOutline.manifestPath, Routes.notFound]
    }

    /// Loads the site and the templates and works out every output file's key. Nil `Prepared` when something is
    /// wrong (the diagnostics say what).
    /// - Parameters:
    ///   - previous: the keys of the last build (to reuse what depends only on the site's structure).
    ///   - reusing: what an earlier load read and which source files changed since (nil: read everything).
    package func prepare(previous: OutputKeys? = nil, reusing: SourceReuse? = nil,
                        progress: (@Sendable (BuildProgress) -> Void)? = nil) async -> (Prepared?, [Diagnostic], LoadedSources) {
        var timings = PhaseTimings()
        async let templatesLoad = TemplateSet.load(siteFolder: siteFolder)
        let (loadedSite, siteDiagnostics, sources) = await SiteLoader(siteFolder: siteFolder, options: options)
            .load(progress: Self.reporter(progress, .loading), reusing: reusing)
        let (templates, templateDiagnostics) = await templatesLoad
        // The site's language: its strings (i18n/<language>.yml over the built-in table), dates and numbers.
        let (localization, localizationDiagnostics) = loadedSite.map { LocalizationLoader.load(siteFolder: siteFolder, config: $0.config) }
            ?? (nil, [])
        let taxonomyDiagnostics = loadedSite.map { site in localization.map { site.unknownTaxonomyNames($0.taxonomyNames) } ?? [] } ?? []
        var diagnostics = (siteDiagnostics + templateDiagnostics + localizationDiagnostics + taxonomyDiagnostics).sortedByPlace()
        guard var named = loadedSite, let templates, let localization, !diagnostics.hasErrors else { return (nil, diagnostics, sources) }
        named.renameTaxonomies(localization.taxonomyNames)
        let site = named
        timings.mark("load")
        // Three passes over the whole site that need only the site: side by side.
        let (today, staticFileNames) = (ContentDate.today(options.now), Array(templates.staticFiles.keys))
        let languageVersions = LanguageVersions(site: site)
        async let builderMade = ContextBuilder(site: site, today: today, localization: localization, searchAvailable: searchAvailable,
                                               languageVersions: languageVersions)
        async let outlineMade = SiteOutline(site: site, siteFolder: siteFolder, staticFileNames: staticFileNames)
        async let structure = OutputKeys.structure(of: site)
        let fingerprints = SiteFingerprints(site: site, sources: sources)
        let outline = await outlineMade
        // A file of Content/static/ where the build writes its own, a broken link: checked while the keys are
        // worked out, and the build stops before anything is written.
        async let outlineFindingsMade = SiteValidator.outlineRules(site: site, outline: outline)
            + SiteValidator.translationLinkRules(SiteValidator.languageParts(site: site, outline: outline), outline: outline)
        let builder = await builderMade
        let keys = await OutputKeys(site: site, fingerprints: fingerprints, structure: structure, builder: builder, outline: outline, templates: templates,
                                    localization: localization, searchAvailable: searchAvailable, previous: previous)
        let outlineFindings = await outlineFindingsMade
        if outlineFindings.hasErrors { return (nil, (diagnostics + outlineFindings).sortedByPlace(), sources) }
        if !outlineFindings.isEmpty { diagnostics = (diagnostics + outlineFindings).sortedByPlace() }
        timings.mark("keys and links")
        var languageParts: [(tag: String, prepared: Prepared)] = []
        for tag in site.config.extraLanguages {
            var part = site.inLanguage(tag)
            let (partLocalization, loadDiagnostics) = LocalizationLoader.load(siteFolder: siteFolder, config: part.config)
            let partDiagnostics = loadDiagnostics + site.unknownTaxonomyNames(partLocalization.taxonomyNames)
            diagnostics = (diagnostics + partDiagnostics).sortedByPlace()
            if partDiagnostics.hasErrors { return (nil, diagnostics, sources) }
            part.renameTaxonomies(partLocalization.taxonomyNames)
            let partBuilder = ContextBuilder(site: part, today: today, localization: partLocalization, searchAvailable: searchAvailable,
                                             languageVersions: languageVersions)
            let partOutline = SiteOutline(site: part, siteFolder: siteFolder, staticFileNames: staticFileNames)
            let partFingerprints = SiteFingerprints(site: part, sources: sources)
            // Compared with the last build's below, as part of the whole site's keys.
            let partKeys = await OutputKeys(site: part, fingerprints: partFingerprints, structure: OutputKeys.structure(of: part),
                                            builder: partBuilder, outline: partOutline, templates: templates, localization: partLocalization,
                                            searchAvailable: searchAvailable, previous: nil)
            var partPrepared = Prepared(result: Result(diagnostics: [], site: part), site: part, templates: templates,
                                        builder: partBuilder, outline: partOutline, fingerprints: partFingerprints,
                                        keys: partKeys, timings: PhaseTimings())
            partPrepared.languageTag = tag
            languageParts.append((tag, partPrepared))
        }
        var allKeys = keys
        if !languageParts.isEmpty {
            var partKeys = languageParts.map { (tag: $0.tag, keys: $0.prepared.keys) }
            allKeys = OutputKeys.combining(keys, parts: &partKeys, previous: previous)
            for index in languageParts.indices { languageParts[index].prepared.keys = partKeys[index].keys }
        }
        var prepared = Prepared(result: Result(diagnostics: diagnostics, site: site), site: site, templates: templates,
                                builder: builder, outline: outline, fingerprints: fingerprints, keys: allKeys, timings: timings)
        prepared.languageParts = languageParts
        return (prepared, diagnostics, sources)
    }

    /// Loads the site and the templates; renders into `sink` only when nothing is wrong.
    /// - Parameters:
    ///   - previous: the keys of the build whose files `sink` can keep; files whose key did not change are kept
    ///     rather than rendered (nil: render everything).
    ///   - reusing: what an earlier load read and which source files changed since (nil: read everything).
    ///   - progress: called now and then from any thread, as threads are loaded and pages rendered.
    package func build(into sink: some OutputSink, previous: OutputKeys? = nil,
                      reusing: SourceReuse? = nil,
                      progress: (@Sendable (BuildProgress) -> Void)? = nil) async -> (Result, LoadedSources) {
        let (prepared, diagnostics, sources) = await prepare(previous: previous, reusing: reusing, progress: progress)
        guard let prepared else { return (Result(diagnostics: diagnostics, site: nil), sources) }
        return (await render(prepared, into: sink, progress: progress), sources)
    }

    /// Renders a prepared site into `sink`: files not changed since the build whose keys `prepare` was given are
    /// kept, not rendered (without them, everything is rendered).
    package func render(_ prepared: Prepared, into sink: some OutputSink,
                       progress: (@Sendable (BuildProgress) -> Void)? = nil) async -> Result {
        var timings = prepared.timings
        let (site, templates, builder, outline, keys) = (prepared.site, prepared.templates, prepared.builder, prepared.outline, prepared.keys)
        var result = prepared.result
        let difference = keys.difference
        timings.mark("until render")
        // A file whose key did not change keeps the bytes of the previous build.
        let unchanged = { @Sendable (path: String) -> Bool in
            guard let difference, !difference.changed.contains(path) else { return false }
            return sink.keep(path)
        }
        let jobs = outline.pages
        let counter = ProgressCounter(total: jobs.count, report: Self.reporter(progress, .rendering))
        let retrieved = builder.retrieved
        let kept = Synchronization.Atomic<Int>(0)
        // After the system refused one write (a full disk), the other pages are not rendered for nothing.
        let systemRefused = Synchronization.Atomic<Bool>(false)
        let notRendered = Synchronization.Atomic<Int>(0)
        let failures = await Parallel.map(Array(jobs.indices)) { position -> Error? in
            defer { counter.add(1) }
            guard !systemRefused.load(ordering: .relaxed) else {
                notRendered.add(1, ordering: .relaxed)
                return nil
            }
            let job = jobs[position]
            // The search page names the index's files: it is made after them.
            if case .search = job, searchAvailable { return nil }
            if case .notFound = job, prepared.languageTag != nil { return nil }
            do {
                let path = Routes.file(for: outline.pageRoutes[position])
                var citation: CitationRecord?
                if case .question(let index, page: 1) = job {
                    // A question page and its citation downloads come from one record, made once.
                    let citationFiles = zip(Routes.CitationFormat.allCases, outline.citationFiles(ofThread: index)).filter { !unchanged($0.1) }
                    if !citationFiles.isEmpty || difference?.changed.contains(path) != false {
                        citation = CitationRecord.page(site.threads[index], site: site, retrieved: retrieved)
                    }
                    for (format, file) in citationFiles {
                        try sink.write(CitationFiles.text(of: [citation!], as: format), to: file)
                    }
                }
                if unchanged(path) {
                    kept.add(1, ordering: .relaxed)
                    return nil
                }
                let (layout, context) = job.render(with: builder, citation: citation)
                try sink.write(templates.render(context, layout: layout), to: path)
            } catch {
                if !Self.isUnsafePath(error) { systemRefused.store(true, ordering: .relaxed) }
                return error
            }
            return nil
        }
        timings.mark("render and write pages")
        var copyFailures: [Error] = []
        if !systemRefused.load(ordering: .relaxed) {
            do {
                result.filesCopied = try copyFiles(outline, templates: templates, into: sink, unchanged: unchanged)
                try writeMachineFiles(site: site, outline: outline, localization: builder.localization,
                                      languageVersions: builder.languageVersions, isLanguagePart: prepared.languageTag != nil,
                                      into: sink, unchanged: unchanged)
                // The root's manifest lists every language's URLs (no key of the default language covers theirs).
                if prepared.languageTag == nil && (!prepared.languageParts.isEmpty || !unchanged(SiteOutline.manifestPath)) {
                    try sink.write(SiteManifest(config: site.config, paths: (outline.paths + prepared.languagePartPaths).sorted(),
                                                withdrawn: outline.withdrawnURLs).json, to: SiteOutline.manifestPath)
                }
            } catch {
                copyFailures.append(error)
            }
        }
        timings.mark("other files")
        if searchAvailable && !systemRefused.load(ordering: .relaxed) && copyFailures.isEmpty {
            do {
                result.search = try await writeSearch(site: site, fingerprints: prepared.fingerprints, builder: builder, templates: templates, previous: previousSearch, into: sink)
            } catch {
                copyFailures.append(error)
            }
            timings.mark("search index")
        }
        timings.report("site")
        if copyFailures.isEmpty && !systemRefused.load(ordering: .relaxed) {
            var languagePipeline = self
            for (tag, part) in prepared.languageParts {
                languagePipeline.previousSearch = previousLanguageSearches[tag]
                let partResult = await languagePipeline.render(part, into: PrefixedSink(base: sink, prefix: tag + "/"))
                result.diagnostics += partResult.diagnostics
                result.pagesRendered += partResult.pagesRendered
                result.citationFiles += partResult.citationFiles
                result.filesCopied += partResult.filesCopied
                result.pagesKept += partResult.pagesKept
                if let search = partResult.search {
                    result.languageSearchFiles.append((tag + "/" + Routes.search, Set(search.paths.map { tag + "/" + $0 })))
                    result.languageSearches.append((tag, search.index))
                }
            }
        }
        result.diagnostics += Self.diagnostics(for: failures.compactMap { $0 } + copyFailures,
                                               notRendered: notRendered.load(ordering: .relaxed))
        result.pagesRendered += jobs.count
        result.pagesKept += kept.load(ordering: .relaxed)
        result.citationFiles += site.threads.count * Routes.CitationFormat.allCases.count
        result.keys = keys
        if result.diagnostics.hasErrors {
            result.site = nil
            result.keys = nil
        }
        return result
    }

    private static func isUnsafePath(_ error: Error) -> Bool { (error as? OutputError)?.isUnsafePath ?? false }

    /// A path the build refuses is reported for each file; writes the system refused, once, with how many
    /// files were not written (`notRendered`: pages skipped after the first refusal): a full disk would
    /// otherwise print one error per file of the site.
    static func diagnostics(for failures: [Error], notRendered: Int) -> [Diagnostic] {
        var diagnostics = failures.filter(isUnsafePath).map { Diagnostic(.unsafePath, file: "", message: "\($0)") }
        let refused = failures.filter { !isUnsafePath($0) }
        if let first = refused.first {
            let others = refused.count - 1 + notRendered
            diagnostics.append(Diagnostic(
                .writeFailed, file: "",
                message: "\(first)" + (others > 0 ? " (and \(Plural.text(others, "other file")) not written)" : ""),
                hint: "free some disk space (or build into another folder with --output), then build again"))
        }
        return diagnostics
    }

    /// Loads and renders everything (no earlier build to reuse).
    package func build(into sink: some OutputSink, progress: (@Sendable (BuildProgress) -> Void)? = nil) async -> Result {
        await build(into: sink, previous: nil, reusing: nil, progress: progress).0
    }

    static func reporter(_ report: (@Sendable (BuildProgress) -> Void)?,
                                 _ phase: BuildProgress.Phase) -> (@Sendable (Int, Int) -> Void)? {
        guard let report else { return nil }
        return { done, total in report(BuildProgress(phase: phase, done: done, total: total)) }
    }

    /// Atom feeds (the site and each category), the sitemap and robots.txt.
    private func writeMachineFiles(site: Site, outline: SiteOutline, localization: Localization, languageVersions: LanguageVersions?,
                                   isLanguagePart: Bool, into sink: some OutputSink,
                                   unchanged: (String) -> Bool) throws {
        if !unchanged(Routes.feed) { try sink.write(AtomFeed.site(site), to: Routes.feed) }
        for (index, category) in site.categories.enumerated() where !unchanged(Routes.categoryFeed(category.slug)) {
            try sink.write(AtomFeed.category(site, categoryIndex: index, localization: localization), to: Routes.categoryFeed(category.slug))
        }
        let sitemapFiles = outline.machineFiles.filter { $0.hasPrefix("sitemap") }
        // Alternates follow the other languages' threads, which no key of the default language's files covers.
        let versions = languageVersions
        var alternates: (@Sendable (String) -> [LanguageLink])?
        if let versions { alternates = { route in versions.versions(of: route) } }
        if versions != nil || !sitemapFiles.allSatisfy(unchanged) {
            let files = Sitemap.files(site: site, pageRoutes: outline.sitemapRoutes, lastModified: Sitemap.lastModified(site: site),
                                      alternates: alternates)
            for file in files where versions != nil || !unchanged(file.path) {
                try sink.write(file.text, to: file.path)
            }
        }
        guard !isLanguagePart else { return }
        // Crawlers read robots.txt at the root only: it names every language's sitemap.
        let otherSitemaps = languageVersions?.languages.dropFirst().map { $0.routes.absolute(Routes.sitemap) } ?? []
        if !otherSitemaps.isEmpty || !unchanged(Routes.robots) {
            try sink.write(RobotsTxt.text(site: site, otherSitemaps: otherSitemaps), to: Routes.robots)
        }
    }

    /// Theme files, assets, thread attachments, author photos and the files of Content/static/, as they are.
    private func copyFiles(_ outline: SiteOutline, templates: TemplateSet, into sink: some OutputSink,
                           unchanged: (String) -> Bool) throws -> Int {
        for name in outline.staticFiles where !unchanged(name) { try sink.write(templates.staticFiles[name]!, to: name) }
        for (source, target) in outline.copies where !unchanged(target) { try sink.copy(from: source, to: target) }
        return outline.staticFiles.count + outline.copies.count
    }
}
