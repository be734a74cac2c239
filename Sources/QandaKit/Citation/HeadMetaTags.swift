import Foundation

/// One `<meta>` element of a page's head: `<meta name="citation_title" content="…">` or
/// `<meta property="og:title" content="…">`.
package struct MetaTag: Sendable, Hashable {
    /// "name" (Highwire Press, Dublin Core) or "property" (OpenGraph and its `article:` namespace).
    package var attribute: String
    package var key: String
    package var content: String

    package init(attribute: String, key: String, content: String) {
        self.attribute = attribute
        self.key = key
        self.content = content
    }

    package static func name(_ key: String, _ content: String) -> MetaTag { MetaTag(attribute: "name", key: key, content: content) }
    package static func property(_ key: String, _ content: String) -> MetaTag { MetaTag(attribute: "property", key: key, content: content) }

    /// The element, escaped: for callers that write HTML directly rather than through a template.
    package var html: String { "<meta \(attribute)=\"\(HTML.escape(key))\" content=\"\(HTML.escape(content))\">" }
}

/// The bibliographic and link-preview metadata of a question page's `<head>`: Google Scholar's Highwire Press
/// tags, Dublin Core and OpenGraph. A pure function of the page's `CitationRecord` (so the tags can never
/// disagree with the APA reference, BibTeX or RIS) plus the thread, for what a reference does not hold
/// (description, category, tags, author pages).
///
/// Decisions:
/// - `citation_author` and `DC.creator` write persons inverted, "Family, Given" — the form of every example in
///   Google Scholar's inclusion guidelines (`<meta name="citation_author" content="Liu, Li">`). The comma
///   tells Scholar which part is the family name, which matters for particles ("van der Berg, Anna") and for
///   family-first names that "Given Family" would get wrong. A name suffix follows as a third part, as library
///   catalogues write it ("King, Martin, Jr."). Organizations are their name as written. Credentials never
///   appear: they are not part of a name, and Scholar would take "PhD" for a word of it.
/// - `DC.date` is the first publication date (ISO 8601 day), like `citation_publication_date`: Scholar and
///   Zotero read `DC.date` as the publication date when Highwire tags are missing, so both families of tags
///   give the same answer. The update date is in `article:modified_time` (and JSON-LD `dateModified`).
/// - Dates of Highwire tags are `YYYY/MM/DD`, zero-padded, the form Scholar documents.
/// - `og:site_name` is the site's title (what the site is called); `citation_publisher`/`DC.publisher` are
///   qanda.yml `publisher`, the reference's site name.
/// - Every tag appears once per value: repeated authors or tags are written once.
package enum HeadMetaTags {
    /// - Parameter record: the page-level record, `CitationRecord.page(thread, site:, retrieved:)`.
    package static func questionPage(record: CitationRecord, thread: QuestionThread, site: Site) -> [MetaTag] {
        let routes = Routes(config: site.config)
        let question = thread.question
        let pageURL = routes.absolute(Routes.question(thread.slug))
        let published = record.originalDate ?? question.date
        let creators = record.authors.map(invertedName)

        var tags: [MetaTag] = []

        // Google Scholar / Highwire Press.
        tags.append(.name("citation_title", record.pageTitle))
        tags += creators.map { .name("citation_author", $0) }
        let publishedText = scholarDate(published)
        tags.append(.name("citation_publication_date", publishedText))
        tags.append(.name("citation_online_date", publishedText))
        tags.append(.name("citation_publisher", record.siteName))
        tags.append(.name("citation_language", record.language))
        tags.append(.name("citation_fulltext_html_url", record.url))

        // Dublin Core.
        tags.append(.name("DC.title", record.pageTitle))
        tags += creators.map { .name("DC.creator", $0) }
        tags.append(.name("DC.date", published.isoDay))
        tags.append(.name("DC.publisher", record.siteName))
        tags.append(.name("DC.identifier", record.url))
        tags.append(.name("DC.language", record.language))

        // OpenGraph.
        tags.append(.property("og:title", record.pageTitle))
        tags.append(.property("og:type", "article"))
        tags.append(.property("og:url", pageURL))
        if let description = nonBlank(question.description) ?? nonBlank(question.summary) {
            tags.append(.property("og:description", description))
        }
        tags.append(.property("og:site_name", site.config.title))
        tags.append(.property("article:published_time", question.date.text))
        if let updated = question.updated, updated != question.date {
            tags.append(.property("article:modified_time", updated.text))
        }
        // The article's authors' pages: the answering experts of a web page. A forum post's author is its poster,
        // who has no page here.
        if record.genre == .webpage {
            tags += answerAuthors(thread, site: site).map { .property("article:author", routes.absolute(Routes.author($0.id))) }
        }
        if let section = nonBlank(categoryName(thread, site: site)) {
            tags.append(.property("article:section", section))
        }
        tags += question.tags.compactMap(nonBlank).map { .property("article:tag", site.shownTagName($0)) }

        return unique(tags)
    }

    // MARK: Pieces shared with StructuredData

    /// "Randle, Kristina"; "King, Martin, Jr."; "Kristina Randle" when only a single name is known; an
    /// organization's name as written.
    static func invertedName(_ contributor: CitationRecord.Contributor) -> String {
        switch contributor {
        case .organization(let name), .screenName(let name):
            return name
        case .person(let given, let family, let suffix):
            let given = nonBlank(given), suffix = nonBlank(suffix)
            guard let given else { return suffix.map { "\(family) \($0)" } ?? family }
            return ([family, given] + (suffix.map { [$0] } ?? [])).joined(separator: ", ")
        }
    }

    /// "2018/04/26".
    static func scholarDate(_ date: ContentDate) -> String {
        // Not String(format:): Foundation's formatting was a fifth of the meta tags' time.
        "\(String(date.year).leftPadded(to: 4))/\(String(date.month).leftPadded(to: 2))/\(String(date.day).leftPadded(to: 2))"
    }

    /// The authors of the thread's answers that exist, each once, in the page's answer order. Never the reviewer.
    static func answerAuthors(_ thread: QuestionThread, site: Site) -> [Author] { site.answerAuthors(of: thread) }

    /// The category's display name as its list page shows it (the taxonomy's name), else as written.
    static func categoryName(_ thread: QuestionThread, site: Site) -> String {
        let slug = Slug.make(from: thread.question.category)
        return site.categories.first { $0.slug == slug }?.name ?? thread.question.category
    }

    static func nonBlank(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The tags as `<meta>` elements, one per line: what the default theme prints. About thirty per question
    /// page made a quarter of the page's template lookups when the template looped over them.
    static func html(_ tags: [MetaTag]) -> String {
        tags.map { $0.html + "\n" }.joined()
    }

    /// Keeps the first of identical tags.
    private static func unique(_ tags: [MetaTag]) -> [MetaTag] {
        var seen: Set<MetaTag> = []
        return tags.filter { seen.insert($0).inserted }
    }
}
