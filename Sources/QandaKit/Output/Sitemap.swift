/// Sitemaps (sitemaps.org protocol 0.9): `sitemap.xml` lists every page; past 50,000 URLs the list is split into
/// `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` becomes the `<sitemapindex>` of the parts.
package enum Sitemap {
    /// The protocol's limit of URLs per sitemap file.
    package static let maxURLsPerFile = 50_000

    /// The sitemap files, `sitemap.xml` first, then the parts in order (paths relative to the output folder).
    ///
    /// - `pageRoutes`: the routes of the pages to list ("", "questions/x/", …), in any order. Duplicates are listed
    ///   once. Alias redirect pages are dropped here: the routes of every alias of `site.threads` (as
    ///   `Slug.aliasSegments` maps them) are removed, so the caller may pass every page route it renders.
    /// - `lastModified`: per route, the date for `<lastmod>`; routes without one get no `<lastmod>`.
    ///   `lastModified(site:)` gives the dates Qanda knows.
    ///
    /// URLs are sorted by route and made with `Routes.absolute`.
    package static func files(site: Site, pageRoutes: [String], lastModified: [String: ContentDate],
                             maxURLsPerFile: Int = Sitemap.maxURLsPerFile,
                             alternates: (@Sendable (String) -> [LanguageLink])? = nil) -> [(path: String, text: String)] {
        let routes = Routes(config: site.config)
        let aliases = aliasRoutes(site)
        let listed = Array(Set(pageRoutes).subtracting(aliases)).sorted()
        let perFile = max(1, maxURLsPerFile)
        guard listed.count > perFile else {
            return [(Routes.sitemap, urlset(listed, routes: routes, lastModified: lastModified, alternates: alternates))]
        }
        var parts: [(path: String, text: String)] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        index += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (number, start) in stride(from: 0, to: listed.count, by: perFile).enumerated() {
            let chunk = Array(listed[start..<min(start + perFile, listed.count)])
            let path = Routes.sitemapPart(number + 1)
            parts.append((path, urlset(chunk, routes: routes, lastModified: lastModified, alternates: alternates)))
            index += "  <sitemap>\n    <loc>\(XMLText.escape(routes.absolute(path)))</loc>\n"
            if let latest = XMLText.latest(chunk.lazy.compactMap { lastModified[$0] }) {
                index += "    <lastmod>\(XMLText.w3cDatetime(latest))</lastmod>\n"
            }
            index += "  </sitemap>\n"
        }
        index += "</sitemapindex>\n"
        return [(Routes.sitemap, index)] + parts
    }

    /// A question page's last change: the latest of the question's date, `updated` and review date.
    package static func lastModified(of thread: QuestionThread) -> ContentDate {
        let question = thread.question
        return XMLText.latest([question.date] + [question.updated, question.review?.date].compactMap { $0 })!
    }

    /// The `<lastmod>` dates Qanda knows from the content: question pages (`lastModified(of:)`) and free pages
    /// (`updated ?? date`, when they have one). List, author and home pages have none.
    package static func lastModified(site: Site) -> [String: ContentDate] {
        var dates: [String: ContentDate] = [:]
        for thread in site.threads { dates[Routes.question(thread.slug)] = lastModified(of: thread) }
        for page in site.pages {
            if let date = page.updated ?? page.date { dates[Routes.page(page.slug)] = date }
        }
        return dates
    }

    /// The routes of the alias redirect pages: "ask/old-url/" for `aliases: [/ask/old-url/]`.
    package static func aliasRoutes(_ site: Site) -> Set<String> {
        var result = Set<String>()
        for thread in site.threads {
            for alias in thread.question.aliases {
                if let segments = Slug.aliasSegments(alias) { result.insert(segments.joined(separator: "/") + "/") }
            }
        }
        return result
    }

    /// - `alternates`: on a site in several languages, each route's versions (`xhtml:link rel="alternate"`, the
    ///   way search engines read hreflang from a sitemap), the page itself among them.
    private static func urlset(_ listed: [String], routes: Routes, lastModified: [String: ContentDate],
                               alternates: (@Sendable (String) -> [LanguageLink])?) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += alternates == nil ? "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            : "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        xml.reserveCapacity(listed.count * 90)
        for route in listed {
            xml += "  <url>\n    <loc>\(XMLText.escape(routes.absolute(route)))</loc>\n"
            if let date = lastModified[route] { xml += "    <lastmod>\(XMLText.w3cDatetime(date))</lastmod>\n" }
            let versions = alternates?(route) ?? []
            for version in versions {
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(version.language))\" href=\"\(XMLText.escape(version.absoluteURL))\"/>\n"
            }
            if let first = versions.first {
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XMLText.escape(first.absoluteURL))\"/>\n"
            }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
