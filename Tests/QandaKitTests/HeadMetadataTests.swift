import Foundation
import Testing
@testable import QandaKit

/// The `<head>` metadata of question and author pages: Highwire Press / Dublin Core / OpenGraph meta tags and
/// schema.org JSON-LD.
@Suite struct HeadMetadataTests {
    // MARK: A small site

    static let location = SourceLocation(file: "test")
    static func day(_ text: String) -> ContentDate { ContentDate.parse(text)! }

    static let randle = Author(
        id: "kristina-randle", name: "Kristina Randle", given: "Kristina", family: "Randle", suffix: nil, kind: .person,
        isReviewer: false, credentials: "Ph.D., LCSW", role: "Clinical psychologist", affiliation: "Mindwell Clinic",
        orcid: "0000-0002-1825-0097", url: "https://randle.example.com/", photo: "randle.jpg",
        bioHTML: "<p>Therapist &amp; author.</p>\n", source: location)
    static let okafor = Author(
        id: "theodore-okafor", name: "Theodore Okafor Jr.", given: "Theodore", family: "Okafor", suffix: "Jr.", kind: .person,
        isReviewer: true, credentials: "MD", role: nil, affiliation: nil, orcid: "https://orcid.org/0000-0002-1694-233X",
        url: nil, photo: nil, bioHTML: "", source: location)
    static let board = Author(
        id: "advisory-board", name: "Mindwell Scientific Advisory Board", given: nil, family: nil, suffix: nil,
        kind: .organization, isReviewer: false, credentials: nil, role: nil, affiliation: nil, orcid: nil,
        url: "https://board.example.org/", photo: nil, bioHTML: "", source: location)

    static func answer(_ id: String, by author: String, date: String, updated: String? = nil, votes: Int?, accepted: Bool,
                       html: String) -> Answer {
        Answer(id: id, authorID: author, date: day(date), updated: updated.map(day), votes: votes, isAccepted: accepted,
               isDraft: false, bodyHTML: html, plainText: PlainText.fromHTML(html), source: location)
    }

    static func question(_ title: String, date: String, updated: String? = nil, review: Review? = nil, askedBy: String? = nil,
                         votes: Int? = nil, genre: CitationGenre?, category: String, tags: [String]) -> Question {
        Question(title: title, date: day(date), updated: updated.map(day), review: review, askedBy: askedBy, category: category,
                 tags: tags, votes: votes, aliases: [], description: nil, citationTitle: nil, genre: genre, isDraft: false,
                 bodyHTML: "<p>I lie awake &amp; worry.</p>\n<ul>\n<li>every night</li>\n</ul>\n",
                 summary: "I lie awake & worry.", plainText: "I lie awake & worry. every night", source: location)
    }

    /// A forum thread: an accepted answer, two others (one by the same author), votes on everything.
    static let forumThread = QuestionThread(
        folder: "cant-sleep", slug: "cant-sleep",
        question: question("Why can't I sleep before exams?", date: "2018-04-26", updated: "2019-01-05T10:00:00-05:00",
                           askedBy: "A worried student", votes: 7, genre: .forumPost, category: "Sleep & Anxiety",
                           tags: ["insomnia", "exams"]),
        answers: [
            answer("first", by: "kristina-randle", date: "2018-04-27", updated: "2018-05-01", votes: 5, accepted: true,
                   html: "<p>Keep a <em>sleep</em> diary &amp; see a doctor.</p>\n"),
            answer("second", by: "theodore-okafor", date: "2018-04-28", votes: 3, accepted: false,
                   html: "<p>Cut caffeine after noon.</p>\n"),
            answer("third", by: "kristina-randle", date: "2018-04-29", votes: 1, accepted: false,
                   html: "<p>Breathing exercises help.</p>\n"),
        ],
        attachments: [])

    /// A webpage thread reviewed by an organization, answered by one person.
    static let webpageThread = QuestionThread(
        folder: "panic", slug: "panic-attacks",
        question: question("What is a panic attack?", date: "2020-01-10", review: Review(reviewerID: "advisory-board", date: day("2020-02-01")),
                           genre: .webpage, category: "Anxiety", tags: ["panic"]),
        answers: [answer("answer-okafor", by: "theodore-okafor", date: "2020-01-10", votes: nil, accepted: false,
                         html: "<p>A sudden surge of fear.</p>\n")],
        attachments: [])

    static func site(medical: Bool = false, threads: [QuestionThread] = [forumThread, webpageThread]) -> Site {
        var config = SiteConfig(title: "Ask the Therapist", baseURL: "https://answers.example.org/kb/", publisher: "Mindwell")
        config.isMedical = medical
        return Site(config: config, rootPath: "", threads: threads, authors: [board, okafor, randle], pages: [],
                    categories: SiteLinker.taxonomies(threads, names: { [$0.question.category] }),
                    tags: SiteLinker.taxonomies(threads, names: { $0.question.tags }), assets: [])
    }

    static let forumURL = "https://answers.example.org/kb/questions/cant-sleep/"
    static let webpageURL = "https://answers.example.org/kb/questions/panic-attacks/"

    func metaTags(_ thread: QuestionThread, site: Site = HeadMetadataTests.site()) -> [MetaTag] {
        HeadMetaTags.questionPage(record: CitationRecord.page(thread, site: site, retrieved: nil), thread: thread, site: site)
    }

    func values(_ tags: [MetaTag], _ key: String) -> [String] { tags.filter { $0.key == key }.map(\.content) }

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The object of the `@graph` with the given type.
    func node(_ document: [String: Any], type: String) throws -> [String: Any] {
        let graph = try #require(document["@graph"] as? [[String: Any]])
        return try #require(graph.first { $0["@type"] as? String == type })
    }

    // MARK: Meta tags

    @Test func highwireTagsOfAForumThread() {
        let tags = metaTags(Self.forumThread)
        #expect(values(tags, "citation_title") == ["Why can't I sleep before exams?"])
        // A forum post is its poster's: the screen name in asked_by, as written, and not the answerers.
        #expect(values(tags, "citation_author") == ["A worried student"])
        #expect(values(tags, "citation_publication_date") == ["2018/04/26"])
        #expect(values(tags, "citation_online_date") == ["2018/04/26"])
        #expect(values(tags, "citation_publisher") == ["Mindwell"])
        #expect(values(tags, "citation_language") == ["en"])
        #expect(values(tags, "citation_fulltext_html_url") == [Self.forumURL])
    }

    @Test func authorsNeverCarryCredentialsAndReviewersAreNotAuthors() {
        for thread in [Self.forumThread, Self.webpageThread] {
            let tags = metaTags(thread)
            for name in values(tags, "citation_author") + values(tags, "DC.creator") {
                #expect(!name.contains("Ph.D") && !name.contains("LCSW") && !name.contains("MD"), "\(name)")
            }
        }
        let webpage = metaTags(Self.webpageThread)
        #expect(values(webpage, "citation_author") == ["Okafor, Theodore, Jr."])
        #expect(values(webpage, "DC.creator") == ["Okafor, Theodore, Jr."])
        #expect(values(webpage, "article:author") == ["https://answers.example.org/kb/authors/theodore-okafor/"])
        #expect(!webpage.contains { $0.content.contains("Advisory Board") })
    }

    /// A forum post nobody signed has no author in any tag: APA puts its title first.
    @Test func aForumPostWithoutAPosterHasNoAuthorTags() {
        var thread = Self.forumThread
        thread.question.askedBy = "  "
        let tags = metaTags(thread, site: Self.site(threads: [thread]))
        #expect(values(tags, "citation_author").isEmpty)
        #expect(values(tags, "DC.creator").isEmpty)
        #expect(values(tags, "citation_title") == ["Why can't I sleep before exams?"])
    }

    @Test func organizationsAuthorUnderTheirName() {
        var thread = Self.webpageThread
        thread.answers[0].authorID = "advisory-board"
        thread.question.review = nil
        let tags = metaTags(thread, site: Self.site(threads: [thread]))
        #expect(values(tags, "citation_author") == ["Mindwell Scientific Advisory Board"])
        #expect(values(tags, "DC.creator") == ["Mindwell Scientific Advisory Board"])
    }

    @Test func dublinCoreTags() {
        let tags = metaTags(Self.forumThread)
        #expect(values(tags, "DC.title") == ["Why can't I sleep before exams?"])
        #expect(values(tags, "DC.creator") == ["A worried student"])
        #expect(values(tags, "DC.date") == ["2018-04-26"])  // first publication, like citation_publication_date
        #expect(values(tags, "DC.publisher") == ["Mindwell"])
        #expect(values(tags, "DC.identifier") == [Self.forumURL])
        #expect(values(tags, "DC.language") == ["en"])
    }

    @Test func openGraphTags() {
        let tags = metaTags(Self.forumThread)
        #expect(values(tags, "og:title") == ["Why can't I sleep before exams?"])
        #expect(values(tags, "og:type") == ["article"])
        #expect(values(tags, "og:url") == [Self.forumURL])
        #expect(values(tags, "og:description") == ["I lie awake & worry."])
        #expect(values(tags, "og:site_name") == ["Ask the Therapist"])
        #expect(values(tags, "article:published_time") == ["2018-04-26"])
        #expect(values(tags, "article:modified_time") == ["2019-01-05T10:00:00-05:00"])
        // The poster has no author page; the answerers are not the post's authors.
        #expect(values(tags, "article:author").isEmpty)
        #expect(values(tags, "article:section") == ["Sleep & Anxiety"])
        #expect(values(tags, "article:tag") == ["insomnia", "exams"])
        // Not updated: no modified time.
        #expect(values(metaTags(Self.webpageThread), "article:modified_time").isEmpty)
    }

    @Test func everyTagOncePerValueWithTheRightAttribute() {
        for thread in [Self.forumThread, Self.webpageThread] {
            let tags = metaTags(thread)
            let triples = tags.map { "\($0.attribute) \($0.key) \($0.content)" }
            #expect(Set(triples).count == triples.count)
            let singles = ["citation_title", "citation_publication_date", "citation_online_date", "citation_publisher",
                           "citation_language", "citation_fulltext_html_url", "DC.title", "DC.date", "DC.publisher",
                           "DC.identifier", "DC.language", "og:title", "og:type", "og:url", "og:description", "og:site_name",
                           "article:published_time", "article:section"]
            for key in singles { #expect(values(tags, key).count == 1, "\(key)") }
            for tag in tags {
                let isOpenGraph = tag.key.hasPrefix("og:") || tag.key.hasPrefix("article:")
                #expect(tag.attribute == (isOpenGraph ? "property" : "name"), "\(tag.key)")
            }
        }
    }

    @Test func repeatedTagsAreWrittenOnce() {
        var thread = Self.forumThread
        thread.question.tags = ["insomnia", "exams", "insomnia"]
        #expect(values(metaTags(thread), "article:tag") == ["insomnia", "exams"])
    }

    @Test func metaTagHTMLIsEscaped() {
        #expect(MetaTag.name("citation_title", #"Fish & "chips" <b>"#).html ==
            #"<meta name="citation_title" content="Fish &amp; &quot;chips&quot; &lt;b&gt;">"#)
    }

    /// The default theme prints `meta_tags_html`; a theme that loops over `meta_tags` as the old default did gets
    /// the same bytes, escapes included.
    @Test func metaTagsHTMLIsWhatTheLoopOverMetaTagsPrints() throws {
        var thread = Self.forumThread
        thread.question.title = #"Fish & "chips" <b>"#
        let site = Self.site(threads: [thread])
        let context = ContextBuilder(site: site, today: Self.day("2025-01-01"), localization: .builtIn(site.config.language)).questionPage(0)
        let folder = NSTemporaryDirectory() + "qanda-meta-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/Templates", withIntermediateDirectories: true)
        try #"{{#meta_tags}}<meta {{attribute}}="{{key}}" content="{{content}}">"# .appending("\n{{/meta_tags}}\n")
            .write(toFile: folder + "/Templates/loop.mustache", atomically: false, encoding: .utf8)
        let templates = try #require(TemplateSet.load(siteFolder: folder).0)
        let html = context.metaTagsHTML
        #expect(html.contains("Fish &amp; &quot;chips&quot; &lt;b&gt;"))
        #expect(html.components(separatedBy: "<meta ").count > 10)
        #expect(templates.render(context, layout: "loop") == html)
    }

    // MARK: JSON-LD of a forum thread

    @Test func forumThreadIsAQAPageInAGraphWithItsBreadcrumbs() throws {
        let document = try json(StructuredData.questionPage(thread: Self.forumThread, site: Self.site()))
        #expect(document["@context"] as? String == "https://schema.org")
        let page = try node(document, type: "QAPage")
        #expect(page["url"] as? String == Self.forumURL)
        #expect(page["lastReviewed"] == nil && page["reviewedBy"] == nil)
        let breadcrumbs = try node(document, type: "BreadcrumbList")
        #expect((page["breadcrumb"] as? [String: Any])?["@id"] as? String == breadcrumbs["@id"] as? String)
        let items = try #require(breadcrumbs["itemListElement"] as? [[String: Any]])
        #expect(items.map { $0["position"] as? Int } == [1, 2, 3])
        #expect(items.map { $0["item"] as? String } == ["https://answers.example.org/kb/",
                                                         "https://answers.example.org/kb/categories/sleep-anxiety/", Self.forumURL])
        #expect(items.map { $0["name"] as? String } == ["Ask the Therapist", "Sleep & Anxiety", "Why can't I sleep before exams?"])
    }

    @Test func questionWithAcceptedAndSuggestedAnswers() throws {
        let document = try json(StructuredData.questionPage(thread: Self.forumThread, site: Self.site()))
        let question = try #require(try node(document, type: "QAPage")["mainEntity"] as? [String: Any])
        #expect(question["@type"] as? String == "Question")
        #expect(question["name"] as? String == "Why can't I sleep before exams?")
        #expect(question["text"] as? String == "I lie awake & worry. every night")
        #expect(question["answerCount"] as? Int == 3)
        #expect(question["upvoteCount"] as? Int == 7)
        #expect(question["dateCreated"] as? String == "2018-04-26")
        let asker = try #require(question["author"] as? [String: Any])
        #expect(asker["@type"] as? String == "Person" && asker["name"] as? String == "A worried student")

        let accepted = try #require(question["acceptedAnswer"] as? [String: Any])
        #expect(accepted["@type"] as? String == "Answer")
        #expect(accepted["text"] as? String == "Keep a sleep diary & see a doctor.")
        #expect(accepted["dateCreated"] as? String == "2018-04-27")
        #expect(accepted["dateModified"] as? String == "2018-05-01")
        #expect(accepted["upvoteCount"] as? Int == 5)
        #expect(accepted["url"] as? String == Self.forumURL + "#answer-first")
        let randle = try #require(accepted["author"] as? [String: Any])
        #expect(randle["@type"] as? String == "Person")
        #expect(randle["name"] as? String == "Kristina Randle")
        #expect(randle["honorificSuffix"] as? String == "Ph.D., LCSW")
        #expect(randle["jobTitle"] as? String == "Clinical psychologist")
        #expect((randle["affiliation"] as? [String: Any])?["name"] as? String == "Mindwell Clinic")
        #expect(randle["url"] as? String == "https://answers.example.org/kb/authors/kristina-randle/")
        #expect(randle["sameAs"] as? [String] == ["https://orcid.org/0000-0002-1825-0097", "https://randle.example.com/"])
        #expect(randle["image"] as? String == "https://answers.example.org/kb/authors/kristina-randle/randle.jpg")

        let suggested = try #require(question["suggestedAnswer"] as? [[String: Any]])
        #expect(suggested.count == 2)
        #expect(suggested.map { $0["@type"] as? String } == ["Answer", "Answer"])
        #expect(suggested.map { $0["url"] as? String } == [Self.forumURL + "#answer-second", Self.forumURL + "#answer-third"])
        #expect(suggested.map { $0["upvoteCount"] as? Int } == [3, 1])
        #expect(suggested.allSatisfy { $0["dateModified"] == nil && $0["text"] is String && $0["dateCreated"] is String })
        let okafor = try #require(suggested[0]["author"] as? [String: Any])
        #expect(okafor["honorificSuffix"] as? String == "MD")
        #expect(okafor["sameAs"] as? [String] == ["https://orcid.org/0000-0002-1694-233X"])
    }

    @Test func aQuestionWithoutAcceptedAnswerHasOnlySuggestedOnes() throws {
        var thread = Self.forumThread
        thread.answers[0].isAccepted = false
        let document = try json(StructuredData.questionPage(thread: thread, site: Self.site(threads: [thread])))
        let question = try #require(try node(document, type: "QAPage")["mainEntity"] as? [String: Any])
        #expect(question["acceptedAnswer"] == nil)
        #expect((question["suggestedAnswer"] as? [[String: Any]])?.count == 3)
    }

    // MARK: JSON-LD of a webpage thread

    @Test(arguments: [(true, "MedicalWebPage"), (false, "WebPage")])
    func webpageThreadFollowsMedical(medical: Bool, type: String) throws {
        let site = Self.site(medical: medical)
        let document = try json(StructuredData.questionPage(thread: Self.webpageThread, site: site))
        #expect(document["@context"] as? String == "https://schema.org")
        let page = try node(document, type: type)
        #expect(page["name"] as? String == "What is a panic attack?")
        #expect(page["headline"] as? String == "What is a panic attack?")
        #expect(page["url"] as? String == Self.webpageURL)
        #expect(page["inLanguage"] as? String == "en")
        #expect(page["datePublished"] as? String == "2020-01-10")
        #expect(page["dateModified"] as? String == "2020-01-10")
        #expect(page["lastReviewed"] as? String == "2020-02-01")
        let reviewer = try #require(page["reviewedBy"] as? [String: Any])
        #expect(reviewer["@type"] as? String == "Organization")
        #expect(reviewer["name"] as? String == "Mindwell Scientific Advisory Board")
        #expect(reviewer["url"] as? String == "https://answers.example.org/kb/authors/advisory-board/")
        let authors = try #require(page["author"] as? [[String: Any]])
        #expect(authors.map { $0["name"] as? String } == ["Theodore Okafor Jr."])
        let publisher = try #require(page["publisher"] as? [String: Any])
        #expect(publisher["@type"] as? String == "Organization" && publisher["name"] as? String == "Mindwell")
        let question = try #require(page["mainEntity"] as? [String: Any])
        #expect(question["@type"] as? String == "Question")
        #expect(question["name"] as? String == "What is a panic attack?")
        #expect(question["text"] is String)
        // No asked_by: the asker is "Anonymous", as the page says (Google recommends Question.author).
        let asker = try #require(question["author"] as? [String: Any])
        #expect(asker["@type"] as? String == "Person" && asker["name"] as? String == "Anonymous")
        #expect((page["breadcrumb"] as? [String: Any])?["@id"] != nil)
        _ = try node(document, type: "BreadcrumbList")
        #expect(!(document["@graph"] as? [[String: Any]] ?? []).contains { $0["@type"] as? String == "QAPage" })
    }

    @Test func genreFallsBackOnTheSiteSetting() throws {
        var thread = Self.forumThread
        thread.question.genre = nil
        var site = Self.site(threads: [thread])
        site.config.citationGenre = .forumPost
        _ = try node(try json(StructuredData.questionPage(thread: thread, site: site)), type: "QAPage")
        site.config.citationGenre = .webpage
        _ = try node(try json(StructuredData.questionPage(thread: thread, site: site)), type: "WebPage")
    }

    // MARK: Safety and determinism

    @Test func aTitleCannotCloseTheScriptElement() throws {
        var thread = Self.forumThread
        thread.question.title = "Is </script><script>alert(1)</script> <!-- safe? & sound"
        var author = Self.randle
        author.name = "</SCRIPT>Evil"
        let site = Self.site(threads: [thread])
        for text in [StructuredData.questionPage(thread: thread, site: site), StructuredData.authorPage(author: author, site: site)] {
            #expect(!text.lowercased().contains("</script"))
            #expect(!text.contains("<"))
            let element = StructuredData.scriptElement(text)
            #expect(element.lowercased().components(separatedBy: "</script").count == 2)
            #expect(element.hasSuffix("</script>"))
        }
        let document = try json(StructuredData.questionPage(thread: thread, site: site))
        #expect(try node(document, type: "QAPage")["name"] as? String == thread.question.title)
    }

    @Test func outputIsDeterministic() {
        let site = Self.site()
        #expect(StructuredData.questionPage(thread: Self.forumThread, site: site) ==
            StructuredData.questionPage(thread: Self.forumThread, site: Self.site()))
        #expect(StructuredData.questionPage(thread: Self.forumThread, site: site).hasPrefix(#"{"@context":"https://schema.org","@graph":["#))
    }

    // MARK: Author pages

    @Test func profilePageOfAPerson() throws {
        let site = Self.site()
        let document = try json(StructuredData.authorPage(author: Self.randle, site: site))
        #expect(document["@context"] as? String == "https://schema.org")
        #expect(document["@type"] as? String == "ProfilePage")
        #expect(document["url"] as? String == "https://answers.example.org/kb/authors/kristina-randle/")
        let person = try #require(document["mainEntity"] as? [String: Any])
        #expect(person["@type"] as? String == "Person")
        #expect(person["name"] as? String == "Kristina Randle")
        #expect(person["honorificSuffix"] as? String == "Ph.D., LCSW")
        #expect(person["url"] as? String == "https://answers.example.org/kb/authors/kristina-randle/")
        #expect((person["sameAs"] as? [String])?.contains("https://orcid.org/0000-0002-1825-0097") == true)
        #expect(person["description"] as? String == "Therapist & author.")
        let statistic = try #require(person["agentInteractionStatistic"] as? [String: Any])
        #expect(statistic["userInteractionCount"] as? Int == 2)
    }

    @Test func profilePageOfAnOrganization() throws {
        let document = try json(StructuredData.authorPage(author: Self.board, site: Self.site()))
        #expect(document["@type"] as? String == "ProfilePage")
        let organization = try #require(document["mainEntity"] as? [String: Any])
        #expect(organization["@type"] as? String == "Organization")
        #expect(organization["name"] as? String == "Mindwell Scientific Advisory Board")
        #expect(organization["url"] as? String == "https://answers.example.org/kb/authors/advisory-board/")
        #expect(organization["honorificSuffix"] == nil && organization["agentInteractionStatistic"] == nil)
    }

    // MARK: Plain text

    @Test func plainTextOfHTML() {
        #expect(PlainText.fromHTML("<h2 id=\"x\">Title</h2>\n<p>A &amp; B&#39;s <code>&lt;tag&gt;</code> &#x2019;</p><p>next</p>") ==
            "Title A & B's <tag> \u{2019} next")
        #expect(PlainText.fromHTML("<p>a<!-- <b> --> b<script>x</script>c &unknown; d</p>") == "a bc &unknown; d")
    }
}
