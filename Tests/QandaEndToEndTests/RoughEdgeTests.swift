import Foundation
import Testing
@testable import QandaKit

/// What an editor sees for the mistakes editors make most: the quoted line and caret of `qanda check`'s text, and
/// front matter read as it was meant. (`CheckRuleTests` holds each finding's code, place, message and hint.)
@Suite struct RoughEdgeTests {
    static let today = "2025-06-01"

    /// A Latin-1 "é": the line is quoted with U+FFFD in the bad byte's place, and the caret under it.
    @Test func aByteThatIsNotUTF8IsShownInItsLine() throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.bytes(ValidSite.answer, Array("---\nauthor: ada-byron\ndate: 2023-03-02\n---\nCaf".utf8) + [0xE9] + Array(" au lait\n".utf8))
            .apply(to: site)
        let run = try CommandRun.run(["check", "--site", site, "--today", Self.today])
        #expect(run.status == 1)
        #expect(run.stdout == """
            \(ValidSite.answer):5:4: error[not-utf8]: the file is not UTF-8 text: the byte here (shown as \u{FFFD}) is not UTF-8
              |
            5 | Caf\u{FFFD} au lait
              |    ^
              = hint: save it as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252)
            1 error, 0 warnings

            """)
    }

    /// A tab that indents a key: named as a tab, the caret on it.
    @Test func aTabInFrontMatterIsNamed() throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.replace(ValidSite.question, "  by: ada-byron", with: "\tby: ada-byron").apply(to: site)
        let run = try CommandRun.run(["check", "--site", site, "--today", Self.today])
        #expect(run.status == 1)
        #expect(run.stdout == """
            \(ValidSite.question):5:1: error[yaml-syntax]: front matter has a tab character here, and YAML allows only spaces to indent or to separate a key from its value
              |
            5 | \tby: ada-byron
              | ^
              = hint: replace the tab with spaces (two per level of indentation); most editors can turn tabs into spaces
            1 error, 0 warnings

            """)
        #expect(!run.stdout.contains("cannot start any token"))
    }

    /// `tags: therapy, first steps` is two tags; a list item or a category with a comma stays one name.
    @Test func aCommaSeparatedTagLineIsSeveralTags() async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.replace(ValidSite.question, "category: Sleep", with: "category: Sleep, Rest\ntags: therapy, first steps,").apply(to: site)
        for edit in ValidSite.secondThread() { try edit.apply(to: site) }
        try SiteEdit.replace("Content/questions/naps-at-work/question.md", "category: Sleep",
                             with: "category: Sleep\ntags: [\"naps, short\", therapy]").apply(to: site)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics.map(\.message))")
        let tagPages = sink.files.keys.filter { $0.hasPrefix("tags/") && $0.hasSuffix("/index.html") && $0 != "tags/index.html" }.sorted()
        #expect(tagPages == ["tags/first-steps/index.html", "tags/naps-short/index.html", "tags/therapy/index.html"])
        #expect(sink.text("tags/therapy/index.html")?.contains("How can I sleep better?") == true)
        #expect(sink.text("tags/therapy/index.html")?.contains("Are naps at work a good idea?") == true)
        #expect(sink.text("categories/sleep-rest/index.html") != nil, "a category is one name, commas and all")
        let page = try #require(sink.text("questions/sleep-better/index.html"))
        #expect(page.contains(">#therapy</a>") && page.contains(">#first steps</a>"))
    }
}
