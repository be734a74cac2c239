import Foundation

/// Links and images in Markdown bodies that point into the site must reach a page or file the build writes.
package struct LinkRules: Sendable {
    let site: Site
    let paths: Set<String>
    /// Pages and top-level files, as links write them: what a "did you mean" may offer.
    let suggestions: [String]

    package init(site: Site, outline: SiteOutline) {
        self.site = site
        paths = Set(outline.pathsInAnyOrder)
        suggestions = outline.pathsInAnyOrder.filter { $0.hasSuffix("/") || !$0.utf8.contains(UInt8(ascii: "/")) }.sorted().map { "/" + $0 }
    }

    package func diagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ links: [BodyLink], from route: String) {
            for link in links {
                let resolved = resolve(link.url, from: route)
                if let resolved, exists(resolved) { continue }
                let target = resolved.map { "/" + $0 } ?? link.url
                let suggestion = Suggestion.closest(to: target, in: suggestions)
                diagnostics.append(Diagnostic(
                    .brokenLink, at: link.location,
                    message: "\(link.isImage ? "image" : "link") '\(link.url)' points to no page or file of the site"
                        + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                    hint: "site paths start with / and leave out the base path, e.g. /questions/<slug>/; files of a thread are linked by name"))
            }
        }
        for thread in site.threads {
            let route = Routes.question(thread.slug)
            check(thread.question.links, from: route)
            for answer in thread.answers { check(answer.links, from: route) }
        }
        for author in site.authors { check(author.bioLinks, from: Routes.author(author.id)) }
        for page in site.pages { check(page.links, from: Routes.page(page.slug)) }
        return diagnostics
    }

    /// The site path a link reaches from a page at `route`, without fragment or query; nil when it climbs above
    /// the site's root.
    func resolve(_ url: String, from route: String) -> String? {
        var path = String(url.prefix { $0 != "#" && $0 != "?" })
        path = path.removingPercentEncoding ?? path
        var segments: [String] = path.hasPrefix("/") ? [] : route.split(separator: "/").map(String.init)
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for part in parts {
            switch part {
            case "", ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default:
                segments.append(part)
            }
        }
        let isFolder = path.hasSuffix("/") || path.isEmpty || parts.last == "." || parts.last == ".."
        let joined = segments.joined(separator: "/")
        return joined.isEmpty ? "" : joined + (isFolder ? "/" : "")
    }

    /// A page route ("questions/x/"), the same without its slash, its index.html, or a file.
    func exists(_ path: String) -> Bool {
        if paths.contains(path) { return true }
        if path.hasSuffix("index.html") { return paths.contains(String(path.dropLast("index.html".count))) }
        return paths.contains(path + "/")
    }
}
