import Foundation

/// `qanda check`: the pipeline's load (every contract rule) and then the site-wide editorial rules, without
/// rendering or writing anything.
extension SitePipeline {
    /// Every finding, sorted by file and line. `options.now` is set to midday of `today`.
    /// - Parameters:
    ///   - previous: the manifest of the published site and where it came from, for the URL stability rules.
    ///   - usesBuildCache: take the files that did not change since the last `qanda build` as it read them
    ///     (`BuildCache`), and read only the others. The findings are the same either way.
    ///   - progress: threads loaded so far, for a progress line.
    package func check(today: ContentDate, previous: (manifest: SiteManifest, source: String)? = nil, usesBuildCache: Bool = true,
                      progress: (@Sendable (BuildProgress) -> Void)? = nil) async -> [Diagnostic] {
        var timings = PhaseTimings()
        async let templateLoad = TemplateSet.load(siteFolder: siteFolder)
        var reusable: BuildCache.ReusableSources?
        if usesBuildCache, let cache = BuildCache.readSources(siteFolder: siteFolder) {
            let scan = await SourceScan.scan(siteFolder: siteFolder, after: cache)
            timings.mark("scan")
            reusable = await cache.reusableSources(siteFolder: siteFolder, scan: scan)
            // In a fresh clone every file is new to the cache (other inodes and times): reading for links is then quicker.
            if let changed = reusable?.changes.threadFolders.count, changed * 2 > scan.threads.count { reusable = nil }
        }
        timings.mark("cache")
        var options = self.options
        options.now = today.noon
        // Bodies are read for their links only, unless the loader can take most of them from the cache: it takes
        // only what was read the same way, and a build also made HTML (with no --base-url, as check has none).
        if let kept = reusable, kept.sources.options != LoadedSources.OptionsKey(options) { reusable = nil }
        options.linksOnly = reusable == nil
        let (site, loadDiagnostics, sources) = await SiteLoader(siteFolder: siteFolder, options: options)
            .load(progress: Self.reporter(progress, .loading), reusing: reusable.map(\.reuse))
        KeptUntilExit.keep((reusable, sources))
        let (templates, templateDiagnostics) = await templateLoad
        var diagnostics = loadDiagnostics + templateDiagnostics
        timings.mark("load")
        if let site {
            // Each language's table: its own findings, and names of categories and tags the site does not have.
            for language in site.config.languages {
                var config = site.config
                config.languages = [language]
                let (localization, found) = LocalizationLoader.load(siteFolder: siteFolder, config: config)
                diagnostics += found + site.unknownTaxonomyNames(localization.taxonomyNames)
            }
            let staticFiles = Array((templates?.staticFiles ?? DefaultTheme.staticFiles).keys)
            let outline = SiteOutline(site: site, siteFolder: siteFolder, staticFileNames: staticFiles)
            diagnostics += SiteValidator(site: site, outline: outline, today: today, previous: previous).diagnostics()
            KeptUntilExit.keep((site, outline))
        }
        timings.mark("rules")
        diagnostics = diagnostics.sortedByPlace()
        timings.mark("sort")
        timings.report("check")
        return diagnostics
    }
}

extension ContentDate {
    /// Midday UTC of this calendar day: a `now` that is this day in every time zone's reading of UTC.
    package var noon: Date { Date(timeIntervalSince1970: Double(dayNumber) * 86_400 + 43_200) }
}
