import Foundation

/// Links and images in Markdown bodies that point into the site must reach a page or file the build writes.
/// `qanda build` runs this rule as `qanda check` does (`SiteValidator.outlineRules`): a broken link is an error,
/// or a warning with `links: warn` in qanda.yml; a link to a withdrawn thread, which reaches only its notice, is
/// a warning. One set lookup per link, so the cost grows with the links; the "did you mean" search runs only for
/// the links that are broken.
package struct LinkRules: Sendable {
    let site: Site
    let outline: SiteOutline
    /// Paths that exist beyond the outline's: on one language's part of a site, every language's pages.
    var alsoReachable: Set<String> = []

    package init(site: Site, outline: SiteOutline) {
        self.site = site
        self.outline = outline
    }

    /// Where a link is written: what decides the files a missing image may have meant.
    enum Origin: Hashable {
        case thread(Int)
        case author(Int)
        case page
    }

    /// A link that reaches nothing, with the site path it was resolved to (nil: it climbs above the root), or one
    /// that reaches a withdrawn thread's notice (`withdrawnThread`, an index of `site.withdrawnThreads`).
    struct Finding {
        var link: BodyLink
        var origin: Origin
        var target: String?
        var withdrawnThread: Int? = nil
    }

    package func diagnostics() -> [Diagnostic] {
        let found = findings()
        let broken = found.filter { $0.withdrawnThread == nil }
        let withdrawn = found.compactMap { item in item.withdrawnThread.map { (item.link, site.withdrawnThreads[$0]) } }.map { link, thread in
            Diagnostic(.withdrawnLink, .warning, at: link.location,
                       message: "link '\(link.url)' leads to '\(thread.title)', withdrawn on \(thread.question.withdrawal!.date.text): "
                           + "readers find only the notice",
                       hint: "remove the link, or link to a page that takes its place")
        }
        guard !broken.isEmpty else { return withdrawn }
        let severity = site.config.brokenLinks.severity
        let suggester = LinkSuggestions(site: site, outline: outline)
        // The same mistake is often made in many places: each distinct one is looked up once.
        let questions = Array(Set(broken.map(suggestionQuestion)))
        let answers = Dictionary(uniqueKeysWithValues: zip(questions, Parallel.mapNow(questions) { question in
            question.wantsFile ? suggester.files(near: question.target, origin: question.origin, relative: question.relative)
                : suggester.pages(near: question.target)
        }))
        return withdrawn + broken.map { item in
            let suggestions = answers[suggestionQuestion(item)] ?? []
            let kind = item.link.isImage ? "image" : "link"
            return Diagnostic(
                .brokenLink, severity, at: item.link.location,
                message: "\(kind) '\(item.link.url)' points to no page or file of the site" + Self.didYouMean(suggestions),
                hint: Self.looksLikeFile(item) ? Self.fileHint : Self.pageHint)
        }
    }

    static let pageHint = "site paths start with / and leave out the base path, e.g. /questions/<slug>/; files of a thread are linked by name"
    static let fileHint = "link a file of the thread's folder by its name (diagram.png), of Content/assets/ as /assets/<name>, "
        + "of Content/static/ as /<name>"

    /// " (did you mean 'a'?)", " (did you mean 'a' or 'b'?)", " (did you mean 'a', 'b' or 'c'?)", or nothing.
    static func didYouMean(_ suggestions: [String]) -> String {
        guard let last = suggestions.last else { return "" }
        let quoted = suggestions.map { "'\($0)'" }
        let list = suggestions.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or '\(last)'"
        return " (did you mean \(list)?)"
    }

    /// Every link of every body that reaches nothing or a withdrawn thread, in the order of the site's threads,
    /// authors and pages.
    func findings() -> [Finding] {
        let paths = Set(outline.pathsInAnyOrder).union(alsoReachable)
        // The notice of each withdrawn thread and its aliases' pages, by route ("questions/x/").
        let withdrawn: [String: Int] = site.withdrawnThreads.indices.reduce(into: [:]) { routes, index in
            let thread = site.withdrawnThreads[index]
            routes[Routes.question(thread.slug)] = index
            for alias in thread.question.aliases {
                if let segments = Slug.aliasSegments(alias) { routes[segments.joined(separator: "/") + "/"] = index }
            }
        }
        let threads = site.threads
        let perThread = Parallel.mapNow(Array(threads.indices)) { index -> [Finding] in
            let route = Routes.question(threads[index].slug)
            var found = broken(in: threads[index].question.links, from: route, origin: .thread(index), paths: paths, withdrawn: withdrawn)
            // By index: an answer taken out of the array is a copy of all its fields.
            let answers = threads[index].answers
            for position in answers.indices where !answers[position].links.isEmpty {
                found += broken(in: answers[position].links, from: route, origin: .thread(index), paths: paths, withdrawn: withdrawn)
            }
            return found
        }
        var found = perThread.flatMap { $0 }
        for (index, author) in site.authors.enumerated() {
            found += broken(in: author.bioLinks, from: Routes.author(author.id), origin: .author(index), paths: paths, withdrawn: withdrawn)
        }
        for page in site.pages { found += broken(in: page.links, from: Routes.page(page.slug), origin: .page, paths: paths, withdrawn: withdrawn) }
        return found
    }

    private func broken(in links: [BodyLink], from route: String, origin: Origin, paths: Set<String>,
                        withdrawn: [String: Int]) -> [Finding] {
        var found: [Finding] = []
        for link in links {
            let resolved = Self.resolve(link.url, from: route)
            if let resolved, Self.exists(resolved, in: paths) {
                if !withdrawn.isEmpty, let thread = withdrawn[Self.pageRoute(resolved)] {
                    found.append(Finding(link: link, origin: origin, target: resolved, withdrawnThread: thread))
                }
                continue
            }
            found.append(Finding(link: link, origin: origin, target: resolved))
        }
        return found
    }

    /// The route of the page a path that exists names: "questions/x/" for itself, "questions/x" and
    /// "questions/x/index.html".
    static func pageRoute(_ path: String) -> String {
        if path.hasSuffix("/") || path.isEmpty { return path }
        if path.hasSuffix("index.html") { return String(path.dropLast("index.html".count)) }
        return path + "/"
    }

    /// What a suggestion depends on: the same for every link that makes the same mistake in the same place.
    struct SuggestionQuestion: Hashable, Sendable {
        var target: String
        var wantsFile: Bool
        /// Files are offered from the link's own folder (a thread's attachments, an author's photo).
        var origin: Origin?
        /// Whether the link was written relative to its page (a file of the same folder is then named alone).
        var relative: Bool
    }

    private func suggestionQuestion(_ item: Finding) -> SuggestionQuestion {
        let wantsFile = Self.looksLikeFile(item)
        return SuggestionQuestion(target: item.target ?? "", wantsFile: wantsFile, origin: wantsFile ? item.origin : nil,
                                  relative: wantsFile && !item.link.url.hasPrefix("/"))
    }

    /// An image, or a link whose last segment has an extension and no trailing slash (`worksheet.pdf`): it meant
    /// a file, so the suggestions are files, never pages.
    static func looksLikeFile(_ item: Finding) -> Bool {
        if item.link.isImage { return true }
        guard let target = item.target, !target.isEmpty, !target.hasSuffix("/") else { return false }
        let name = target.split(separator: "/").last ?? ""
        return name.dropFirst().contains(".")
    }

    /// The site path a link reaches from a page at `route`, without fragment or query; nil when it climbs above
    /// the site's root.
    static func resolve(_ url: String, from route: String) -> String? {
        let end = url.utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? url.endIndex
        var path = url[..<end]
        // Most links are plain ("/questions/x/", "chart.png"): no escapes, no "." or ".." segments, no "//".
        if isPlain(path.utf8) {
            if path.utf8.first == UInt8(ascii: "/") { return String(path.dropFirst()) }
            return route + path
        }
        if path.utf8.contains(UInt8(ascii: "%")), let decoded = String(path).removingPercentEncoding { path = Substring(decoded) }
        var segments: [Substring] = path.hasPrefix("/") ? [] : route.split(separator: "/")
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
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

    /// A path that resolves by joining alone: not empty, no escapes, no "." or ".." segment, no empty segment
    /// but a leading and a trailing slash.
    private static func isPlain(_ path: Substring.UTF8View) -> Bool {
        guard !path.isEmpty else { return false }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var segmentStart = true, dotsOnly = true, dots = 0, previous: UInt8 = 0
        for (offset, byte) in path.enumerated() {
            if byte == UInt8(ascii: "%") { return false }
            if byte == slash {
                if offset > 0 && previous == slash { return false }
                if !segmentStart && dotsOnly && dots > 0 { return false }
                segmentStart = true
                dotsOnly = true
                dots = 0
            } else {
                segmentStart = false
                if byte == dot { dots += 1 } else { dotsOnly = false }
            }
            previous = byte
        }
        return !(dotsOnly && dots > 0)
    }

    /// A page route ("questions/x/"), the same without its slash, its index.html, or a file.
    static func exists(_ path: String, in paths: Set<String>) -> Bool {
        if paths.contains(path) { return true }
        if path.hasSuffix("index.html") { return paths.contains(String(path.dropLast("index.html".count))) }
        return paths.contains(path + "/")
    }
}
