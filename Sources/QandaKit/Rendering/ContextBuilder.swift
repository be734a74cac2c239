/// What a template sees for one page. Dictionaries (not reflected structs) because swift-mustache reads them
/// fastest; every key is snake_case; keys ending in `_html` hold ready HTML and are the only ones a template
/// may print unescaped (`{{{body_html}}}`). Optional values are `false` when absent, so sections test them.
public typealias TemplateContext = [String: Any]

/// Builds page contexts from the linked Site. The pieces every list repeats (a question's list entry, an
/// author's summary) are made once per build, not once per page that shows them.
public struct ContextBuilder: Sendable {
    public let site: Site
    public let routes: Routes
    let questionItems: [QuestionItem]
    let siteSummary: SiteSummary
    /// Per author, in the order of `site.authors`; never changed after `init`.
    nonisolated(unsafe) let authorBoxes: [TemplateContext]
    /// The retrieval date references carry, when qanda.yml asks for one.
    public let retrieved: ContentDate?
    /// Whether this build makes a search index (not turned off with --no-search).
    public let searchAvailable: Bool

    public init(site: Site, today: ContentDate, searchAvailable: Bool = false) {
        self.searchAvailable = searchAvailable
        self.site = site
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
                votes: thread.question.votes)
        }
        siteSummary = SiteSummary(site: site, routes: routes)
        authorBoxes = site.authors.map { [routes] in Self.authorBox($0, site: site, routes: routes) }
    }

    // MARK: Shared pieces

    func common(layout: String, title: String, description: String?, route: String) -> TemplateContext {
        [
            "layout": layout,
            "site": siteSummary.context,
            "page_title": title,
            "description": description.map { $0 as Any } ?? false,
            "canonical_url": routes.absolute(route),
            "url": routes.link(route),
        ]
    }

    func dateFields(_ prefix: String, _ date: ContentDate?) -> TemplateContext {
        guard let date else { return ["\(prefix)_iso": false, "\(prefix)_text": false] }
        return ["\(prefix)_iso": date.text, "\(prefix)_text": date.longText]
    }

    /// An author's summary (bio box, list entry); made once per author, as pages show the same authors again and again.
    func authorBox(_ author: Author) -> TemplateContext {
        site.authorIndex[author.id].map { authorBoxes[$0] } ?? Self.authorBox(author, site: site, routes: routes)
    }

    private static func authorBox(_ author: Author, site: Site, routes: Routes) -> TemplateContext {
        var box: TemplateContext = [
            "id": author.id,
            "name": author.name,
            "name_with_credentials": author.nameWithCredentials,
            "credentials": author.credentials.map { $0 as Any } ?? false,
            "role": author.role.map { $0 as Any } ?? false,
            "affiliation": author.affiliation.map { $0 as Any } ?? false,
            "bio_html": author.bioHTML,
            "url": routes.link(Routes.author(author.id)),
            "website_url": author.url.map { $0 as Any } ?? false,
            "orcid": author.orcid.map { $0 as Any } ?? false,
            "orcid_url": author.orcid.map { "https://orcid.org/\($0.replacingOccurrences(of: "https://orcid.org/", with: ""))" as Any } ?? false,
            "photo_url": author.photo.map { routes.link(Routes.authorPhoto(author.id, file: $0)) as Any } ?? false,
            "is_organization": author.kind == .organization,
            "is_reviewer": author.mayReview,
        ]
        let answered = site.answersByAuthor[author.id]?.count ?? 0
        let reviewed = site.reviewsByAuthor[author.id]?.count ?? 0
        box["answer_count"] = answered
        box["answer_count_text"] = Plural.count(answered, "answer")
        box["review_count"] = reviewed
        box["review_count_text"] = Plural.count(reviewed, "page reviewed", plural: "pages reviewed")
        return box
    }

    /// Page links for a paged list: previous and next, the first and last pages and those near the current one,
    /// with a gap between (every number on every page would make 5,000 pages quadratic). `false` when everything
    /// fits on one page.
    func pager(route: String, current: Int, total: Int, previous: String = "← Newer", next: String = "Older →") -> Any {
        guard total > 1 else { return false }
        var pages: [TemplateContext] = []
        var last = 0
        for number in Self.pagerNumbers(current: current, total: total) {
            if number > last + 1 { pages.append(["is_gap": true, "number": false, "url": false, "is_current": false]) }
            pages.append(["is_gap": false, "number": number, "url": routes.link(Routes.paged(route, number)), "is_current": number == current])
            last = number
        }
        return [
            "current": current,
            "total": total,
            "previous_label": previous,
            "next_label": next,
            "previous_url": current > 1 ? routes.link(Routes.paged(route, current - 1)) as Any : false,
            "next_url": current < total ? routes.link(Routes.paged(route, current + 1)) as Any : false,
            "pages": pages,
        ] as TemplateContext
    }

    /// 1, the last page, and two on each side of the current one, in order.
    static func pagerNumbers(current: Int, total: Int) -> [Int] {
        Set([1, total] + Array(max(1, current - 2)...min(total, current + 2))).sorted()
    }
}

/// A question as lists show it; made once per build.
struct QuestionItem: Sendable {
    var title: String
    var url: String
    var summary: String
    var date: ContentDate
    var categoryName: String
    var categoryURL: String
    var answerCount: Int
    var hasAccepted: Bool
    var votes: Int?

    var context: TemplateContext {
        [
            "title": title, "url": url, "summary": summary,
            "date_iso": date.text, "date_text": date.longText,
            "category_name": categoryName, "category_url": categoryURL,
            "answer_count": answerCount, "answer_count_text": Plural.count(answerCount, "answer"),
            "has_accepted": hasAccepted,
            "votes": votes.map { $0 as Any } ?? false,
        ]
    }
}

/// The site-wide part of every context: name, navigation, categories. Made once per build: every page shows it.
struct SiteSummary: Sendable {
    /// Never changed after `init`, so sharing it between the threads that render is safe.
    nonisolated(unsafe) let context: TemplateContext

    init(site: Site, routes: Routes) {
        let config = site.config
        var context: TemplateContext = [
            "title": config.title, "publisher": config.publisher, "language": config.language,
            "description": config.description.flatMap { $0.isEmpty ? nil : $0 as Any } ?? false,
            "base_url": config.baseURL, "base_path": config.basePath,
            "home_url": routes.link(Routes.home), "questions_url": routes.link(Routes.questions),
            "authors_url": routes.link(Routes.authors), "categories_url": routes.link(Routes.categories),
            "tags_url": routes.link(Routes.tags), "stylesheet_url": routes.link(Routes.stylesheet),
            "search_url": routes.link(Routes.search), "feed_url": routes.link(Routes.feed),
            "favicon_url": routes.link(Routes.favicon),
        ]
        context["categories"] = site.categories.map {
            ["name": $0.name, "url": routes.link(Routes.category($0.slug)), "count": $0.threadIndexes.count] as TemplateContext
        }
        context["pages"] = site.pages.map { ["title": $0.title, "url": routes.link(Routes.page($0.slug))] as TemplateContext }
        self.context = context
    }
}

public enum Plural {
    static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}

extension Plural {
    /// "1 thread", "1,204 pages": counts as people read them.
    public static func text(_ count: Int, _ singular: String) -> String {
        "\(grouped(count)) \(count == 1 ? singular : singular + "s")"
    }

    /// 1204 -> "1,204".
    public static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var grouped = count < 0 ? "-" : ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return grouped
    }
}
