import Foundation
import Testing
@testable import QandaKit

/// The converted Markdown, rendered by Qanda's own renderer, must show what the original HTML showed: the same
/// text, links, images, code and lists.
@Suite struct HTMLToMarkdownTests {
    let converter = HTMLToMarkdown(pageURL: "https://cooking.stackexchange.com/questions/1/")

    /// What a reader gets from a piece of HTML, compared between the original and the rendered Markdown: the words
    /// (each with the styles it shows in), links, images, code and the shape of lists.
    struct Shown: Equatable, CustomStringConvertible {
        var text = ""
        var styledWords: [String] = []
        var links: [String] = []
        var images: [String] = []
        var code: [String] = []
        var lists = ""

        /// - Parameter resolve: makes the original's relative addresses absolute, as the conversion does.
        init(_ html: String, resolve: (String) -> String = { $0 }) {
            var words = ""
            walk(HTMLFragment.parse(html), styles: [], resolve: resolve, into: &words)
            text = Self.normalize(words)
            // Runs of one style joined (a word may come in pieces: `caf` and `&eacute;`), then split into words.
            var merged: [(text: String, style: String)] = []
            for segment in segments {
                if let last = merged.last, last.style == segment.style { merged[merged.count - 1].text += segment.text } else { merged.append(segment) }
            }
            styledWords = merged.flatMap { segment in
                Self.normalize(segment.text).split(separator: " ").map { "\($0)\(segment.style.isEmpty ? "" : "{\(segment.style)}")" }
            }
        }

        private var segments: [(text: String, style: String)] = []

        static func == (a: Shown, b: Shown) -> Bool {
            (a.text, a.styledWords, a.links, a.images, a.code, a.lists) == (b.text, b.styledWords, b.links, b.images, b.code, b.lists)
        }

        private mutating func walk(_ node: HTMLFragment, styles: [String], resolve: (String) -> String, into words: inout String) {
            switch node.kind {
            case .text(let value), .entity(let value):
                let decoded = Self.decodeEntity(value)
                words += decoded
                segments.append((decoded, styles.joined(separator: ",")))
            case .comment: break
            case .element(let name):
                let isBlock = HTMLToMarkdown.blockElements.contains(name) || name == "br" || name == "td" || name == "th"
                if isBlock { words += " "; segments.append((" ", "")) }
                let style = ["i": "em", "b": "strong", "s": "del", "strike": "del"][name] ?? name
                var inner = styles
                if ["em", "strong", "del", "kbd", "sup", "sub", "code", "a"].contains(style) && !styles.contains(style) {
                    inner = (styles + [style]).sorted()
                }
                switch name {
                case "a": links.append("\(resolve(node.attribute("href") ?? "")) \(Self.normalize(node.textContent))")
                case "img": images.append("\(resolve(node.attribute("src") ?? "")) \(node.attribute("alt") ?? "")"); words += node.attribute("alt") ?? ""
                case "code": code.append(node.textContent.hasSuffix("\n") ? String(node.textContent.dropLast()) : node.textContent)
                case "ul", "ol", "li": lists += "\(name)("
                default: break
                }
                for child in node.children { walk(child, styles: inner, resolve: resolve, into: &words) }
                if ["ul", "ol", "li"].contains(name) { lists += ")" }
                if isBlock { words += " "; segments.append((" ", "")) }
            }
        }

        /// An entity the converter kept as written (`&eacute;`), as the renderer decodes it.
        static func decodeEntity(_ text: String) -> String {
            guard text.hasPrefix("&") && text.hasSuffix(";") else { return text }
            let html = MarkdownRenderer().render(text).html
            return String(html.dropFirst(3).dropLast(5))
        }

        /// White space collapsed; the renderer's smart punctuation turned back into what was typed.
        static func normalize(_ text: String) -> String {
            var text = text
            for (smart, typed) in [("\u{2018}", "'"), ("\u{2019}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""), ("\u{2026}", "..."),
                                   ("\u{2014}", "---"), ("\u{2013}", "--")] {
                text = text.replacingOccurrences(of: smart, with: typed)
            }
            return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        }

        var description: String { "text: \(text)\nstyled: \(styledWords)\nlinks: \(links)\nimages: \(images)\ncode: \(code)\nlists: \(lists)" }
    }

    /// Converts, renders, and checks that the reader sees the same; returns the Markdown.
    @discardableResult
    func roundTrip(_ html: String, rawHTML: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let markdown = converter.convert(html)
        let rendered = MarkdownRenderer(allowsRawHTML: rawHTML).render(markdown).html
        let original = Shown(html, resolve: converter.resolve), shown = Shown(rendered)
        #expect(shown == original, "\nMarkdown:\n\(markdown)\nrendered:\n\(rendered)", sourceLocation: sourceLocation)
        return markdown
    }

    // MARK: Every construct

    @Test func paragraphsEmphasisAndLineBreaks() {
        let markdown = roundTrip("<p>One <em>two</em> <strong>three</strong> <b>four</b> <i>five</i><br>\nsix <del>seven</del></p>\n\n<p>Eight.</p>")
        #expect(markdown == "One *two* **three** **four** *five*\\\nsix ~~seven~~\n\nEight.\n")
    }

    @Test func whiteSpaceInsideEmphasisGoesOutside() {
        #expect(roundTrip("<p>a<em> b </em>c</p>") == "a *b* c\n")
        #expect(roundTrip("<p><strong><em>both</em></strong> and <em>nested <em>twice</em></em></p>") == "***both*** and *nested twice*\n")
    }

    @Test func linksAndImages() {
        let markdown = roundTrip("""
            <p><a href="https://example.org/a_(b)" rel="nofollow noreferrer" title="The &quot;title&quot;">a link</a>,
            <a href="/questions/2/other">a relative one</a>, <a href="#note">an anchor</a>,
            <img src="https://i.sstatic.net/x.png" alt="a [picture]" title="t">, <a href="https://example.org"><img src="//i.sstatic.net/y.png" alt="badge"></a></p>
            """)
        #expect(markdown.contains("[a link](<https://example.org/a_(b)> \"The \\\"title\\\"\")"))
        #expect(markdown.contains("[a relative one](https://cooking.stackexchange.com/questions/2/other)"))
        #expect(markdown.contains("[an anchor](#note)"))
        #expect(markdown.contains("![a \\[picture\\]](https://i.sstatic.net/x.png \"t\")"))
        #expect(markdown.contains("[![badge](https://i.sstatic.net/y.png)](https://example.org)"))
    }

    @Test func relativeAddressesAreAbsoluteAfterConversion() {
        let html = "<p><a href=\"/q/2\">a</a> <img src=\"//i.sstatic.net/y.png\" alt=\"b\"> <a href=\"c.html\">c</a></p>"
        let links = Shown(MarkdownRenderer().render(converter.convert(html)).html)
        #expect(links.links == ["https://cooking.stackexchange.com/q/2 a", "https://cooking.stackexchange.com/questions/1/c.html c"])
        #expect(links.images == ["https://i.sstatic.net/y.png b"])
    }

    @Test func inlineCode() {
        let markdown = roundTrip("<p>Call <code>fold()</code>, <code>a `tick`</code>, <code>`edge`</code>, <code> spaced </code> and <code>x*y_z</code>.</p>")
        #expect(markdown == "Call `fold()`, `` a `tick` ``, `` `edge` ``, `  spaced  ` and `x*y_z`.\n")
    }

    @Test func codeBlocksKeepTheirTextAndLanguage() {
        let markdown = roundTrip("""
            <pre class="lang-python s-code-block"><code class="hljs language-python">def f(x):
                return x &lt; 2 and "&amp;"

            # a comment, not a heading
            </code></pre>
            <pre><code>```
            fenced inside
            ```
            </code></pre>
            """)
        #expect(markdown == """
            ```python
            def f(x):
                return x < 2 and "&"

            # a comment, not a heading
            ```

            ````
            ```
            fenced inside
            ```
            ````

            """)
    }

    @Test func lists() {
        roundTrip("<ul>\n<li>one</li>\n<li>two <em>2</em></li>\n</ul>\n<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>")
        let nested = roundTrip("<ol>\n<li>first\n<ul>\n<li>inner <code>a</code></li>\n<li>inner b</li>\n</ul></li>\n<li>second</li>\n</ol>")
        #expect(nested == "1. first\n   - inner `a`\n   - inner b\n2. second\n")
        let loose = roundTrip("<ul>\n<li><p>para one</p>\n<p>para two</p></li>\n<li><p>item</p>\n<pre><code>code in a list\n</code></pre></li>\n</ul>")
        #expect(loose == "- para one\n\n  para two\n\n- item\n\n  ```\n  code in a list\n  ```\n")
        // Two lists in a row stay two lists.
        roundTrip("<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>")
    }

    @Test func quotesHeadingsRulesAndTables() {
        let markdown = roundTrip("""
            <h1>Title</h1><h3>Using C#</h3>
            <blockquote><p>Quoted <strong>text</strong></p><blockquote><p>deeper</p></blockquote></blockquote>
            <hr />
            <table><thead><tr><th>Name</th><th style="text-align: right">Qty</th></tr></thead>
            <tbody><tr><td>flour | sifted</td><td><code>a|b</code></td></tr><tr><td>eggs</td><td>2</td></tr></tbody></table>
            """)
        #expect(markdown == """
            # Title

            ### Using C\\#

            > Quoted **text**
            >
            > > deeper

            * * *

            | Name | Qty |
            | --- | ---: |
            | flour \\| sifted | `a\\|b` |
            | eggs | 2 |

            """)
    }

    @Test func textThatLooksLikeMarkdownStaysText() {
        roundTrip("""
            <p>2 * 3 = 6, *stars*, a*b*c, **twice**, snake_case, _under_, [brackets], a\\b, `tick`, a &lt;div&gt; tag, &amp;copy; and AT&amp;T, ~~no~~, a|b</p>
            <p># not a heading<br>
            &gt; not a quote<br>
            - not a list<br>
            1. not a list<br>
            + not a list<br>
            * not a list<br>
            === not a rule</p>
            <p>http://example.org and www.example.org are not links</p>
            """)
    }

    @Test func unknownEntitiesAndNonBreakingSpaces() {
        let markdown = roundTrip("<p>caf&eacute; &hearts; a&nbsp;b &#x1F370; &#169;</p>")
        #expect(markdown == "caf&eacute; &hearts; a\u{A0}b \u{1F370} ©\n")
    }

    @Test func rawHTMLMarkdownCannotSayIsKept() {
        let markdown = roundTrip("<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, x<sup>2</sup>, H<sub>2</sub>O.</p>", rawHTML: true)
        #expect(markdown == "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, x<sup>2</sup>, H<sub>2</sub>O.\n")
        // Without unsafe_html the tags go but their text stays.
        #expect(Shown(MarkdownRenderer().render(markdown).html).text == "Press Ctrl+C, x2, H2O.")
        let table = converter.convert("<table><tr><td colspan=\"2\">wide</td></tr><tr><td>a</td><td>b</td></tr></table>")
        #expect(table == "<table><tr><td colspan=\"2\">wide</td></tr><tr><td>a</td><td>b</td></tr></table>\n")
        roundTrip("<table><tr><td colspan=\"2\">wide</td></tr><tr><td>a</td><td>b</td></tr></table>", rawHTML: true)
    }

    @Test func containersGiveTheirContent() {
        #expect(roundTrip("<div class=\"snippet\"><div><p>in a div</p><pre><code>x = 1</code></pre></div></div><p>after <span class=\"x\">span</span></p>")
                == "in a div\n\n```\nx = 1\n```\n\nafter span\n")
    }

    @Test func sloppyHTMLAsBrowsersReadIt() {
        #expect(roundTrip("<p>one<p>two<ul><li>a<li>b</ul>") == "one\n\ntwo\n\n- a\n- b\n")
        #expect(converter.convert("a < b </i> and <3") == "a < b and <3\n")
        #expect(converter.convert("") == "")
        #expect(converter.convert("<p> </p>\n") == "")
    }

    /// A body with everything at once, as Stack Exchange renders one: the Markdown carries all of it.
    @Test func everyConstructTogether() {
        roundTrip("""
            <h2>Setup</h2>
            <p>Install <a href="https://example.org/tool" rel="nofollow noreferrer">the tool</a>, then run <code>tool --init</code>:</p>
            <pre class="lang-sh s-code-block"><code class="hljs language-bash">tool --init --force
            </code></pre>
            <ol>
            <li><p>First, <em>carefully</em>:</p>
            <ul>
            <li>check <strong>this</strong></li>
            <li>and that</li>
            </ul></li>
            <li><p>Then quote:</p>
            <blockquote>
            <p>Measure twice.</p>
            </blockquote></li>
            </ol>
            <hr>
            <p><img src="https://i.sstatic.net/abc.png" alt="diagram"></p>
            <p>Done. <del>Not yet.</del> See <a href="https://cooking.stackexchange.com/q/12">this question</a>.</p>
            """)
    }
}
