import Testing
@testable import QandaKit

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    private func html(_ markdown: String, _ renderer: MarkdownRenderer = MarkdownRenderer()) -> String {
        renderer.render(markdown).html
    }

    // MARK: GitHub-flavored extensions

    @Test func plainParagraph() {
        #expect(html("Hello *world*.") == "<p>Hello <em>world</em>.</p>\n")
    }

    @Test func tables() {
        #expect(html("| a | b |\n|---|---|\n| 1 | 2 |\n") ==
            "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test func strikethroughNeedsTwoTildes() {
        #expect(html("~~gone~~ and ~kept~") == "<p><del>gone</del> and ~kept~</p>\n")
    }

    @Test func autolinks() {
        #expect(html("see www.example.org now") == "<p>see <a href=\"http://www.example.org\">www.example.org</a> now</p>\n")
        #expect(html("see https://example.org/x now") == "<p>see <a href=\"https://example.org/x\">https://example.org/x</a> now</p>\n")
    }

    @Test func taskLists() {
        #expect(html("- [ ] todo\n- [x] done\n") ==
            "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> todo</li>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n</ul>\n")
    }

    @Test func footnotes() {
        let output = html("Text[^1].\n\n[^1]: The note.\n")
        #expect(output.contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>"))
        #expect(output.contains("<section class=\"footnotes\" data-footnotes>"))
        #expect(output.contains("<li id=\"fn-1\">\n<p>The note. <a href=\"#fnref-1\""))
    }

    @Test func smartPunctuation() {
        #expect(html("\"Hello\" it's -- and --- ok...") == "<p>\u{201C}Hello\u{201D} it\u{2019}s \u{2013} and \u{2014} ok\u{2026}</p>\n")
    }

    @Test func fencedCodeKeepsItsLanguage() {
        #expect(html("```swift\nlet x = 1 < 2\n```\n") == "<pre lang=\"swift\"><code>let x = 1 &lt; 2\n</code></pre>\n")
    }

    // MARK: Heading ids

    @Test func headingID() {
        #expect(html("## Hello World") == "<h2 id=\"hello-world\">Hello World</h2>\n")
    }

    @Test func duplicateHeadingsAreNumbered() {
        #expect(html("## Hello World\n\n## Hello World\n\n### Hello World\n") ==
            "<h2 id=\"hello-world\">Hello World</h2>\n<h2 id=\"hello-world-1\">Hello World</h2>\n<h3 id=\"hello-world-2\">Hello World</h3>\n")
    }

    @Test func headingIDUsesTheTextOfInlineMarkup() {
        #expect(html("# `code` *em* Ünïcode") == "<h1 id=\"code-em-unicode\"><code>code</code> <em>em</em> Ünïcode</h1>\n")
    }

    @Test func headingWithoutLettersGetsSection() {
        #expect(html("# !!!\n\n# ???\n") == "<h1 id=\"section\">!!!</h1>\n<h1 id=\"section-1\">???</h1>\n")
    }

    @Test func idPrefixIsApplied() {
        let output = renderer.render("## Hello World\n\n## Hello World", idPrefix: "answer-kristina-").html
        #expect(output == "<h2 id=\"answer-kristina-hello-world\">Hello World</h2>\n<h2 id=\"answer-kristina-hello-world-1\">Hello World</h2>\n")
    }

    @Test func reservedIDsAreAvoided() {
        let output = renderer.render("## Main\n\n## Answers\n\n## Other", reservedIDs: ["main", "answers", "answers-1"]).html
        #expect(output == "<h2 id=\"main-1\">Main</h2>\n<h2 id=\"answers-2\">Answers</h2>\n<h2 id=\"other\">Other</h2>\n")
    }

    @Test func setextHeadingsGetIDsToo() {
        #expect(html("Title\n=====\n\nSub\n---\n") == "<h1 id=\"title\">Title</h1>\n<h2 id=\"sub\">Sub</h2>\n")
    }

    // MARK: Raw HTML

    @Test func rawHTMLIsOmittedByDefault() {
        let output = html("<div class=\"x\">hi</div>\n\nsome <b>bold</b> text\n")
        #expect(output == "<!-- raw HTML omitted -->\n<p>some <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> text</p>\n")
        #expect(!output.contains("<div"))
        #expect(!output.contains("<b>"))
    }

    @Test func rawHTMLIsKeptWhenAllowed() {
        let output = html("<div class=\"x\">hi</div>\n\nsome <b>bold</b> text\n", MarkdownRenderer(allowsRawHTML: true))
        #expect(output == "<div class=\"x\">hi</div>\n<p>some <b>bold</b> text</p>\n")
    }

    @Test func tagfilterNeutralizesScriptEvenWhenRawHTMLIsAllowed() {
        let unsafe = MarkdownRenderer(allowsRawHTML: true)
        #expect(html("a <script>alert(1)</script> b", unsafe) == "<p>a &lt;script>alert(1)&lt;/script> b</p>\n")
        #expect(html("<script>\nalert(1)\n</script>\n", unsafe) == "&lt;script>\nalert(1)\n&lt;/script>\n")
        #expect(!html("<iframe src=\"x\"></iframe>", unsafe).contains("<iframe"))
        #expect(!html("x <script>alert(1)</script>").contains("<script"))
    }

    // MARK: Links

    @Test(arguments: [false, true])
    func javascriptLinksAreEmptied(allowsRawHTML: Bool) {
        let unsafe = MarkdownRenderer(allowsRawHTML: allowsRawHTML)
        #expect(html("[x](javascript:alert(1))", unsafe) == "<p><a href=\"\">x</a></p>\n")
        #expect(html("[x](JavaScript:alert(1))", unsafe) == "<p><a href=\"\">x</a></p>\n")
        #expect(html("<javascript:alert(1)>", unsafe) == "<p><a href=\"\">javascript:alert(1)</a></p>\n")
        #expect(html("[x](vbscript:msgbox)", unsafe) == "<p><a href=\"\">x</a></p>\n")
        #expect(html("![i](data:text/html,abc)", unsafe) == "<p><img src=\"\" alt=\"i\" /></p>\n")
    }

    @Test func safeImageDataIsKept() {
        #expect(html("![i](data:image/png;base64,AAAA)") == "<p><img src=\"data:image/png;base64,AAAA\" alt=\"i\" /></p>\n")
    }

    @Test func siteAbsoluteLinksGetTheBasePath() {
        let kb = MarkdownRenderer(basePath: "/kb/")
        #expect(html("[a](/questions/x/)", kb) == "<p><a href=\"/kb/questions/x/\">a</a></p>\n")
        #expect(html("![p](/assets/p.png)", kb) == "<p><img src=\"/kb/assets/p.png\" alt=\"p\" /></p>\n")
        #expect(html("[a](/questions/x/)") == "<p><a href=\"/questions/x/\">a</a></p>\n")
    }

    @Test func otherLinksAreUnchanged() {
        let kb = MarkdownRenderer(basePath: "/kb/")
        #expect(html("[b](other/) [c](//host/x) [d](https://e.org/) [e](#top)", kb) ==
            "<p><a href=\"other/\">b</a> <a href=\"//host/x\">c</a> <a href=\"https://e.org/\">d</a> <a href=\"#top\">e</a></p>\n")
    }

    // MARK: Summary

    @Test func summaryIsCutAtAWord() {
        let rendered = renderer.render("The quick brown fox jumps over the lazy dog, again and again.", summaryLength: 30)
        #expect(rendered.summary == "The quick brown fox jumps over…")
    }

    @Test func summaryDropsPunctuationBeforeTheEllipsis() {
        let rendered = renderer.render("The quick brown fox, jumps over the lazy dog.", summaryLength: 21)
        #expect(rendered.summary == "The quick brown fox…")
    }

    @Test func shortSummaryIsNotCut() {
        let rendered = renderer.render("Short *text* with `code`.\n\n- one\n- two", summaryLength: 100)
        #expect(rendered.summary == "Short text with code. one two")
    }

    @Test func summaryJoinsLinesAndBlocksWithOneSpace() {
        let rendered = renderer.render("First line\nsecond line.\n\nNext  paragraph.", summaryLength: 100)
        #expect(rendered.summary == "First line second line. Next paragraph.")
    }

    @Test func noSummaryUnlessAsked() {
        #expect(renderer.render("Some text.").summary == "")
    }
}

@Suite struct FootnotePrefixTests {
    @Test func footnoteIDsTakeTheIDPrefixSoAnswersDoNotCollide() {
        let html = MarkdownRenderer().render("Text[^1].\n\n[^1]: Note.\n", idPrefix: "answer-a-").html
        #expect(html.contains(##"href="#answer-a-fn-1""##))
        #expect(html.contains(##"id="answer-a-fnref-1""##))
        #expect(html.contains(##"id="answer-a-fn-1""##))
        #expect(html.contains(##"href="#answer-a-fnref-1""##))
        #expect(!html.contains("\"#fn-1\""))
    }

    @Test func everyFootnoteIsPrefixedAndTextThatLooksLikeOneIsNot() {
        let html = MarkdownRenderer().render("One[^a], two[^b] and `id=\"fn-1\"` in code.\n\n[^a]: A.\n[^b]: B.\n", idPrefix: "p-").html
        for id in ["p-fn-a", "p-fn-b", "p-fnref-a", "p-fnref-b"] { #expect(html.contains("id=\"\(id)\""), "\(id)") }
        #expect(html.contains(##"href="#p-fn-b""##) && html.contains(##"href="#p-fnref-b""##))
        #expect(html.contains("<code>id=&quot;fn-1&quot;</code>"))
        #expect(!html.contains(##""#fn"##) && !html.contains(##"id="fn"##))
    }
}

@Suite struct MarkdownConcurrencyTests {
    /// cmark-gfm keeps extension state in a global table; renders on many threads must still agree.
    @Test func parallelRendersGiveTheSameHTML() async {
        let markdown = "~~struck~~ and www.example.org and a | table\n--- | ---\nx | y\n\n- [x] done\n"
        let expected = MarkdownRenderer().render(markdown).html
        #expect(expected.contains("<del>struck</del>"))
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<300).map { _ in MarkdownRenderer().render(markdown).html } }
            }
            var all: [String] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(results.count == 2400)
        #expect(results.allSatisfy { $0 == expected }, "\(results.filter { $0 != expected }.count) renders differed")
    }
}
