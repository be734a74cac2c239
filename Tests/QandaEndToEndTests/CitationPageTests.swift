import Foundation
import Testing
@testable import QandaKit

/// Citing a question page: the block readers see, the downloads beside it, and `qanda cite`.
@Suite struct CitationPageTests {
    @Test func citeBlockShowsTheAPAReferenceWithCopyAndDownloads() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let page = try #require(sink.text("questions/sleep-and-worry/index.html"))
        // Page authors are the answer authors in the page's order (accepted first); reviewers never.
        let reference = "Member, S., &amp; Lovelace, A. (2021, May 2). <i>Why do I worry at night?</i> Fixture Health. "
            + #"<a href="https://example.org/kb/questions/sleep-and-worry/">https://example.org/kb/questions/sleep-and-worry/</a>"#
        #expect(page.contains(#"<p class="reference" id="reference">"# + reference + "</p>"))
        #expect(!page.contains("Fixture Advisory Board, ") && !page.contains("Board. (2021"))
        #expect(page.contains(#"<button type="button" class="copy-reference" data-copy="reference" data-copied="Copied" hidden>Copy reference</button>"#))
        #expect(page.contains(#"<a href="/kb/questions/sleep-and-worry/cite.bib" download>BibTeX</a>"#))
        #expect(page.contains(#"<a href="/kb/questions/sleep-and-worry/cite.ris" download>RIS</a>"#))
        #expect(page.contains(#"<a href="/kb/questions/sleep-and-worry/cite.json" download>CSL-JSON</a>"#))
        #expect(page.contains("navigator.clipboard"))
    }

    @Test func eachAnswerCanBeCitedOnItsOwn() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let page = try #require(sink.text("questions/sleep-and-worry/index.html"))
        #expect(page.contains("<summary>Cite this answer</summary>"))
        #expect(page.contains("Lovelace, A. (2020, March 2). <i>Why do I worry at night?</i> Fixture Health. "
                              + #"<a href="https://example.org/kb/questions/sleep-and-worry/#answer-ada">"#))
        // A single-answer page is cited as a whole; no per-answer block.
        let single = try #require(sink.text("questions/script-title/index.html"))
        #expect(!single.contains("Cite this answer"))
        #expect(single.contains("Cite this page"))
    }

    @Test func titleWithMarkupIsEscapedInTheReference() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        let page = try #require(sink.text("questions/script-title/index.html"))
        #expect(page.contains("<i>Is &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; safe?</i> Fixture Health."))
    }

    @Test func downloadsBesideEachPageAgreeWithTheReference() async throws {
        let (_, sink) = await buildInMemory(Fixtures.site("basic"))
        for slug in ["sleep-and-worry", "script-title"] {
            for name in ["cite.bib", "cite.ris", "cite.json"] {
                #expect(sink.files["questions/\(slug)/\(name)"] != nil, "missing \(slug)/\(name)")
            }
        }
        let json = try #require(sink.files["questions/sleep-and-worry/cite.json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [[String: Any]])
        #expect(items.count == 1)
        let item = items[0]
        #expect(item["title"] as? String == "Why do I worry at night?")
        #expect(item["URL"] as? String == "https://example.org/kb/questions/sleep-and-worry/")
        #expect(item["publisher"] as? String == "Fixture Health")
        let families = (item["author"] as? [[String: Any]])?.compactMap { $0["family"] as? String }
        #expect(families == ["Member", "Lovelace"])
        #expect((item["issued"] as? [String: Any]).flatMap { $0["date-parts"] as? [[Int]] } == [[2021, 5, 2]])
        let bib = try #require(sink.text("questions/sleep-and-worry/cite.bib"))
        #expect(bib.contains("author = {Member, Sam and Lovelace, Ada}"))
        #expect(bib.contains("date = {2021-05-02}"))
        let ris = try #require(sink.text("questions/sleep-and-worry/cite.ris"))
        #expect(ris.hasPrefix("TY  - ELEC\r\nAU  - Member, Sam\r\nAU  - Lovelace, Ada\r\n"))
    }

    @Test func citeCommandPrintsTheSameReference() throws {
        let run = try CommandRun.run(["cite", "sleep-and-worry", "--site", Fixtures.site("basic")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Member, S., & Lovelace, A. (2021, May 2). Why do I worry at night? Fixture Health. https://example.org/kb/questions/sleep-and-worry/\n")
        let answer = try CommandRun.run(["cite", "sleep-and-worry", "--answer", "ada", "--format", "apa-html", "--site", Fixtures.site("basic")])
        #expect(answer.status == 0)
        #expect(answer.stdout.hasPrefix("Lovelace, A. (2020, March 2). <i>Why do I worry at night?</i> Fixture Health. "))
    }

    @Test func citeCommandExplainsABadSlugOrAnswer() throws {
        let badSlug = try CommandRun.run(["cite", "sleep-and-wory", "--site", Fixtures.site("basic")])
        #expect(badSlug.status == 1)
        #expect(badSlug.stderr.contains("error: no thread 'sleep-and-wory' (did you mean 'sleep-and-worry'?)"))
        #expect(badSlug.stdout.isEmpty)
        let badAnswer = try CommandRun.run(["cite", "sleep-and-worry", "--answer", "bob", "--site", Fixtures.site("basic")])
        #expect(badAnswer.status == 1)
        #expect(badAnswer.stderr.contains("error: thread 'sleep-and-worry' has no answer 'bob'; its answers are: "))
        let badFormat = try CommandRun.run(["cite", "sleep-and-worry", "--format", "mla", "--site", Fixtures.site("basic")])
        #expect(badFormat.status == 2)
    }
}
