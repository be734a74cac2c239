import Foundation
import Testing
@testable import QandaKit

@Suite struct DiagnosticFormatterTests {
    /// A site folder holding one question file; removed when the test ends.
    final class TempSite {
        let path: String
        init(files: [String: String]) throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("qanda-fmt-\(UUID().uuidString)").path
            for (name, text) in files {
                let url = URL(fileURLWithPath: path + "/" + name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static let file = "Content/questions/x/question.md"

    @Test func errorWithSourceLineCaretAndHint() throws {
        let site = try TempSite(files: [Self.file: "---\ntitle: Hello\ntitel: Oops\n---\nBody\n"])
        let diagnostic = Diagnostic(.unknownKey, file: Self.file, line: 3, column: 1,
                                    message: "unknown key 'titel' (did you mean 'title'?)", hint: "remove it")
        let text = DiagnosticFormatter(siteFolder: site.path, useColor: false).format(diagnostic)
        #expect(text == """
            Content/questions/x/question.md:3:1: error[unknown-key]: unknown key 'titel' (did you mean 'title'?)
              |
            3 | titel: Oops
              | ^
              = hint: remove it

            """)
        #expect(!text.contains("\u{1B}"))
    }

    @Test func caretUnderTheColumn() throws {
        let site = try TempSite(files: [Self.file: "---\ndate: 2018-02-30\n---\n"])
        let diagnostic = Diagnostic(.invalidDate, file: Self.file, line: 2, column: 7,
                                    message: "'date' is not a valid date: '2018-02-30'")
        let text = DiagnosticFormatter(siteFolder: site.path).format(diagnostic)
        #expect(text == """
            Content/questions/x/question.md:2:7: error[invalid-date]: 'date' is not a valid date: '2018-02-30'
              |
            2 | date: 2018-02-30
              |       ^

            """)
    }

    @Test func caretKeepsTabsAndCountsScalars() throws {
        let site = try TempSite(files: [Self.file: "\tcafé: ü\n"])
        let diagnostic = Diagnostic(.unknownKey, .warning, file: Self.file, line: 1, column: 8, message: "m")
        let text = DiagnosticFormatter(siteFolder: site.path).format(diagnostic)
        #expect(text == "Content/questions/x/question.md:1:8: warning[unknown-key]: m\n  |\n1 | \tcafé: ü\n  | \t      ^\n")
    }

    @Test func wideGutterForLongLineNumbers() throws {
        let lines = (1...12).map { "line \($0)" }.joined(separator: "\n")
        let site = try TempSite(files: [Self.file: lines])
        let diagnostic = Diagnostic(.yamlSyntax, file: Self.file, line: 12, column: 3, message: "m")
        #expect(DiagnosticFormatter(siteFolder: site.path).format(diagnostic) ==
            "Content/questions/x/question.md:12:3: error[yaml-syntax]: m\n   |\n12 | line 12\n   |   ^\n")
    }

    @Test func sourceLineComesFromNormalizedText() throws {
        let site = try TempSite(files: [Self.file: "\u{FEFF}---\r\ntitle: A\r\nbad line\r\n---\r\n"])
        let diagnostic = Diagnostic(.yamlSyntax, file: Self.file, line: 3, column: 1, message: "m")
        let text = DiagnosticFormatter(siteFolder: site.path).format(diagnostic)
        #expect(text == "Content/questions/x/question.md:3:1: error[yaml-syntax]: m\n  |\n3 | bad line\n  | ^\n")
    }

    @Test func lineWithoutColumnHasNoCaret() throws {
        let site = try TempSite(files: [Self.file: "---\ntitle: A\n"])
        let diagnostic = Diagnostic(.unclosedFrontMatter, file: Self.file, line: 1, message: "never closed", hint: "add ---")
        #expect(DiagnosticFormatter(siteFolder: site.path).format(diagnostic) ==
            "Content/questions/x/question.md:1: error[unclosed-front-matter]: never closed\n  |\n1 | ---\n  = hint: add ---\n")
    }

    @Test func wholeFileDiagnosticHasNoSnippet() throws {
        let site = try TempSite(files: [Self.file: "---\n"])
        let diagnostic = Diagnostic(.symlinkNotFollowed, .warning, file: Self.file, message: "symbolic link not followed")
        #expect(DiagnosticFormatter(siteFolder: site.path).format(diagnostic) ==
            "Content/questions/x/question.md: warning[symlink-not-followed]: symbolic link not followed\n")
    }

    @Test func missingFileOrLineHasNoSnippet() throws {
        let site = try TempSite(files: [Self.file: "one\ntwo\n"])
        let formatter = DiagnosticFormatter(siteFolder: site.path)
        #expect(formatter.format(Diagnostic(.missingKey, file: "nope.md", line: 2, column: 1, message: "m")) ==
            "nope.md:2:1: error[missing-key]: m\n")
        #expect(formatter.format(Diagnostic(.missingKey, file: Self.file, line: 9, column: 1, message: "m")) ==
            "Content/questions/x/question.md:9:1: error[missing-key]: m\n")
    }

    @Test func colorOnlyWhenAsked() throws {
        let site = try TempSite(files: [Self.file: "a\n"])
        let diagnostic = Diagnostic(.missingKey, file: Self.file, line: 1, column: 1, message: "m", hint: "h")
        let plain = DiagnosticFormatter(siteFolder: site.path, useColor: false).format(diagnostic)
        let colored = DiagnosticFormatter(siteFolder: site.path, useColor: true).format(diagnostic)
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains("\u{1B}[1;31merror\u{1B}[0m[missing-key]"))
        #expect(colored.contains("\u{1B}[1;32m^\u{1B}[0m"))
        let stripped = colored.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plain)
    }

    @Test func summary() {
        let formatter = DiagnosticFormatter(siteFolder: "/nonexistent")
        let error = Diagnostic(.missingKey, file: "a.md", message: "m")
        let warning = Diagnostic(.symlinkNotFollowed, .warning, file: "a.md", message: "m")
        #expect(formatter.summary([]) == "0 errors, 0 warnings")
        #expect(formatter.summary([error, warning]) == "1 error, 1 warning")
        #expect(formatter.summary([error, error, warning, warning, warning]) == "2 errors, 3 warnings")
    }
    /// The quick sort by place gives the order of `<`, ties (equal under `<`, other hints) kept in their order.
    @Test func sortedByPlaceIsTheOrderOfLessThan() {
        var generator = SystemRandomNumberGenerator()
        let files = ["Content/questions/b/question.md", "Content/questions/a/answer.md", "Content/questions/a/question.md",
                     "Content/questions/é/question.md", "qanda.yml", "Content/questions/e\u{301}/question.md", ""]
        let diagnostics = (0..<2_000).map { index in
            Diagnostic(DiagnosticCode.allCases.randomElement(using: &generator)!, file: files.randomElement(using: &generator)!,
                       line: Int.random(in: 0...3, using: &generator), column: Int.random(in: 0...2, using: &generator),
                       message: ["m", "n"].randomElement(using: &generator)!, hint: String(index))
        }
        #expect(diagnostics.sortedByPlace() == diagnostics.sorted())
    }
}
