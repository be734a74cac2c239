import Foundation

/// `qanda check` as a library call: load (every contract rule), then the site-wide editorial rules.
public struct SiteChecker: Sendable {
    public var siteFolder: String
    public var today: ContentDate
    public var previous: (manifest: SiteManifest, source: String)?
    /// Take the files that did not change since the last `qanda build` as it read them (`BuildCache`), and read
    /// only the others. The findings are the same either way.
    public var usesBuildCache: Bool

    public init(siteFolder: String, today: ContentDate, previous: (manifest: SiteManifest, source: String)? = nil,
                usesBuildCache: Bool = true) {
        self.siteFolder = siteFolder
        self.today = today
        self.previous = previous
        self.usesBuildCache = usesBuildCache
    }

    /// Every finding, sorted by file and line.
    /// - Parameter progress: threads loaded so far, for a progress line.
    public func run(progress: (@Sendable (BuildProgress) -> Void)? = nil) async -> [Diagnostic] {
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
        var options = SiteLoader.Options(now: today.noon)
        // Bodies are read for their links only, unless the loader can take most of them from the cache: it takes
        // only what was read the same way, and a build also made HTML (with no --base-url, as check has none).
        if let kept = reusable, kept.sources.options != LoadedSources.OptionsKey(options) { reusable = nil }
        options.linksOnly = reusable == nil
        var loading: (@Sendable (Int, Int) -> Void)?
        if let progress { loading = { progress(BuildProgress(phase: .loading, done: $0, total: $1)) } }
        let (site, loadDiagnostics, sources) = await SiteLoader(siteFolder: siteFolder, options: options)
            .load(progress: loading, reusing: reusable.map { ($0.sources, $0.changes) })
        KeptUntilExit.keep((reusable, sources))
        let (templates, templateDiagnostics) = await templateLoad
        var diagnostics = loadDiagnostics + templateDiagnostics
        timings.mark("load")
        if let site {
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
    public var noon: Date { Date(timeIntervalSince1970: Double(dayNumber) * 86_400 + 43_200) }
}
