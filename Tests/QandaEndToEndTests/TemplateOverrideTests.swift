import Foundation
import Testing
@testable import QandaKit

/// Editors override built-in templates file by file from Templates/.
@Suite struct TemplateOverrideTests {
    @Test func overrideReplacesTheBuiltInTemplate() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        folder.write("<footer class=\"mine\">Made by {{site.publisher}}</footer>\n", to: "site/Templates/footer.mustache")
        folder.write("body { color: green; }\n", to: "site/Templates/qanda.css")
        folder.write("Notes for editors.\n", to: "site/Templates/README.md")
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(sink.text("index.html")?.contains("<footer class=\"mine\">Made by Fixture Health</footer>") == true)
        #expect(sink.text("qanda.css") == "body { color: green; }\n")
    }

    @Test func unknownVariableIsReportedNotRenderedAsNothing() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        folder.write("{{<base}}{{$content}}\n<h1>{{question.titel}}</h1>\n{{/content}}{{/base}}\n", to: "site/Templates/question.mustache")
        let (result, sink) = await buildInMemory(site)
        #expect(!result.succeeded)
        #expect(sink.files.isEmpty)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unknownTemplateVariable)
        #expect(diagnostic.file == "Templates/question.mustache")
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message == "'titel' is not a value the question page has (did you mean 'title'?)")
    }

    @Test func missingPartialAndSyntaxErrorsAreReported() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        folder.write("{{>no-such-partial}}\n", to: "site/Templates/footer.mustache")
        folder.write("{{#site}}unclosed\n", to: "site/Templates/header.mustache")
        let (result, _) = await buildInMemory(site)
        let codes = result.diagnostics.map(\.code)
        #expect(codes.contains(.unknownPartial))
        #expect(codes.contains(.templateSyntax))
    }

    /// The repository is the example site; its Templates/question.mustache adds a crisis notice to the question
    /// layout, so every page of a thread shows it once and no other page does.
    @Test func exampleSiteShowsTheCrisisNoticeOnQuestionPagesOnly() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        // A fixed today after the example's newest dates (Fixtures.now is before them); move it on when needed.
        let now = ISO8601DateFormatter().date(from: "2026-12-01T12:00:00Z")!
        let sink = MemorySink()
        let result = await SitePipeline(siteFolder: repository, options: SiteLoader.Options(now: now)).build(into: sink)
        #expect(result.succeeded, "\(result.diagnostics)")
        let pages = sink.files.keys.filter { $0.hasSuffix(".html") }
        // questions/<slug>/index.html and questions/<slug>/page/<n>/index.html, not the list's questions/page/<n>/.
        // A withdrawn thread's URL shows the withdrawn layout, not the question layout.
        // The Spanish versions of translated threads (es/questions/<slug>/) are thread pages too.
        let threadPages = pages.filter { $0.wholeMatch(of: /(es\/)?questions\/[^\/]+\/(page\/[0-9]+\/)?index\.html/) != nil
                                         && !$0.hasPrefix("questions/page/") && !$0.hasPrefix("es/questions/page/")
                                         && sink.text($0)?.contains(#"<body class="layout-withdrawn">"#) == false }
        #expect(pages.contains("questions/sleeping-tablets-from-a-friend/index.html") && !threadPages.contains("questions/sleeping-tablets-from-a-friend/index.html"))
        #expect(threadPages.count >= 13 && threadPages.contains("questions/sunday-night-dread/page/2/index.html"), "\(threadPages.sorted())")
        for path in pages {
            let page = try #require(sink.text(path))
            let notices = page.components(separatedBy: #"<aside class="crisis-notice" aria-labelledby="crisis-notice-heading">"#).count - 1
            #expect(notices == (threadPages.contains(path) ? 1 : 0), "\(path): \(notices) crisis notices")
        }
        let thread = try #require(sink.text("questions/sunday-night-dread/index.html"))
        #expect(thread.contains(#"<h2 id="crisis-notice-heading">If you are in crisis</h2>"#))
        #expect(thread.contains(#"<a href="/pages/editorial-policy/#if-you-are-in-crisis">What to do in a crisis</a>"#))
        #expect(thread.contains(#"<section id="answers" class="answers""#), "the rest of the question layout is still there")
        // The notice's link leads somewhere.
        #expect(sink.text("pages/editorial-policy/index.html")?.contains(#"<h2 id="if-you-are-in-crisis">"#) == true)
    }

    @Test func builtInTemplatesUseOnlyKnownValues() {
        let diagnostics = TemplateVocabulary.check(overrides: DefaultTheme.templates.keys.sorted(), sources: DefaultTheme.templates)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    }

    @Test func unsafeHTMLOptInKeepsRawHTMLButFiltersScripts() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        let config = site + "/qanda.yml"
        try (String(contentsOfFile: config, encoding: .utf8) + "markdown:\n  unsafe_html: true\n").write(toFile: config, atomically: false, encoding: .utf8)
        folder.write("---\nauthor: ada-lovelace\ndate: 2020-03-02\n---\n<kbd>Ctrl</kbd> and <script>alert(1)</script>\n",
                     to: "site/Content/questions/sleep-and-worry/raw.md")
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        let page = try #require(sink.text("questions/sleep-and-worry/index.html"))
        #expect(page.contains("<kbd>Ctrl</kbd>"))
        #expect(page.contains("&lt;script>alert(1)&lt;/script>"))
    }
}
