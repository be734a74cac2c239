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
        let parts = Self.languageParts(site: site, outline: outline)
        var rules: [@Sendable () -> [Diagnostic]] = [
            { ReviewRules.diagnostics(site: site, today: today) },
            { StructureRules.diagnostics(site: site) },
            { TranslationRules.diagnostics(site: site) },
            { CitationChecks.diagnostics(for: site) },
            { Self.outlineRules(site: site, outline: outline) },
            { Self.translationLinkRules(parts, outline: outline) },
            { ConfigRules.diagnostics(config: site.config) },
        ]
        if let previous {
            let partPaths = parts.flatMap { part in part.outline.pathsInAnyOrder.map { part.tag + "/" + $0 } }
            rules.append {
                URLStabilityRules.diagnostics(previous: previous.manifest, source: previous.source, current: outline,
                                              languages: site.config.extraLanguages, languagePaths: partPaths)
            }
        }
        return Parallel.mapNow(rules) { $0() }.flatMap { $0 }
    }

    /// The rules that need the list of every file the build writes, and that `qanda build` runs too, before it
    /// writes anything: files of Content/static/ that would take the build's own paths, and links and images
    /// that reach no page or file (errors unless qanda.yml says `links: warn`).
    package static func outlineRules(site: Site, outline: SiteOutline) -> [Diagnostic] {
        RootFileRules.diagnostics(site: site, outline: outline) + LinkRules(site: site, outline: outline).diagnostics()
    }

    /// One language's part of a site in several, and the files it has under /<tag>/.
    package typealias LanguagePart = (tag: String, site: Site, outline: SiteOutline)

    package static func languageParts(site: Site, outline: SiteOutline) -> [LanguagePart] {
        site.config.extraLanguages.map { tag in
            let part = site.inLanguage(tag)
            return (tag: tag, site: part, outline: SiteOutline(site: part, siteFolder: site.rootPath, staticFileNames: outline.staticFiles))
        }
    }

    /// Links and images in translations (of threads and of authors' biographies), which only the other languages'
    /// parts show: resolved from their page in that part, and reaching any page of any language. A site path in
    /// a translation is written as in the original (`/questions/x/` is the default language's page,
    /// `/es/questions/x/` the Spanish one).
    package static func translationLinkRules(_ parts: [LanguagePart], outline: SiteOutline) -> [Diagnostic] {
        guard !parts.isEmpty else { return [] }
        var reachable = Set(outline.pathsInAnyOrder)
        for part in parts { for path in part.outline.pathsInAnyOrder { reachable.insert(part.tag + "/" + path) } }
        return parts.flatMap { part in
            var rules = LinkRules(site: part.site, outline: part.outline)
            rules.alsoReachable = reachable
            // The part's untranslated authors are the originals, whose links the default language's check reported.
            return rules.diagnostics().filter { finding in
                ThreadLoader.translationName(String(finding.file.split(separator: "/").last ?? "")) != nil
            }
        }
    }
}
