import Foundation

/// `qanda check` as a library call: load (every contract rule), then the site-wide editorial rules.
public struct SiteChecker: Sendable {
    public var siteFolder: String
    public var today: ContentDate
    public var previous: (manifest: SiteManifest, source: String)?

    public init(siteFolder: String, today: ContentDate, previous: (manifest: SiteManifest, source: String)? = nil) {
        self.siteFolder = siteFolder
        self.today = today
        self.previous = previous
    }

    /// Every finding, sorted by file and line.
    public func run() async -> [Diagnostic] {
        var timings = PhaseTimings()
        async let templateLoad = TemplateSet.load(siteFolder: siteFolder)
        var options = SiteLoader.Options(now: today.noon)
        options.linksOnly = true
        let (site, loadDiagnostics) = await SiteLoader(siteFolder: siteFolder, options: options).load()
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
        diagnostics.sort()
        timings.mark("sort")
        timings.report("check")
        return diagnostics
    }
}

extension ContentDate {
    /// Midday UTC of this calendar day: a `now` that is this day in every time zone's reading of UTC.
    public var noon: Date { Date(timeIntervalSince1970: Double(dayNumber) * 86_400 + 43_200) }
}
