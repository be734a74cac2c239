import Foundation
import Testing
@testable import QandaKit

/// `withdrawn: {date, reason}`: a thread's URL shows a notice and nothing else of it is published; an answer is a
/// notice in its place. The manifest records withdrawn URLs for `qanda check --against`.
@Suite struct WithdrawnContentTests {
    private static let naps = "Content/questions/naps-at-work/question.md"
    private static let withdrawal = "withdrawn:\n  date: 2025-02-01\n  reason: The advice did not match current guidance."

    /// The valid site, a second thread (naps-at-work, with an alias and an attachment) and, unless `withdrawn` is
    /// false, that thread withdrawn.
    private static func site(in folder: TemporaryFolder, withdrawn: Bool = true) throws -> String {
        let site = ValidSite.make(in: folder)
        for edit in ValidSite.secondThread() { try edit.apply(to: site) }
        try SiteEdit.replace(naps, "category: Sleep", with: "category: Sleep\naliases: [/old/naps/]").apply(to: site)
        try SiteEdit.write("Content/questions/naps-at-work/chart.svg", "<svg/>\n").apply(to: site)
        if withdrawn { try SiteEdit.replace(naps, "category: Sleep", with: "category: Sleep\n" + withdrawal).apply(to: site) }
        return site
    }

    private static func build(_ site: String) async throws -> (SitePipeline.Result, MemorySink, SearchReader) {
        let sink = MemorySink()
        let result = await SitePipeline(siteFolder: site, options: SiteLoader.Options(now: Fixtures.now), searchAvailable: true).build(into: sink)
        #expect(result.succeeded, "\(result.diagnostics)")
        let reader = try #require(SearchReader(files: sink.files))
        return (result, sink, reader)
    }

    @Test func aWithdrawnThreadIsANoticeAtItsURL() async throws {
        let folder = TemporaryFolder()
        let (_, sink, _) = try await Self.build(Self.site(in: folder))
        let notice = try #require(sink.text("questions/naps-at-work/index.html"))
        #expect(notice.contains(#"<meta name="robots" content="noindex">"#))
        #expect(notice.contains("<title>Withdrawn: Are naps at work a good idea? · Test Answers</title>"))
        #expect(notice.contains(#"<h1 id="withdrawn-heading">This question has been withdrawn</h1>"#))
        #expect(notice.contains(#"<p class="withdrawn-title">Are naps at work a good idea?</p>"#))
        #expect(notice.contains(#"It was withdrawn on <time datetime="2025-02-01">February 1, 2025</time>, with its answers."#))
        #expect(notice.contains("<strong>Why:</strong> The advice did not match current guidance."))
        #expect(notice.contains(#"<a href="/">Go to the home page</a>"#))
        #expect(notice.contains(#"<a href="/categories/sleep/">More in Sleep</a>"#))
        // Nothing of the thread itself: not its text, its answer, its metadata.
        for gone in ["My manager asked.", "Short ones help.", "citation_title", "application/ld+json", "cite.bib"] {
            #expect(!notice.contains(gone), "the notice shows \(gone)")
        }
        // Its alias leads to the notice; its citation files and attachments are gone.
        #expect(sink.text("old/naps/index.html")?.contains(#"content="0; url=https://answers.example.org/questions/naps-at-work/""#) == true)
        for file in ["cite.bib", "cite.ris", "cite.json", "chart.svg"] {
            #expect(sink.files["questions/naps-at-work/\(file)"] == nil, "\(file) is still published")
        }
    }

    @Test func aWithdrawnThreadLeavesEveryListFeedSitemapAndTheSearchIndex() async throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder, withdrawn: false)
        let (_, before, beforeSearch) = try await Self.build(site)
        let title = "Are naps at work a good idea?"
        let places = ["index.html", "questions/index.html", "categories/sleep/index.html", "authors/ada-byron/index.html",
                      "authors/advisory-board/index.html", "feed.xml", "categories/sleep/feed.xml"]
        // Listed before: so that its absence below means something.
        for path in places { #expect(before.text(path)?.contains(title) == true, "\(path) did not list it before") }
        #expect(before.text("sitemap.xml")?.contains("/questions/naps-at-work/") == true)
        #expect(beforeSearch.search("manager").contains("/questions/naps-at-work/"))

        try SiteEdit.replace(Self.naps, "category: Sleep", with: "category: Sleep\n" + Self.withdrawal).apply(to: site)
        let (_, after, afterSearch) = try await Self.build(site)
        for path in places { #expect(after.text(path)?.contains(title) == false, "\(path) still lists it") }
        #expect(after.text("sitemap.xml")?.contains("/questions/naps-at-work/") == false)
        #expect(afterSearch.search("manager").isEmpty)
        #expect(afterSearch.documentCount == 1)
        // The manifest keeps the URLs, and says they were withdrawn.
        let manifest = try #require(after.text("manifest.json"))
        #expect(manifest.contains(#""/questions/naps-at-work/","#))
        #expect(manifest.hasSuffix("\"withdrawn\":[\"/old/naps/\",\n\"/questions/naps-at-work/\"]}\n"), "\(manifest.suffix(120))")
        #expect(before.text("manifest.json")?.contains("withdrawn") == false, "a site without withdrawals writes the manifest it always did")
    }

    @Test func aWithdrawnAnswerIsANoticeInItsPlaceAndCountsNowhere() async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        let thread = "Content/questions/sleep-better/"
        try SiteEdit.write(thread + "zoe.md", "---\nauthor: advisory-board\ndate: 2023-03-04\nvotes: 3\n---\nThe board's view.\n").apply(to: site)
        try SiteEdit.write(thread + "ben.md", """
            ---
            author: advisory-board
            date: 2023-03-03
            votes: 5
            withdrawn: {date: 2024-01-02, reason: It recommended a supplement.}
            ---
            Try the supplement.

            """).apply(to: site)
        let (_, sink, search) = try await Self.build(site)
        let page = try #require(sink.text("questions/sleep-better/index.html"))
        // In contract order: the accepted answer, then the withdrawn one (5 votes), then zoe (3 votes).
        let accepted = try #require(page.offset(of: #"<article id="answer-ada-byron""#))
        let withdrawn = try #require(page.offset(of: #"<article id="answer-ben" class="answer is-withdrawn" aria-labelledby="answer-ben-heading">"#))
        let zoe = try #require(page.offset(of: #"<article id="answer-zoe""#))
        #expect(accepted < withdrawn && withdrawn < zoe)
        #expect(page.contains(#"<h3 id="answer-ben-heading">Answer withdrawn</h3>"#))
        #expect(page.contains(#"<p>This answer was withdrawn on <time datetime="2024-01-02">January 2, 2024</time>. It recommended a supplement.</p>"#))
        #expect(!page.contains("Try the supplement."))
        #expect(page.contains(#"<h2 id="answers-heading">2 answers</h2>"#))
        #expect(search.search("supplement").isEmpty)
        // Not among the page's cited authors once the board's other answer is withdrawn too.
        #expect(sink.text("questions/sleep-better/cite.bib")?.contains("Advisory Board") == true)
        try SiteEdit.remove(thread + "zoe.md").apply(to: site)
        let (_, alone, _) = try await Self.build(site)
        for file in ["cite.bib", "cite.ris", "cite.json"] {
            #expect(alone.text("questions/sleep-better/" + file)?.contains("Advisory Board") == false, "\(file) cites the withdrawn answer's author")
        }
        #expect(alone.text("questions/sleep-better/index.html")?.contains("Advisory Board") == false)
        #expect(alone.text("authors/advisory-board/index.html")?.contains("answer-ben") == false)
    }

    @Test func checkAgainstAcceptsTheRemovalOfAWithdrawnThreadNowAndLater() async throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder, withdrawn: false)
        func manifest(of sink: MemorySink, as name: String) throws -> (manifest: SiteManifest, source: String) {
            folder.write(try #require(sink.text("manifest.json")), to: name + "/manifest.json")
            return (try SiteManifest.read(folder.path + "/" + name), name + "/manifest.json")
        }
        let (_, published, _) = try await Self.build(site)
        let original = try manifest(of: published, as: "original")
        #expect(original.manifest.urls.contains("/questions/naps-at-work/chart.svg"))

        // Withdrawn: its citation files and attachment are gone, and that is accepted.
        try SiteEdit.replace(Self.naps, "category: Sleep", with: "category: Sleep\n" + Self.withdrawal).apply(to: site)
        #expect(await check(site, previous: original).isEmpty)
        let (_, withdrawnSite, _) = try await Self.build(site)
        let recorded = try manifest(of: withdrawnSite, as: "recorded")
        #expect(recorded.manifest.withdrawn == ["/old/naps/", "/questions/naps-at-work/"])

        // Later the folder goes too: accepted against the manifest that recorded the withdrawal, not the original.
        try SiteEdit.remove("Content/questions/naps-at-work").apply(to: site)
        #expect(await check(site, previous: recorded).isEmpty)
        let removed = await check(site, previous: original)
        #expect(removed.map(summary) == ["original/manifest.json:0:0 error url-removed", "original/manifest.json:0:0 error url-removed"])
        #expect(removed.map(\.message) == ["/old/naps/ was published before and this site no longer has it",
                                           "/questions/naps-at-work/ was published before and this site no longer has it"])
        #expect(removed.last?.hint?.contains("keep its folder with `withdrawn: {date: ..., reason: ...}`") == true)
    }

    /// Each link to the withdrawn thread, by its URL or an alias, from an answer or a free page, at its line.
    @Test func everyLinkToAWithdrawnThreadIsReported() async throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder)
        try SiteEdit.replace(ValidSite.answer, "Keep a regular bedtime.", with: "Keep a regular bedtime.\nSee [naps](/questions/naps-at-work/#answer-ada-byron).\nOr [the old page](../../old/naps/).").apply(to: site)
        try SiteEdit.write("Content/pages/about.md", "---\ntitle: About\n---\nStart [here](/questions/naps-at-work/index.html).\n").apply(to: site)
        let diagnostics = await check(site)
        #expect(diagnostics.map(summary) == ["Content/pages/about.md:4:7 warning withdrawn-link",
                                             "\(ValidSite.answer):7:5 warning withdrawn-link", "\(ValidSite.answer):8:4 warning withdrawn-link"])
        #expect(diagnostics.allSatisfy { $0.hint == "remove the link, or link to a page that takes its place" })
        #expect(diagnostics.last?.message == "link '../../old/naps/' leads to 'Are naps at work a good idea?', withdrawn on 2025-02-01: readers find only the notice")
        // The build reports them too, and builds: the links reach the notice.
        let (result, _, _) = try await Self.build(site)
        #expect(result.diagnostics.map(summary) == diagnostics.map(summary))
    }

    @Test func citeRefusesAWithdrawnThreadOrAnswer() throws {
        let folder = TemporaryFolder()
        let site = try Self.site(in: folder)
        let thread = try CommandRun.run(["cite", "naps-at-work", "--site", site])
        #expect(thread.status == 1)
        #expect(thread.stderr.contains("error: thread 'naps-at-work' was withdrawn on 2025-02-01 (The advice did not match current guidance.); a withdrawn page has no reference"), "\(thread.stderr)")
        try SiteEdit.replace(ValidSite.answer, "accepted: true", with: "withdrawn: {date: 2024-01-02, reason: Out of date.}").apply(to: site)
        let answer = try CommandRun.run(["cite", "sleep-better", "--answer", "ada-byron", "--site", site])
        #expect(answer.status == 1)
        #expect(answer.stderr.contains("error: answer 'ada-byron' of thread 'sleep-better' was withdrawn on 2024-01-02 (Out of date.); a withdrawn answer has no reference"), "\(answer.stderr)")
    }

    @Test func theExampleSiteShowsAWithdrawnThreadAndAnswer() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let sink = MemorySink()
        let now = ISO8601DateFormatter().date(from: "2026-12-01T12:00:00Z")!
        let result = await SitePipeline(siteFolder: repository, options: SiteLoader.Options(now: now)).build(into: sink)
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(sink.text("questions/sleeping-tablets-from-a-friend/index.html")?.contains("This question has been withdrawn") == true)
        #expect(sink.text("questions/waking-at-4am-every-night/index.html")?.contains(#"<article id="answer-jonah-pelletier-tablets" class="answer is-withdrawn""#) == true)
        #expect(sink.text("questions/waking-at-4am-every-night/index.html")?.contains("my mum's sleeping tablets") == false)
    }
}
