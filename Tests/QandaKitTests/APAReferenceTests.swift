import Testing
@testable import QandaKit

/// APA 7 references for the names and titles editors actually have.
@Suite struct APAReferenceTests {
    static let date = ContentDate.parse("2018-04-26")!

    func record(_ authors: [CitationRecord.Contributor], title: String = "Pursuing an ethical post-therapy relationship",
                genre: CitationGenre = .webpage, date: ContentDate? = APAReferenceTests.date, site: String = "Mindwell",
                kind: CitationRecord.Kind = .page, excerpt: String? = nil, retrieved: ContentDate? = nil) -> CitationRecord {
        CitationRecord(kind: kind, genre: genre, authors: authors, date: date, originalDate: date, title: title,
                       titleIsDerived: false, pageTitle: title, commentExcerpt: excerpt, siteName: site,
                       url: "https://answers.example.org/questions/x/", retrieved: retrieved, language: "en", key: "k")
    }

    @Test func webpageWithOneAuthor() {
        #expect(APAReference.plain(record([.person(given: "Kristina", family: "Randle", suffix: nil)])) ==
            "Randle, K. (2018, April 26). Pursuing an ethical post-therapy relationship. Mindwell. https://answers.example.org/questions/x/")
        #expect(APAReference.html(record([.person(given: "Kristina", family: "Randle", suffix: nil)])) ==
            #"Randle, K. (2018, April 26). <i>Pursuing an ethical post-therapy relationship</i>. Mindwell. <a href="https://answers.example.org/questions/x/">https://answers.example.org/questions/x/</a>"#)
    }

    @Test(arguments: [
        (CitationRecord.Contributor.person(given: "Marie-Claire", family: "Dubois", suffix: nil), "Dubois, M.-C."),
        (.person(given: "Anneke", family: "van der Berg", suffix: nil), "van der Berg, A."),
        (.person(given: "Theodore", family: "Okafor", suffix: "Jr."), "Okafor, T., Jr."),
        (.person(given: "Mary Ann", family: "O'Neil", suffix: nil), "O'Neil, M. A."),
        (.person(given: "J.R.R.", family: "Tolkien", suffix: nil), "Tolkien, J. R. R."),
        (.person(given: "Łukasz", family: "Żółć", suffix: nil), "Żółć, Ł."),
        (.person(given: "Ángel", family: "García Márquez", suffix: "III"), "García Márquez, Á., III"),
        (.person(given: nil, family: "Plato", suffix: nil), "Plato"),
        (.organization("Mindwell Scientific Advisory Board"), "Mindwell Scientific Advisory Board"),
    ])
    func names(contributor: CitationRecord.Contributor, expected: String) {
        #expect(APAReference.name(contributor) == expected)
    }

    /// APA 7 cites a forum post by its poster, screen names as written; with no poster the title moves to the
    /// author position, before the date.
    @Test func forumPostsAreCitedByTheirPoster() {
        let title = "I had a panic attack in the grocery store and now I'm scared to go back"
        #expect(APAReference.plain(record([.screenName("checkout_lane_7")], title: title, genre: .forumPost)) ==
            "checkout_lane_7. (2018, April 26). \(title) [Online forum post]. Mindwell. https://answers.example.org/questions/x/")
        #expect(APAReference.html(record([.screenName("checkout_lane_7")], title: title, genre: .forumPost)).hasPrefix(
            "checkout_lane_7. (2018, April 26). <i>I had a panic attack in the grocery store and now I&#39;m scared to go back</i> [Online forum post]. Mindwell. "))
        #expect(APAReference.plain(record([], title: title, genre: .forumPost)) ==
            "\(title) [Online forum post]. (2018, April 26). Mindwell. https://answers.example.org/questions/x/")
        #expect(APAReference.name(.screenName("Dr. j.smith")) == "Dr. j.smith")
    }

    @Test func authorListsJoinLikeAPA() {
        let people = (1...22).map { CitationRecord.Contributor.person(given: "Given", family: "F\($0)", suffix: nil) }
        #expect(APAReference.authorList(Array(people.prefix(2))) == "F1, G., & F2, G.")
        #expect(APAReference.authorList(Array(people.prefix(3))) == "F1, G., F2, G., & F3, G.")
        let twenty = APAReference.authorList(Array(people.prefix(20)))
        #expect(twenty.hasSuffix("F19, G., & F20, G."))
        let many = APAReference.authorList(Array(people.prefix(22)))
        #expect(many.hasSuffix("F18, G., F19, G., . . . F22, G."))
        #expect(!many.contains("F20,"))
        #expect(!many.contains("&"))
    }

    @Test func suffixEndsTheAuthorElementWithoutADoublePeriod() {
        #expect(APAReference.plain(record([.person(given: "Theodore", family: "Okafor", suffix: "Jr.")])).hasPrefix("Okafor, T., Jr. (2018, April 26). "))
    }

    @Test func noDateIsND() {
        #expect(APAReference.plain(record([.organization("Health Org")], date: nil)).hasPrefix("Health Org. (n.d.). "))
    }

    @Test func siteNameIsLeftOutWhenItIsTheGroupAuthor() {
        let reference = APAReference.plain(record([.organization("Mindwell")]))
        #expect(reference == "Mindwell. (2018, April 26). Pursuing an ethical post-therapy relationship. https://answers.example.org/questions/x/")
    }

    @Test func questionMarkReplacesThePeriod() {
        let reference = APAReference.plain(record([.person(given: "A", family: "B", suffix: nil)], title: "Is it normal to worry?"))
        #expect(reference.contains("(2018, April 26). Is it normal to worry? Mindwell. "))
        let html = APAReference.html(record([.person(given: "A", family: "B", suffix: nil)], title: "Is it normal to worry?"))
        #expect(html.contains("<i>Is it normal to worry?</i> Mindwell."))
    }

    @Test func forumPostAndComment() {
        let author = [CitationRecord.Contributor.person(given: "Jonah", family: "Pelletier", suffix: nil)]
        #expect(APAReference.plain(record(author, title: "Scared to go back?", genre: .forumPost)) ==
            "Pelletier, J. (2018, April 26). Scared to go back? [Online forum post]. Mindwell. https://answers.example.org/questions/x/")
        let comment = record(author, title: "Scared to go back?", genre: .forumPost, kind: .answer, excerpt: "Yes, and I'm so glad")
        #expect(APAReference.html(comment) ==
            #"Pelletier, J. (2018, April 26). <i>Yes, and I&#39;m so glad</i> [Comment on the online forum post Scared to go back?]. Mindwell. <a href="https://answers.example.org/questions/x/">https://answers.example.org/questions/x/</a>"#)
    }

    @Test func retrievalDateOnlyWhenAskedFor() {
        let retrieved = ContentDate.parse("2025-06-01")!
        let reference = APAReference.plain(record([.organization("Org")], retrieved: retrieved))
        #expect(reference.hasSuffix("Mindwell. Retrieved June 1, 2025, from https://answers.example.org/questions/x/"))
        #expect(!APAReference.plain(record([.organization("Org")])).contains("Retrieved"))
    }

    @Test func htmlEscapesEveryPiece() {
        let reference = APAReference.html(record([.organization("Smith & <Sons>")], title: "A <script> & \"quotes\"", site: "R&D"))
        #expect(reference.hasPrefix("Smith &amp; &lt;Sons&gt;. (2018, April 26). <i>A &lt;script&gt; &amp; &quot;quotes&quot;</i>. R&amp;D. "))
        #expect(!reference.contains("<script>"))
    }
}

@Suite struct SentenceCaseTests {
    @Test(arguments: [
        ("Pursuing an Ethical Post-Therapy Relationship", "Pursuing an ethical post-therapy relationship"),
        ("Why Do I Feel Flat After Finally Reaching My Goal?", "Why do I feel flat after finally reaching my goal?"),
        ("Can CBT Help With ADHD?", "Can CBT help with ADHD?"),
        ("I'm Scared to Go Back", "I'm scared to go back"),
        ("Using My iPhone at Night: Is It Hurting My Sleep?", "Using my iPhone at night: Is it hurting my sleep?"),
        ("my first question", "My first question"),
        ("How Do You Deal With the \"Sunday Scaries\"?", "How do you deal with the \"sunday scaries\"?"),
        ("Therapy With Dr. Smith", "Therapy with dr. smith"),
        ("Living With PTSD — A Guide", "Living with PTSD — A guide"),
    ])
    func sentenceCase(title: String, expected: String) {
        #expect(SentenceCase.convert(title) == expected)
    }
}

@Suite struct SentenceCaseAbbreviationTests {
    @Test func abbreviationsDoNotStartASentence() {
        #expect(SentenceCase.convert("Waking Up at 4 a.m. Every Night") == "Waking up at 4 a.m. every night")
        #expect(SentenceCase.convert("Moving to the U.S. Alone") == "Moving to the U.S. alone")
        #expect(SentenceCase.convert("I Tried. It Failed.") == "I tried. It failed.")
    }

    @Test func derivedTitleHintIsValidYAML() {
        #expect(CitationChecks.yamlScalar("Using my iPhone: is it bad?") == "'Using my iPhone: is it bad?'")
        #expect(CitationChecks.yamlScalar("Plain title") == "Plain title")
    }
}
