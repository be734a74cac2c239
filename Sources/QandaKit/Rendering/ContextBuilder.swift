/// Builds each page's context (what its template sees; the types are in Contexts/) from the linked Site. The
/// pieces every list repeats (a question's list entry, an author's summary, the site's navigation) are made once
/// per build, not once per page that shows them.
package struct ContextBuilder: Sendable {
    package let site: Site
    package let routes: Routes
    let questionItems: [QuestionItem]
    let siteSummary: SiteSummary
    /// Per author, in the order of `site.authors`.
    let authorBoxes: [AuthorBox]
    /// The retrieval date references carry, when qanda.yml asks for one.
    package let retrieved: ContentDate?
    /// Whether this build makes a search index (not turned off with --no-search).
    package let searchAvailable: Bool
    /// The language every page is made in: its strings, plural rule, dates and numbers.
    package let localization: Localization
    /// The site's languages and their pages, on a site in several (nil in one).
    package let languageVersions: LanguageVersions?

    package init(site: Site, today: ContentDate, localization: Localization, searchAvailable: Bool = false,
                 languageVersions: LanguageVersions? = nil) {
        self.searchAvailable = searchAvailable
        self.languageVersions = languageVersions
        self.site = site
        self.localization = localization
        routes = Routes(config: site.config)
        retrieved = site.config.citationRetrieved ? today : nil
        questionItems = Parallel.mapNow(Array(site.threads.indices)) { [routes] index in
            let thread = site.threads[index]
            let category = site.threadCategory[index].map { site.categories[$0] }
            return QuestionItem(
                title: thread.title, url: routes.link(Routes.question(thread.slug)), summary: thread.question.summary,
                date: thread.question.date, categoryName: category?.name ?? thread.question.category,
                categoryURL: routes.link(Routes.category(category?.slug ?? Slug.make(from: thread.question.category))),
                answerCount: thread.answers.count, hasAccepted: thread.answers.contains(where: \.isAccepted),
                votes: thread.question.votes, localization: localization)
        }
        siteSummary = SiteSummary(site: site, routes: routes, localization: localization)
        authorBoxes = site.authors.map { [routes] in AuthorBox($0, site: site, routes: routes, localization: localization) }
    }

    // MARK: Shared pieces

    func common(_ layout: String, title: String, description: String?, route: String) -> PageCommon {
        var common = PageCommon(layout: layout, site: siteSummary, translations: localization.translations, pageTitle: title,
                                description: description, canonicalURL: routes.absolute(route), url: routes.link(route))
        if let languageVersions {
            common.alternates = languageVersions.versions(of: route)
            common.xDefaultURL = common.alternates.first?.absoluteURL
            common.languageLinks = languageVersions.switcher(route: route, current: site.config.language)
        }
        return common
    }

    /// An author's summary (bio box, list entry); made once per author, as pages show the same authors again and again.
    func authorBox(_ author: Author) -> AuthorBox {
        site.authorIndex[author.id].map { authorBoxes[$0] } ?? AuthorBox(author, site: site, routes: routes, localization: localization)
    }

    /// "Name (page 2 of 5)": the title of a later page of a list.
    func pagedTitle(_ title: String, number: Int, of total: Int) -> String {
        number > 1 ? localization.text(.pageTitlePaged, ["title": title, "page": localization.number(number),
                                                          "total": localization.number(total)]) : title
    }

    /// Page links for a paged list; absent when everything fits on one page. The labels default to a list's
    /// (newer, older).
    func pager(route: String, current: Int, total: Int, previous: TextKey = .pagerNewer, next: TextKey = .pagerOlder) -> Pager? {
        guard total > 1 else { return nil }
        var pages: [Pager.Link] = []
        var last = 0
        for number in Self.pagerNumbers(current: current, total: total) {
            if number > last + 1 { pages.append(Pager.Link(number: nil, url: nil, isCurrent: false)) }
            pages.append(Pager.Link(number: number, url: routes.link(Routes.paged(route, number)), isCurrent: number == current))
            last = number
        }
        return Pager(current: current, total: total, previousLabel: localization.text(previous), nextLabel: localization.text(next),
                     previousURL: current > 1 ? routes.link(Routes.paged(route, current - 1)) : nil,
                     nextURL: current < total ? routes.link(Routes.paged(route, current + 1)) : nil,
                     pages: pages)
    }

    /// 1, the last page, and two on each side of the current one, in order.
    static func pagerNumbers(current: Int, total: Int) -> [Int] {
        Set([1, total] + Array(max(1, current - 2)...min(total, current + 2))).sorted()
    }
}

/// Counts in English, for the command line's own messages (diagnostics, summaries): pages speak the site's
/// language through `Localization` instead.
package enum Plural {
    static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}

extension Plural {
    /// "1 thread", "1,204 pages": counts as people read them.
    package static func text(_ count: Int, _ singular: String) -> String {
        "\(grouped(count)) \(count == 1 ? singular : singular + "s")"
    }

    /// 1204 -> "1,204".
    package static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var grouped = count < 0 ? "-" : ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return grouped
    }
}
