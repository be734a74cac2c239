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
