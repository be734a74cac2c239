/// The editorial rules of `qanda check`, run over a loaded site. Loading already reported every contract
/// problem (syntax, keys, types, ids, dates in order); these are the rules about the site as a whole.
package struct SiteValidator: Sendable {
    package var site: Site
    package var outline: SiteOutline
    package var today: ContentDate
    /// A previous build's manifest, for `--against`, and where it was read from.
    package var previous: (manifest: SiteManifest, source: String)?

    package init(site: Site, outline: SiteOutline, today: ContentDate, previous: (manifest: SiteManifest, source: String)? = nil) {
        self.site = site
        self.outline = outline
        self.today = today
        self.previous = previous
    }

    /// The rule sets run side by side (each is one pass over the site); findings in a fixed order.
    package func diagnostics() -> [Diagnostic] {
        let (site, outline, today, previous) = (site, outline, today, previous)
        var rules: [@Sendable () -> [Diagnostic]] = [
            { ReviewRules.diagnostics(site: site, today: today) },
            { StructureRules.diagnostics(site: site) },
            { TranslationRules.diagnostics(site: site) },
            { CitationChecks.diagnostics(for: site) },
            { Self.outlineRules(site: site, outline: outline) },
            { ConfigRules.diagnostics(config: site.config) },
        ]
        if let previous {
            rules.append { URLStabilityRules.diagnostics(previous: previous.manifest, source: previous.source, current: outline) }
        }
        return Parallel.mapNow(rules) { $0() }.flatMap { $0 }
    }

    /// The rules that need the list of every file the build writes, and that `qanda build` runs too, before it
    /// writes anything: files of Content/static/ that would take the build's own paths, and links and images
    /// that reach no page or file (errors unless qanda.yml says `links: warn`).
    package static func outlineRules(site: Site, outline: SiteOutline) -> [Diagnostic] {
        RootFileRules.diagnostics(site: site, outline: outline) + LinkRules(site: site, outline: outline).diagnostics()
    }
}
