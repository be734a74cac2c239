/// URLs people have cited must keep working: compared with a previous build's manifest, a page or file that
/// would disappear without an alias is an error.
package enum URLStabilityRules {
    /// - Parameters:
    ///   - languages: the tags of a site's other languages, whose pages are under /<tag>/ (`languagePaths`).
    package static func diagnostics(previous: SiteManifest, source: String, current: SiteOutline,
                                    languages: [String] = [], languagePaths: [String] = []) -> [Diagnostic] {
        let now = Set((current.pathsInAnyOrder + languagePaths).map { "/" + $0 })
        // Withdrawn on purpose, now or in a build that recorded it: the page and everything under it may go.
        let withdrawn = Set(current.withdrawnURLs + previous.withdrawn)
        var reportedPages: [String] = []
        var diagnostics: [Diagnostic] = []
        let prefixes = languages.map { "/\($0)/" }
        // A language's pages follow the same rules as the default language's (/es/categories/… may change).
        func inDefaultLanguage(_ url: String) -> String {
            guard let prefix = prefixes.first(where: { url.hasPrefix($0) }) else { return url }
            return String(url.dropFirst(prefix.count - 1))
        }
        for url in previous.urls.sorted() where !now.contains(url) && isWatched(inDefaultLanguage(url)) && !isWithdrawn(inDefaultLanguage(url), withdrawn) {
            // A page that disappeared takes its files with it (cite.bib, attachments): report the page once.
            if reportedPages.contains(where: { url.hasPrefix($0) }) { continue }
            // The citation downloads of a page that now redirects (an alias) are not files anyone keeps links to.
            if isCitationFile(url), now.contains(String(url[...url.lastIndex(of: "/")!])) { continue }
            if url.hasSuffix("/") { reportedPages.append(url) }
            let page = inDefaultLanguage(url)
            let isQuestion = page.hasPrefix("/questions/") && page.hasSuffix("/")
            if isQuestion, page != url, let tag = url.split(separator: "/").first {
                diagnostics.append(Diagnostic(
                    .urlRemoved, file: source, message: "\(url) was published before and this site no longer has it",
                    hint: "keep the thread's translation (question.\(tag).md in its folder), or restore the thread"))
                continue
            }
            diagnostics.append(Diagnostic(
                .urlRemoved, file: source,
                message: "\(url) was published before and this site no longer has it",
                hint: isQuestion ? "add `aliases: [\(url)]` to the thread that replaces it, so the old URL redirects; or, if it was withdrawn, "
                    + "keep its folder with `withdrawn: {date: ..., reason: ...}` in its question.md"
                                 : "keep the page or file, or link readers to its new place"))
        }
        return diagnostics
    }

    /// The URL, or a page folder it is in, was withdrawn.
    static func isWithdrawn(_ url: String, _ withdrawn: Set<String>) -> Bool {
        guard !withdrawn.isEmpty else { return false }
        if withdrawn.contains(url) { return true }
        var folder = url.hasSuffix("/") ? String(url.dropLast()) : url
        while let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
            folder = String(folder[..<slash])
            if withdrawn.contains(folder + "/") { return true }
        }
        return false
    }

    static func isCitationFile(_ url: String) -> Bool {
        Routes.CitationFormat.allCases.contains { url.hasSuffix("/" + $0.rawValue) }
    }

    /// Lists that page by count (/page/2/), the manifest and the theme's stylesheet change by design.
    static func isWatched(_ url: String) -> Bool {
        !url.contains("/page/") && url != "/" + SiteOutline.manifestPath && url != "/" + Routes.stylesheet
            && !url.hasPrefix("/categories/") && !url.hasPrefix("/tags/")
    }
}
