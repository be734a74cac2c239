import Foundation
import Testing
@testable import QandaKit

/// What the two model pages show, on Qanda's pages: "Asked by … on … with N answers", the reviewed mark,
/// points beside names, "edited by", the way to ask, and the structured data Google recommends for them.
@Suite struct ForumPageTests {
    static let page = "questions/sleep-better/index.html"

    /// The valid site as a forum thread: a second answer by a second author, with votes.
    static func forumSite(_ folder: TemporaryFolder, config: String = "") throws -> String {
        let site = ValidSite.make(in: folder)
        try SiteEdit.replace(ValidSite.config, "publisher: Test Publisher\n", with: "publisher: Test Publisher\n" + config).apply(to: site)
        try SiteEdit.replace(ValidSite.question, "category: Sleep\n", with: "category: Sleep\ngenre: forum-post\nasked_by: night_owl_42\nvotes: 1\n").apply(to: site)
        try SiteEdit.replace(ValidSite.answer, "accepted: true\n", with: "accepted: true\nvotes: 3\n").apply(to: site)
        try SiteEdit.write("Content/authors/sam-lee.md", "---\nname: Sam Lee\ngiven: Sam\nfamily: Lee\n---\nSam helps out.\n").apply(to: site)
        try SiteEdit.write("Content/questions/sleep-better/sam-lee.md", "---\nauthor: sam-lee\ndate: 2023-03-03\n---\nA warm bath helps me.\n").apply(to: site)
        return site
    }

    func built(_ site: String) async throws -> MemorySink {
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        return sink
    }

    @Test func askedByWithDateAndAnswerCountVotesAndPoints() async throws {
        let folder = TemporaryFolder()
        let sink = try await built(try Self.forumSite(folder))
        let html = try #require(sink.text(Self.page))
        #expect(html.contains(#"<p class="asked-by">Asked by night_owl_42 on <time datetime="2023-03-01">March 1, 2023</time> with 2 answers</p>"#), "\(html)")
        #expect(html.contains(#"<span class="votes">1 vote</span>"#))
        // Stack Exchange's rule by default: 10 a vote, 15 an accepted answer; a post with no votes shows 0.
        #expect(html.contains(#"<a href="/authors/ada-byron/">Ada Byron</a> <span class="points">(45 points)</span>"#), "\(html)")
        #expect(html.contains(#"<a href="/authors/sam-lee/">Sam Lee</a> <span class="points">(0 points)</span>"#))
        #expect(html.contains(#"<span class="votes">0 votes</span>"#))
        let author = try #require(sink.text("authors/ada-byron/index.html"))
        #expect(author.contains(#"<p class="points-total">45 points from answers in the community</p>"#))
        // The reference is the poster's, not the answerers'.
        #expect(html.contains(#"<p class="reference" id="reference">night_owl_42. (2023, March 1). <i>How can I sleep better?</i> [Online forum post]. Test Publisher."#), "\(html)")
    }

    @Test func aScreenNameAuthorIsCitedAsWritten() async throws {
        let folder = TemporaryFolder()
        let site = try Self.forumSite(folder)
        try SiteEdit.write("Content/authors/user-9.md", "---\nname: night_helper_9\nkind: screen-name\n---\nHelps at night.\n").apply(to: site)
        try SiteEdit.write("Content/questions/sleep-better/user-9.md", "---\nauthor: user-9\ndate: 2023-03-04\n---\nCount backwards.\n").apply(to: site)
        let sink = try await built(site)
        let html = try #require(sink.text(Self.page))
        #expect(html.contains("night_helper_9. (2023, March 4)."), "the answer's reference names them as written: \(html)")
        #expect(!html.contains("Helper_9, N."), "never inverted or cut to initials")
        #expect(html.contains(#"{"@type":"Person","name":"night_helper_9","url":"https://answers.example.org/authors/user-9/"}"#), "\(html)")
        let check = try CommandRun.run(["check", "--site", site])
        #expect(!(check.stdout + check.stderr).contains("missing-person-name"), "a screen name needs no given or family name")
    }

    @Test func anonymousAskerAndStructuredDataDefaults() async throws {
        let folder = TemporaryFolder()
        let site = try Self.forumSite(folder)
        try SiteEdit.replace(ValidSite.question, "asked_by: night_owl_42\n", with: "").apply(to: site)
        let html = try #require(try await built(site).text(Self.page))
        #expect(html.contains(#"<p class="asked-by">Asked by Anonymous on"#))
        #expect(html.contains(#""author":{"@type":"Person","name":"Anonymous"}"#), "\(html)")
        // Sam's answer has no votes: 0, as the page shows.
        #expect(html.contains(#""text":"A warm bath helps me.","upvoteCount":0"#), "\(html)")
        // Nobody signed the post: APA puts the title first.
        #expect(html.contains(#"<p class="reference" id="reference"><i>How can I sleep better?</i> [Online forum post]. (2023, March 1). Test Publisher."#), "\(html)")
        #expect(!html.contains("citation_author"))
    }

    @Test func aConfiguredRuleNoPointsAndExtremeNumbers() async throws {
        let folder = TemporaryFolder()
        let site = try Self.forumSite(folder, config: "points:\n  vote: 1\n  accepted: 100\n  answer: 2\n")
        var html = try #require(try await built(site).text(Self.page))
        #expect(html.contains(#"Ada Byron</a> <span class="points">(105 points)</span>"#), "\(html)")
        #expect(html.contains(#"Sam Lee</a> <span class="points">(2 points)</span>"#))
        // Votes beyond any rule's reach, and below zero: the totals saturate and floor, nothing crashes.
        try SiteEdit.replace(ValidSite.answer, "votes: 3\n", with: "votes: 9223372036854775807\n").apply(to: site)
        try SiteEdit.replace("Content/questions/sleep-better/sam-lee.md", "date: 2023-03-03\n", with: "date: 2023-03-03\nvotes: -40\n").apply(to: site)
        html = try #require(try await built(site).text(Self.page))
        #expect(html.contains(#"Ada Byron</a> <span class="points">(9,223,372,036,854M points)</span>"#), "\(html)")
        #expect(html.contains(#"Sam Lee</a> <span class="points">(0 points)</span>"#))
        #expect(html.contains(#"<span class="votes">-40 votes</span>"#))
        try SiteEdit.replace(ValidSite.config, "points:\n  vote: 1\n  accepted: 100\n  answer: 2\n", with: "points: false\n").apply(to: site)
        html = try #require(try await built(site).text(Self.page))
        #expect(!html.contains(#"class="points""#))
    }

    @Test func pointsAreForForumThreadsOnly() async throws {
        let folder = TemporaryFolder()
        let site = try Self.forumSite(folder)
        try SiteEdit.replace(ValidSite.question, "genre: forum-post\n", with: "").apply(to: site)
        let sink = try await built(site)
        let html = try #require(sink.text(Self.page))
        #expect(!html.contains(#"class="points""#))
        #expect(!html.contains(#"<span class="votes">0 votes</span>"#), "an expert page shows only the votes it was given")
        #expect(sink.text("authors/ada-byron/index.html")?.contains("points-total") == false)
    }

    @Test func editedByReviewedMarkAndAskLink() async throws {
        let folder = TemporaryFolder()
        let site = try Self.forumSite(folder, config: "medical: true\nask:\n  url: https://forms.example.org/ask\n  label: Send us a question\n")
        try SiteEdit.replace(ValidSite.question, "votes: 1\n", with: "votes: 1\nedited_by: sam-lee\n").apply(to: site)
        try SiteEdit.replace(ValidSite.answer, "votes: 3\n", with: "votes: 3\nedited_by: advisory-board\n").apply(to: site)
        let sink = try await built(site)
        let html = try #require(sink.text(Self.page))
        #expect(html.contains(#"with 2 answers · edited by <a href="/authors/sam-lee/">Sam Lee</a></p>"#), "\(html)")
        #expect(html.contains(#" · edited by <a href="/authors/advisory-board/">Advisory Board</a>"#))
        #expect(html.contains(#""editor":{"@type":"Organization","name":"Advisory Board""#), "\(html)")
        #expect(html.contains(##"<p class="reviewed-mark"><a href="#review"><span aria-hidden="true">✓ </span>Scientifically reviewed</a></p>"##))
        #expect(html.contains(#"<p class="review" id="review">Last reviewed by"#))
        #expect(html.contains(#"<a href="https://forms.example.org/ask">Send us a question</a></p>"#))
        let home = try #require(sink.text("index.html"))
        #expect(home.contains(#"<li><a class="ask" href="https://forms.example.org/ask">Send us a question</a></li>"#))
        // Not a health site: the mark says "Reviewed"; no ask: no link anywhere.
        try SiteEdit.replace(ValidSite.config, "medical: true\nask:\n  url: https://forms.example.org/ask\n  label: Send us a question\n", with: "ask: mailto:ask@example.org\n").apply(to: site)
        let plain = try #require(try await built(site).text(Self.page))
        #expect(plain.contains(##"<a href="#review"><span aria-hidden="true">✓ </span>Reviewed</a>"##))
        #expect(plain.contains(#"<li><a class="ask" href="mailto:ask@example.org">Ask a question</a></li>"#))
    }
}
