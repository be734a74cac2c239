/// The editorial rules of `qanda check`, run over a loaded site. Loading already reported every contract
/// problem (syntax, keys, types, ids, dates in order); these are the rules about the site as a whole.
public struct SiteValidator: Sendable {
    public var site: Site
    public var outline: SiteOutline
    public var today: ContentDate
    /// A previous build's manifest, for `--against`, and where it was read from.
    public var previous: (manifest: SiteManifest, source: String)?

    public init(site: Site, outline: SiteOutline, today: ContentDate, previous: (manifest: SiteManifest, source: String)? = nil) {
        self.site = site
        self.outline = outline
        self.today = today
        self.previous = previous
    }

    public func diagnostics() -> [Diagnostic] {
        var diagnostics = ReviewRules.diagnostics(site: site, today: today)
        diagnostics += StructureRules.diagnostics(site: site)
        diagnostics += LinkRules(site: site, outline: outline).diagnostics()
        diagnostics += CitationChecks.diagnostics(for: site)
        if let previous {
            diagnostics += URLStabilityRules.diagnostics(previous: previous.manifest, source: previous.source, current: outline)
        }
        return diagnostics
    }
}
