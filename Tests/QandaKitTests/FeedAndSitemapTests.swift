import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import QandaKit

/// The machine-facing files: Atom feeds, sitemaps and robots.txt.
@Suite struct FeedAndSitemapTests {
    // MARK: A small site under a base path

    static let location = SourceLocation(file: "test")
    static func day(_ text: String) -> ContentDate { ContentDate.parse(text)! }
    static let atom = "http://www.w3.org/2005/Atom"
    static let sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
    static let scriptTitle = "<script> & \"quotes\" aren't 'safe'"

    static func author(_ id: String, _ name: String) -> Author {
        Author(id: id, name: name, given: nil, family: nil, suffix: nil, kind: .person, isReviewer: true, credentials: nil,
               role: nil, affiliation: nil, orcid: nil, url: nil, photo: nil, bioHTML: "", source: location)
    }

    static func answer(_ id: String, by author: String, date: String) -> Answer {
        Answer(id: id, authorID: author, date: day(date), updated: nil, votes: nil, isAccepted: false, isDraft: false,
               bodyHTML: "<p>A</p>", plainText: "A", source: location)
    }

    static func thread(_ slug: String, title: String, date: String, updated: String? = nil, review: String? = nil,
                       category: String, tags: [String] = [], aliases: [String] = [], description: String? = nil,
                       answers: [Answer] = []) -> QuestionThread {
        let question = Question(
            title: title, date: day(date), updated: updated.map(day),
            review: review.map { Review(reviewerID: "okafor", date: day($0)) }, askedBy: nil, category: category, tags: tags,
            votes: nil, aliases: aliases, description: description, citationTitle: nil, genre: nil, isDraft: false,
            bodyHTML: "<p>\(slug)</p>", summary: "Summary of \(slug) & more", plainText: slug, source: location)
        return QuestionThread(folder: slug, slug: slug, question: question, answers: answers, attachments: [])
    }

    /// Names that slug alike are one category or tag, named after the first in sorted order, and list a thread
    /// once even when it is given two spellings.
    @Test func spellingsOfOneTagAreOneTagListingEachThreadOnce() {
        let threads = [
            Self.thread("a", title: "A", date: "2024-03-01", category: "sleep", tags: ["sleep", "Sleep", "Night", "sleep"]),
            Self.thread("b", title: "B", date: "2024-02-01", category: "Sleep", tags: ["night"]),
            Self.thread("c", title: "C", date: "2024-01-01", category: "Worry", tags: ["---"]),
        ]
        let tags = SiteLinker.taxonomies(threads, names: { $0.question.tags })
        #expect(tags.map(\.name) == ["Night", "Sleep"])
        #expect(tags.map(\.slug) == ["night", "sleep"])
        #expect(tags.map(\.threadIndexes) == [[0, 1], [0]])
        let categories = SiteLinker.taxonomies(threads, names: { [$0.question.category] })
        #expect(categories.map(\.name) == ["Sleep", "Worry"])
        #expect(categories.map(\.threadIndexes) == [[0, 1], [2]])
        // Each thread knows its category and its tags by position, each tag once whatever its spellings: a thread
        // sharing "Sleep" with another is not scored twice as related for it.
        let site = Site(config: SiteConfig(title: "T", baseURL: "https://example.org/", publisher: "P"), rootPath: "", threads: threads, authors: [],
                        pages: [], categories: categories, tags: tags, assets: [])
        #expect(site.threadCategory == [0, 0, 1])
        #expect(site.threadTags == [[0, 1], [0], []])
    }

    /// Related questions, against the rule written out plainly: two points per shared tag, one for the category,
    /// then the nearer in the newest-first order, then the newer; five of them. Forty threads (inside the search
    /// window) over three categories and five tags give many ties.
    @Test func relatedQuestionsFollowTheScoringRule() {
        let tagNames = ["a", "b", "c", "d", "e"], categoryNames = ["Sleep", "Worry", "Work"]
        var threads: [QuestionThread] = []
        for number in 0..<40 {
            let tags: [String] = tagNames.indices.filter { (number * 7 + $0 * 3) % 5 < 2 }.map { tagNames[$0] }
            threads.append(Self.thread("t\(number)", title: "T\(number)", date: "2024-01-01", category: categoryNames[number % 3], tags: tags))
        }
        let site = Site(config: SiteConfig(title: "T", baseURL: "https://example.org/", publisher: "P"), rootPath: "", threads: threads,
                        authors: [], pages: [], categories: SiteLinker.taxonomies(threads, names: { [$0.question.category] }),
                        tags: SiteLinker.taxonomies(threads, names: { $0.question.tags }), assets: [])
        let builder = ContextBuilder(site: site, today: Self.day("2025-01-01"), localization: .builtIn(site.config.language))
        for index in threads.indices {
            func points(_ other: Int) -> Int {
                let shared = Set(threads[index].question.tags).intersection(threads[other].question.tags).count
                return 2 * shared + (threads[index].question.category == threads[other].question.category ? 1 : 0)
            }
            func isBetter(_ a: Int, _ b: Int) -> Bool {
                if points(a) != points(b) { return points(a) > points(b) }
                if abs(a - index) != abs(b - index) { return abs(a - index) < abs(b - index) }
                return a < b
            }
            let candidates: [Int] = threads.indices.filter { $0 != index && points($0) > 0 }
            let expected = Array(candidates.sorted(by: isBetter).prefix(5))
            #expect(builder.related(to: index) == expected, "thread \(index)")
        }
    }

    /// Newest first, as the loader orders them.
    static func makeSite() -> Site {
        var config = SiteConfig(title: "Mindwell Q&A", baseURL: "https://example.org/kb/", publisher: "Mindwell <Clinic>")
        config.description = "Answers & advice"
        let threads = [
            thread("sleep", title: "Why can't I sleep?", date: "2024-03-01T09:30:00-05:00", category: "Sleep",
                   tags: ["insomnia", "night"], description: "Insomnia, explained",
                   answers: [answer("a1", by: "randle", date: "2024-03-02"), answer("a2", by: "okafor", date: "2024-03-03"),
                             answer("a3", by: "randle", date: "2024-03-04")]),
            thread("script", title: scriptTitle, date: "2024-02-10", updated: "2024-02-20", category: "Anxiety", tags: ["xss"]),
            thread("panic", title: "Panic at night", date: "2024-01-05", updated: "2024-04-01", review: "2024-05-01",
                   category: "Anxiety", aliases: ["/ask/old-panic/"], answers: [answer("b1", by: "okafor", date: "2024-01-06")]),
            thread("old", title: "An old question", date: "2023-06-01", review: "2023-05-01", category: "Sleep"),
        ]
        let page = FreePage(slug: "about", title: "About", description: nil, date: day("2022-01-01"), updated: day("2023-01-01"),
                        isDraft: false, bodyHTML: "<p>About</p>", source: location)
        return Site(config: config, rootPath: "", threads: threads,
                    authors: [author("okafor", "Theodore Okafor"), author("randle", "Kristina Randle")], pages: [page],
                    categories: SiteLinker.taxonomies(threads, names: { [$0.question.category] }),
                    tags: SiteLinker.taxonomies(threads, names: { $0.question.tags }), assets: [])
    }

    // MARK: XML helpers

    static func parse(_ text: String) throws -> XMLElement {
        let document = try XMLDocument(xmlString: text, options: [])
        return try #require(document.rootElement())
    }

    /// XMLParser, the streaming parser, also reads the document without errors.
    static func parsesWithXMLParser(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    static func children(_ element: XMLElement, _ name: String, ns: String = atom) -> [XMLElement] {
        element.elements(forLocalName: name, uri: ns)
    }

    static func text(_ element: XMLElement, _ name: String, ns: String = atom) -> String? {
        children(element, name, ns: ns).first?.stringValue
    }

    /// An unprefixed attribute (FoundationXML's `attribute(forName:)` misses these on namespaced elements).
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { ($0.localName ?? $0.name) == name }?.stringValue
    }

    static func link(_ element: XMLElement, rel: String) -> String? {
        children(element, "link").first { attribute($0, "rel") == rel }.flatMap { attribute($0, "href") }
    }

    // MARK: Atom

    @Test func siteFeedHasTheRequiredAtomElements() throws {
        let site = Self.makeSite()
        let xml = AtomFeed.site(site)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"))
        #expect(Self.parsesWithXMLParser(xml))
        let feed = try Self.parse(xml)
        #expect(feed.localName == "feed" && feed.uri == Self.atom)
        #expect(Self.text(feed, "id") == "https://example.org/kb/feed.xml")
        #expect(Self.text(feed, "title") == "Mindwell Q&A")
        #expect(Self.text(feed, "subtitle") == "Answers & advice")
        // The newest `updated ?? date` of the entries: panic's update, a day, at midnight UTC.
        #expect(Self.text(feed, "updated") == "2024-04-01T00:00:00Z")
        #expect(Self.link(feed, rel: "self") == "https://example.org/kb/feed.xml")
        #expect(Self.link(feed, rel: "alternate") == "https://example.org/kb/")
        #expect(Self.text(feed, "generator") == "Qanda")
        #expect(Self.children(feed, "author").first.flatMap { Self.text($0, "name") } == "Mindwell <Clinic>")

        let entries = Self.children(feed, "entry")
        #expect(entries.map { Self.text($0, "id") } == ["sleep", "script", "panic", "old"].map { "https://example.org/kb/questions/\($0)/" })
        let sleep = entries[0]
        #expect(Self.text(sleep, "title") == "Why can't I sleep?")
        #expect(Self.link(sleep, rel: "alternate") == "https://example.org/kb/questions/sleep/")
        // A timestamp keeps its offset; with no `updated`, updated is the date.
        #expect(Self.text(sleep, "published") == "2024-03-01T09:30:00-05:00")
        #expect(Self.text(sleep, "updated") == "2024-03-01T09:30:00-05:00")
        // One author per distinct answer author, in answer order, with their page.
        let authors = Self.children(sleep, "author")
        #expect(authors.map { Self.text($0, "name") } == ["Kristina Randle", "Theodore Okafor"])
        #expect(authors.map { Self.text($0, "uri") } == ["https://example.org/kb/authors/randle/", "https://example.org/kb/authors/okafor/"])
        #expect(Self.children(sleep, "category").map { Self.attribute($0, "term") } == ["Sleep", "insomnia", "night"])
        // The description when there is one, else the summary.
        #expect(Self.text(sleep, "summary") == "Insomnia, explained")
        #expect(Self.children(sleep, "summary").first.flatMap { Self.attribute($0, "type") } == "text")

        let script = entries[1]
        #expect(Self.text(script, "published") == "2024-02-10T00:00:00Z")
        #expect(Self.text(script, "updated") == "2024-02-20T00:00:00Z")
        #expect(Self.text(script, "summary") == "Summary of script & more")
        // No answers: the publisher is the author.
        #expect(Self.children(script, "author").map { Self.text($0, "name") } == ["Mindwell <Clinic>"])
        #expect(Self.text(Self.children(script, "author")[0], "uri") == nil)
    }

    @Test func entriesAreNewestFirstAndTheLimitIsHonoured() throws {
        let site = Self.makeSite()
        let feed = try Self.parse(AtomFeed.site(site, limit: 2))
        let entries = Self.children(feed, "entry")
        #expect(entries.count == 2)
        #expect(entries.map { Self.text($0, "id") } == ["https://example.org/kb/questions/sleep/", "https://example.org/kb/questions/script/"])
        let published = entries.compactMap { Self.text($0, "published") }.map { try? Date($0, strategy: .iso8601) }
        #expect(published.count == 2 && published[0]! > published[1]!)
        // `updated` of the feed covers only the entries it holds.
        #expect(Self.text(feed, "updated") == "2024-03-01T09:30:00-05:00")
        #expect(Self.children(try Self.parse(AtomFeed.site(site, limit: 0)), "entry").isEmpty)
    }

    @Test func titlesAreEscaped() throws {
        let xml = AtomFeed.site(Self.makeSite())
        #expect(xml.contains("<title type=\"text\">&lt;script&gt; &amp; &quot;quotes&quot; aren&apos;t &apos;safe&apos;</title>"))
        #expect(!xml.contains("<script>"))
        #expect(xml.contains("<name>Mindwell &lt;Clinic&gt;</name>"))
        #expect(xml.contains("<title type=\"text\">Mindwell Q&amp;A</title>"))
        let titles = Self.children(try Self.parse(xml), "entry").map { Self.text($0, "title") }
        #expect(titles.contains(Self.scriptTitle))
    }

    @Test func charactersXMLForbidsAreDropped() throws {
        #expect(XMLText.escape("a\u{1}b\u{8}c\td\ne\u{FFFF}") == "abc\td\ne")
        #expect(XMLText.escape("plain") == "plain")
    }

    @Test func categoryFeedHoldsOnlyItsThreads() throws {
        let site = Self.makeSite()
        let index = try #require(site.categories.firstIndex { $0.name == "Anxiety" })
        let xml = AtomFeed.category(site, categoryIndex: index, localization: .builtIn("en"))
        #expect(Self.parsesWithXMLParser(xml))
        let feed = try Self.parse(xml)
        #expect(Self.text(feed, "id") == "https://example.org/kb/categories/anxiety/feed.xml")
        #expect(Self.link(feed, rel: "self") == "https://example.org/kb/categories/anxiety/feed.xml")
        #expect(Self.link(feed, rel: "alternate") == "https://example.org/kb/categories/anxiety/")
        #expect(Self.text(feed, "title") == "Mindwell Q&A: Anxiety")
        let entries = Self.children(feed, "entry")
        #expect(entries.map { Self.text($0, "id") } == ["https://example.org/kb/questions/script/", "https://example.org/kb/questions/panic/"])
        #expect(entries.allSatisfy { Self.children($0, "category").first.flatMap { Self.attribute($0, "term") } == "Anxiety" })
        #expect(Self.text(feed, "updated") == "2024-04-01T00:00:00Z")
        let limited = Self.children(try Self.parse(AtomFeed.category(site, categoryIndex: index, localization: .builtIn("en"), limit: 1)), "entry")
        #expect(limited.map { Self.text($0, "id") } == ["https://example.org/kb/questions/script/"])
    }

    @Test func feedRoutes() {
        #expect(Routes.feed == "feed.xml")
        #expect(Routes.categoryFeed("sleep") == "categories/sleep/feed.xml")
        let routes = Routes(config: Self.makeSite().config)
        #expect(routes.absolute(Routes.categoryFeed("sleep")) == "https://example.org/kb/categories/sleep/feed.xml")
    }

    @Test func feedsAreDeterministic() {
        let site = Self.makeSite()
        #expect(AtomFeed.site(site) == AtomFeed.site(Self.makeSite()))
        #expect(AtomFeed.category(site, categoryIndex: 0, localization: .builtIn("en")) == AtomFeed.category(Self.makeSite(), categoryIndex: 0, localization: .builtIn("en")))
    }

    @Test func emptySiteFeedIsStillValid() throws {
        var site = Self.makeSite()
        site = Site(config: site.config, rootPath: "", threads: [], authors: [], pages: [], categories: [], tags: [], assets: [])
        let feed = try Self.parse(AtomFeed.site(site))
        #expect(Self.text(feed, "updated") == "1970-01-01T00:00:00Z")
        #expect(Self.children(feed, "entry").isEmpty)
        #expect(Self.children(feed, "author").count == 1)
    }

    @Test func rfc3339Dates() {
        #expect(XMLText.rfc3339(Self.day("2018-04-26")) == "2018-04-26T00:00:00Z")
        #expect(XMLText.rfc3339(Self.day("2018-04-26T09:30:00-05:00")) == "2018-04-26T09:30:00-05:00")
        #expect(XMLText.rfc3339(Self.day("2018-04-26 09:30:00Z")) == "2018-04-26T09:30:00Z")
        let instant = Self.day("2018-04-26T09:30:00-05:00").instant
        let compact = ContentDate(year: 2018, month: 4, day: 26, instant: instant, text: "2018-04-26T09:30:00.250-0500")
        #expect(XMLText.rfc3339(compact) == "2018-04-26T09:30:00.250-05:00")
        let odd = ContentDate(year: 2018, month: 4, day: 26, instant: instant, text: "2018-04-26T09:30:00 EST")
        #expect(XMLText.rfc3339(odd) == "2018-04-26T14:30:00Z")
        #expect(XMLText.w3cDatetime(Self.day("2018-04-26")) == "2018-04-26")
        #expect(XMLText.w3cDatetime(Self.day("2018-04-26T09:30:00+02:00")) == "2018-04-26T09:30:00+02:00")
    }

    // MARK: Sitemap

    @Test func lastModifiedIsTheLatestOfDateUpdatedAndReview() {
        let site = Self.makeSite()
        let byslug = Dictionary(uniqueKeysWithValues: site.threads.map { ($0.slug, Sitemap.lastModified(of: $0)) })
        #expect(byslug["sleep"]?.text == "2024-03-01T09:30:00-05:00")  // date only
        #expect(byslug["script"]?.text == "2024-02-20")                 // updated
        #expect(byslug["panic"]?.text == "2024-05-01")                  // review, after updated
        #expect(byslug["old"]?.text == "2023-06-01")                    // review before the date does not count
    }

    @Test func sitemapListsEveryRouteOnceWithLastmod() throws {
        let site = Self.makeSite()
        let pageRoutes = ["questions/", "", "questions/sleep/", "questions/script/", "questions/panic/", "questions/old/",
                          "categories/", "categories/anxiety/", "categories/sleep/", "pages/about/", "ask/old-panic/", "questions/sleep/"]
        let files = Sitemap.files(site: site, pageRoutes: pageRoutes, lastModified: Sitemap.lastModified(site: site))
        #expect(files.map(\.path) == ["sitemap.xml"])
        let xml = files[0].text
        #expect(Self.parsesWithXMLParser(xml))
        let urlset = try Self.parse(xml)
        #expect(urlset.localName == "urlset" && urlset.uri == Self.sitemapNS)
        let urls = Self.children(urlset, "url", ns: Self.sitemapNS)
        let locs = urls.compactMap { Self.text($0, "loc", ns: Self.sitemapNS) }
        let expected = ["", "categories/", "categories/anxiety/", "categories/sleep/", "pages/about/", "questions/", "questions/old/",
                        "questions/panic/", "questions/script/", "questions/sleep/"].map { "https://example.org/kb/" + $0 }
        // Every route once, sorted; the alias redirect is left out.
        #expect(locs == expected)
        #expect(Set(locs).count == locs.count)
        #expect(!xml.contains("old-panic"))
        var lastmods: [String: String] = [:]
        for url in urls {
            if let loc = Self.text(url, "loc", ns: Self.sitemapNS), let lastmod = Self.text(url, "lastmod", ns: Self.sitemapNS) {
                lastmods[loc] = lastmod
            }
        }
        #expect(lastmods == [
            "https://example.org/kb/questions/sleep/": "2024-03-01T09:30:00-05:00",
            "https://example.org/kb/questions/script/": "2024-02-20",
            "https://example.org/kb/questions/panic/": "2024-05-01",
            "https://example.org/kb/questions/old/": "2023-06-01",
            "https://example.org/kb/pages/about/": "2023-01-01",
        ])
        #expect(Sitemap.aliasRoutes(site) == ["ask/old-panic/"])
    }

    @Test func largeSitemapsAreSplitWithAnIndex() throws {
        let site = Self.makeSite()
        let count = 120_001
        // Zero-padded, so the sorted order is the numeric order.
        let routes = (0..<count).map { n -> String in
            let digits = String(n)
            return "p/" + String(repeating: "0", count: 6 - digits.count) + digits + "/"
        }
        let lastModified: [String: ContentDate] = [
            routes[10]: Self.day("2020-01-01"), routes[49_999]: Self.day("2021-06-30"),   // part 1
            routes[50_000]: Self.day("2019-01-01"),                                       // part 2
            // part 3 has none
        ]
        let files = Sitemap.files(site: site, pageRoutes: routes.reversed(), lastModified: lastModified)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])

        let index = try Self.parse(files[0].text)
        #expect(index.localName == "sitemapindex" && index.uri == Self.sitemapNS)
        let entries = Self.children(index, "sitemap", ns: Self.sitemapNS)
        #expect(entries.compactMap { Self.text($0, "loc", ns: Self.sitemapNS) }
                == (1...3).map { "https://example.org/kb/sitemap-\($0).xml" })
        #expect(entries.map { Self.text($0, "lastmod", ns: Self.sitemapNS) } == ["2021-06-30", "2019-01-01", nil])

        func urlCount(_ text: String) -> Int { text.components(separatedBy: "<url>").count - 1 }
        #expect(files[1...].map { urlCount($0.text) } == [50_000, 50_000, 20_001])
        #expect(files[1].text.contains("<loc>https://example.org/kb/p/000000/</loc>"))
        #expect(files[1].text.contains("<loc>https://example.org/kb/p/049999/</loc>"))
        #expect(files[2].text.contains("<loc>https://example.org/kb/p/050000/</loc>\n    <lastmod>2019-01-01</lastmod>"))
        #expect(files[3].text.contains("<loc>https://example.org/kb/p/120000/</loc>"))
        #expect(files.allSatisfy { Self.parsesWithXMLParser($0.text) })

        // Exactly the limit still fits in one file.
        let exact = Sitemap.files(site: site, pageRoutes: Array(routes.prefix(50_000)), lastModified: [:])
        #expect(exact.map(\.path) == ["sitemap.xml"])
        #expect(exact[0].text.contains("<urlset"))
    }

    // MARK: robots.txt

    @Test func robotsTxtNamesTheAbsoluteSitemap() {
        let text = RobotsTxt.text(site: Self.makeSite())
        #expect(text == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/kb/sitemap.xml\n")
        let lines = text.split(separator: "\n")
        #expect(lines.contains("User-agent: *"))
        #expect(lines.contains("Allow: /"))
        #expect(RobotsTxt.text(site: Self.makeSite(), sitemapPath: "other.xml").contains("Sitemap: https://example.org/kb/other.xml\n"))
    }
}
