import Foundation
import Testing
@testable import QandaKit

/// What a reader sees on the pages of the `basic` fixture.
@Suite struct BuildFixtureTests {
    @Test func buildsEveryKindOfPage() async throws {
        let (result, sink) = await buildInMemory(Fixtures.site("basic"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.succeeded)
        let files = Set(sink.files.keys)
        for expected in ["index.html", "questions/index.html", "questions/page/2/index.html",
                         "questions/sleep-and-worry/index.html", "questions/script-title/index.html",
                         "questions/sleep-and-worry/chart.svg", "authors/index.html", "authors/ada-lovelace/index.html",
                         "authors/ada-lovelace/ada.svg", "authors/board/index.html", "categories/index.html",
                         "categories/sleep-help/index.html", "categories/ask-the-therapist/index.html", "tags/index.html",
                         "tags/sleep/index.html", "tags/worry/index.html", "pages/about/index.html", "assets/extra.css",
                         "qanda.css", "old/night-worry/index.html"] {
            #expect(files.contains(expected), "missing \(expected)")
        }
        #expect(!files.contains("questions/draft-thread/index.html"), "a draft thread was published")
    }

    @Test func answersAppearInContractOrderWithBylines() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let page = try #require(sink.text("questions/sleep-and-worry/index.html"))
        // Accepted first, then votes high to low, then date old to new.
        let order = ["The accepted answer.", "Try a worry window.", "Older answer with one vote.", "Low-voted answer."]
        // Searched in the answers section only: the head's structured data repeats the answer texts in its own order.
        let answers = String(try #require(page.components(separatedBy: #"<section id="answers""#).last))
        let offsets = order.map { answers.offset(of: $0) }
        #expect(offsets.allSatisfy { $0 != nil }, "\(offsets)")
        #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
        #expect(!page.contains("A draft answer nobody should see."))
        #expect(page.contains(#"<a href="/kb/authors/ada-lovelace/">Ada Lovelace</a>, <span class="credentials">Ph.D., LCSW</span>"#))
        #expect(page.contains("✓&nbsp;Accepted answer"))
        #expect(page.contains(#"<span class="votes">3 votes</span>"#))
        #expect(page.contains(#"id="answer-sam-accepted""#))
        // Two answers have a "What helps" heading: their ids must differ.
        #expect(page.contains(#"<h2 id="answer-sam-accepted-what-helps">What helps</h2>"#))
        #expect(page.contains(#"<h2 id="answer-ada-what-helps">What helps</h2>"#))
    }

    @Test func datesReviewAndAuthorBoxes() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let page = try #require(sink.text("questions/sleep-and-worry/index.html"))
        #expect(page.contains(#"Last updated <time datetime="2021-05-02">May 2, 2021</time> (Originally <time datetime="2020-03-01">March 1, 2020</time>)"#))
        #expect(page.contains(#"Last reviewed by <a href="/kb/authors/board/">Fixture Advisory Board</a> on <time datetime="2024-01-15">January 15, 2024</time>"#))
        #expect(page.contains("Asked by Night Owl"))
        #expect(page.contains("About the authors"))
        #expect(page.contains("<p>Ada writes about <em>sleep</em> and worry.</p>"))
        let other = try #require(sink.text("questions/script-title/index.html"))
        #expect(other.contains(#"Published <time datetime="2019-01-01">January 1, 2019</time>"#))
        #expect(!other.contains("Last updated"))
    }

    @Test func frontMatterStringsAreEscaped() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let page = try #require(sink.text("questions/script-title/index.html"))
        #expect(!page.contains("<script>alert"), "a <script> from front matter or Markdown reached the page")
        #expect(page.contains("<title>Is &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; safe? · Fixture Answers</title>"))
        #expect(page.contains(#"<meta name="description" content="A &lt;b&gt;description&lt;/b&gt; with markup">"#))
        #expect(page.contains("<!-- raw HTML omitted -->"))
        #expect(page.contains(#"<a href="">bad link</a>"#))
        let home = try #require(sink.text("index.html"))
        #expect(!home.contains("<script>alert"))
    }

    @Test func linksCarryTheBasePath() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let page = try #require(sink.text("questions/sleep-and-worry/index.html"))
        #expect(page.contains(#"<link rel="stylesheet" href="/kb/qanda.css">"#))
        #expect(page.contains(#"<link rel="canonical" href="https://example.org/kb/questions/sleep-and-worry/">"#))
        #expect(page.contains(#"<a href="/kb/questions/script-title/">the other question</a>"#), "site-absolute Markdown link")
        #expect(page.contains(#"<img src="chart.svg" alt="chart" />"#), "attachment link stays relative to the page")
        #expect(page.contains(#"href="/kb/categories/sleep-help/""#))
        #expect(page.contains(#"href="/kb/tags/worry/""#))
        // No link anywhere may point at the host root when the site lives under /kb/.
        for (path, bytes) in sink.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            let rootLinks = html.components(separatedBy: "href=\"/").dropFirst().filter { !$0.hasPrefix("kb/") }
            #expect(rootLinks.isEmpty, "\(path) links outside /kb/: \(rootLinks.prefix(2))")
        }
    }

    @Test func listsArePagedByPageSize() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let first = try #require(sink.text("questions/index.html"))
        let second = try #require(sink.text("questions/page/2/index.html"))
        // Newest first: the 2020 thread on page 1, the 2019 thread on page 2.
        #expect(first.contains("Why do I worry at night?"))
        #expect(!first.contains("safe?</a>"))
        #expect(second.contains("safe?</a>"))
        #expect(first.contains(#"<a rel="next" href="/kb/questions/page/2/">"#))
        #expect(second.contains(#"<a rel="prev" href="/kb/questions/">"#))
        #expect(second.contains(#"<span aria-current="page">2</span>"#))
    }

    @Test func authorPagesListAnswersAndReviews() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let ada = try #require(sink.text("authors/ada-lovelace/index.html"))
        #expect(ada.contains("<h1>Ada Lovelace</h1>"))
        #expect(ada.contains(#"<p class="credentials">Ph.D., LCSW</p>"#))
        #expect(ada.contains("Pages reviewed (1)"))
        #expect(ada.contains("Answers (2)"))
        #expect(ada.contains(#""@type":"ProfilePage""#))
        let index = try #require(sink.text("authors/index.html"))
        #expect(index.contains("Fixture Advisory Board"))
        #expect(index.contains("Sam Member"))
    }

    /// A review board's page is paged like its answers: page N shows the Nth share of the pages reviewed.
    @Test func pagesReviewedArePagedWithTheAuthorPage() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        let question = site + "/Content/questions/script-title/question.md"
        let text = try String(contentsOfFile: question, encoding: .utf8)
        try text.replacingOccurrences(of: "by: ada-lovelace", with: "by: board").write(toFile: question, atomically: false, encoding: .utf8)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        // page_size is 1; the board reviewed two pages and answered none.
        let first = try #require(sink.text("authors/board/index.html"))
        let second = try #require(sink.text("authors/board/page/2/index.html"))
        #expect(sink.text("authors/board/page/3/index.html") == nil)
        #expect(first.contains("Pages reviewed (2)") && second.contains("Pages reviewed (2)"))
        #expect(first.contains("Why do I worry at night?</a>") && !first.contains("safe?</a>"))
        #expect(second.contains("safe?</a>") && !second.contains("Why do I worry at night?</a>"))
        #expect(!first.contains("Answers ("))
        #expect(first.contains(#"<a rel="next" href="/kb/authors/board/page/2/">"#))
        #expect(second.contains(#"<a rel="prev" href="/kb/authors/board/">"#))
        #expect(second.contains("<title>Fixture Advisory Board (page 2 of 2)"))
        // Ada answered two questions and now reviews none: her second page lists an answer and no reviews.
        let ada = try #require(sink.text("authors/ada-lovelace/page/2/index.html"))
        #expect(ada.contains("Answers (2)") && !ada.contains("Pages reviewed"))
    }

    @Test func aliasPageRedirectsToTheCanonicalURL() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let alias = try #require(sink.text("old/night-worry/index.html"))
        #expect(alias.contains(#"<meta http-equiv="refresh" content="0; url=https://example.org/kb/questions/sleep-and-worry/">"#))
        #expect(alias.contains(#"<link rel="canonical" href="https://example.org/kb/questions/sleep-and-worry/">"#))
    }

    @Test func draftsAreBuiltOnlyWhenAskedFor() async throws {
        let (result, sink) = await buildInMemory(Fixtures.site("basic"), drafts: true)
        #expect(result.succeeded)
        #expect(sink.files["questions/draft-thread/index.html"] != nil)
        #expect(sink.text("questions/sleep-and-worry/index.html")?.contains("A draft answer nobody should see.") == true)
    }

    @Test func baseURLOverrideMovesEveryLink() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"), baseURL: "https://mirror.example.net/")
        let page = try #require(sink.text("questions/sleep-and-worry/index.html"))
        #expect(page.contains(#"<link rel="stylesheet" href="/qanda.css">"#))
        #expect(page.contains(#"href="https://mirror.example.net/questions/sleep-and-worry/""#))
    }

    @Test func outputIsDeterministic() async throws {
        let (_, first) = await buildInMemory(Fixtures.site("basic"))
        let (_, second) = await buildInMemory(Fixtures.site("basic"))
        #expect(first.files == second.files)
    }

    @Test func breadcrumbsAndNeighboursInTheCategory() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"), drafts: true)
        let page = try #require(sink.text("questions/sleep-and-worry/index.html"))
        #expect(page.contains(#"<nav class="breadcrumbs" aria-label="Breadcrumb">"#))
        #expect(page.contains(#"<li><a href="/kb/">Home</a></li><li><a href="/kb/categories/sleep-help/">Sleep Help</a></li><li class="current"><span aria-current="page">Why do I worry at night?</span></li>"#))
        // With drafts, "A draft thread" (2020-06-01) is the newer neighbour in Sleep Help.
        #expect(page.contains(#"<a rel="next" href="/kb/questions/draft-thread/"><span>Newer in Sleep Help</span> A draft thread</a>"#))
        #expect(!page.contains(#"rel="prev" href="/kb/questions/"#))
    }

    @Test func relatedQuestionsShareTagsOrCategory() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"), drafts: true)
        let page = try #require(sink.text("questions/sleep-and-worry/index.html"))
        #expect(page.contains("Related questions"))
        #expect(page.contains(#"<li><a href="/kb/questions/draft-thread/">A draft thread</a>"#))
        // The other thread shares neither category nor tags.
        let related = page.components(separatedBy: "Related questions").last ?? ""
        #expect(!related.contains("/kb/questions/script-title/"))
    }

    @Test func searchPageAnd404() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let search = try #require(sink.text("search/index.html"))
        #expect(search.contains("Search is not available on this copy of the site."))
        #expect(!search.lowercased().contains("pagefind"))
        let notFound = try #require(sink.text("404.html"))
        #expect(notFound.contains("<h1>Page not found</h1>"))
        #expect(notFound.contains(#"<a href="/kb/search/">Search the questions</a>"#))
        // Every page's header has a plain GET search form; only the search page would load the script.
        let question = try #require(sink.text("questions/sleep-and-worry/index.html"))
        #expect(question.contains(#"<form class="site-search" action="/kb/search/" method="get" role="search" aria-label="Site">"#))
        #expect(question.contains(#"<input id="site-search-query" type="search" name="q" placeholder="Search">"#))
        #expect(!question.contains("<script src="))
        #expect(!question.contains("pagefind"))
    }

    @Test func manifestListsEveryPublishedURL() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let manifest = try #require(sink.text("manifest.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])
        let urls = try #require(object["urls"] as? [String])
        #expect(object["base_url"] as? String == "https://example.org/kb/")
        #expect(urls.contains("/questions/sleep-and-worry/"))
        #expect(urls.contains("/questions/sleep-and-worry/cite.bib"))
        #expect(urls.contains("/old/night-worry/"))
        #expect(Set(urls).count == sink.files.count, "the manifest lists every file written, once")
    }

    @Test func feedsSitemapAndRobotsLeaveDraftsOut() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let feed = try #require(sink.text("feed.xml"))
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("<id>https://example.org/kb/questions/sleep-and-worry/</id>"))
        #expect(!feed.contains("draft-thread"))
        let categoryFeed = try #require(sink.text("categories/sleep-help/feed.xml"))
        #expect(categoryFeed.contains("sleep-and-worry") && !categoryFeed.contains("script-title"))
        let sitemap = try #require(sink.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/kb/questions/sleep-and-worry/</loc>"))
        #expect(sitemap.contains("<lastmod>2024-01-15</lastmod>"), "lastmod is the latest of date, updated and review")
        #expect(!sitemap.contains("draft-thread") && !sitemap.contains("/old/night-worry/") && !sitemap.contains("404"))
        #expect(sink.text("robots.txt")?.contains("Sitemap: https://example.org/kb/sitemap.xml") == true)
        let home = try #require(sink.text("index.html"))
        #expect(home.contains(#"<link rel="alternate" type="application/atom+xml" href="/kb/feed.xml" title="Fixture Answers">"#))
    }
}
