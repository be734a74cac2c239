import Foundation
import Testing
import Yams
@testable import QandaKit

/// `source: {url, license, license_url}` on a question or an answer (Qanda's extension for imported posts): the
/// page says where the post was first published and under which licence; a malformed source is an error.
@Suite struct SourceKeyTests {
    static func site(language: String = "en", question source: String, answer answerSource: String = "") -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("title: Imported\nbase_url: https://answers.example.org/\npublisher: Imported\nlanguage: \(language)\n", to: "site/qanda.yml")
        folder.write("---\nname: Ada Quill\ngiven: Ada\nfamily: Quill\n---\n", to: "site/Content/authors/ada.md")
        folder.write("---\ntitle: How do I merge two branches?\ndate: 2024-01-02\ncategory: Git\n\(source)---\nThe question.\n",
                     to: "site/Content/questions/merge/question.md")
        folder.write("---\nauthor: ada\ndate: 2024-01-03\n\(answerSource)---\nUse git merge.\n", to: "site/Content/questions/merge/answer-17.md")
        folder.write("---\nauthor: ada\ndate: 2024-01-04\n---\nOr rebase.\n", to: "site/Content/questions/merge/answer-18.md")
        return folder
    }

    @Test func theThreadPageSaysWhereEachPostComesFromAndItsLicence() async throws {
        let folder = Self.site(question: """
            source:
              url: https://stackoverflow.com/q/11227809
              license: CC BY-SA 4.0
              license_url: https://creativecommons.org/licenses/by-sa/4.0/

            """, answer: "source: {url: 'https://www.example.com/a/17#answer', license: Public domain}\n")
        let (result, sink) = await buildInMemory(folder.path + "/site")
        #expect(result.succeeded, "\(result.diagnostics)")
        let page = try #require(sink.text("questions/merge/index.html"))
        #expect(page.contains("<p class=\"source\">Originally posted at <a href=\"https://stackoverflow.com/q/11227809\">stackoverflow.com</a> · "
                              + "Licensed under <a href=\"https://creativecommons.org/licenses/by-sa/4.0/\">CC BY-SA 4.0</a></p>"))
        // A licence without an address is named as text; the host is shown without www.
        #expect(page.contains("<p class=\"source\">Originally posted at <a href=\"https://www.example.com/a/17#answer\">example.com</a> · Licensed under Public domain</p>"))
        #expect(page.components(separatedBy: "class=\"source\"").count == 3, "the answer without a source has no line")
        #expect(page.contains("\"isBasedOn\":\"https://stackoverflow.com/q/11227809\",\"license\":\"https://creativecommons.org/licenses/by-sa/4.0/\""), "structured data")
    }

    @Test func theLineIsInTheSitesLanguage() async throws {
        let folder = Self.site(language: "es", question: "source: {url: https://es.stackoverflow.com/q/1, license: CC BY-SA 4.0}\n")
        let (result, sink) = await buildInMemory(folder.path + "/site")
        #expect(result.succeeded, "\(result.diagnostics)")
        let page = try #require(sink.text("questions/merge/index.html"))
        #expect(page.contains("Publicado originalmente en <a href=\"https://es.stackoverflow.com/q/1\">es.stackoverflow.com</a> · Con licencia CC BY-SA 4.0"))
    }

    @Test func aMalformedSourceIsAnErrorAtItsLine() async throws {
        let cases: [(source: String, expected: String)] = [
            ("source: {license: MIT}\n", "5:9 missing-key missing required key 'source.url'"),
            ("source:\n  url: ftp://example.org/q/1\n", "6:8 invalid-value 'source.url' is not an absolute http(s) address: 'ftp://example.org/q/1'"),
            ("source:\n  url: https://example.org/q/1\n  licence: MIT\n", "7:3 unknown-key unknown key 'source.licence' (did you mean 'license'?)"),
            ("source: {url: https://example.org/q/1, license_url: https://opensource.org/license/mit}\n", "5:9 missing-key missing required key 'source.license'"),
            ("source: {url: https://example.org/q/1, license: MIT, license_url: mit}\n", "5:67 invalid-value 'source.license_url' is not an absolute http(s) address: 'mit'"),
            ("source:\n", "5:1 missing-key 'source' is empty: missing required key 'source.url'"),
            ("source: https://example.org/q/1\n", "5:9 wrong-type 'source' must be a group of keys"),
        ]
        for (source, expected) in cases {
            let folder = Self.site(question: source)
            let (result, _) = await buildInMemory(folder.path + "/site")
            let found = result.diagnostics.filter { $0.file == "Content/questions/merge/question.md" }
                .map { "\($0.line):\($0.column) \($0.code.rawValue) \($0.message)" }
            #expect(found == [expected], "\(source)")
        }
    }

    /// Whatever text an archive holds, the front matter `qanda import` writes reads back as that text: seeded random
    /// strings of quotes, colons, hashes, brackets, line breaks, tabs, control and other characters.
    @Test func importedTextReadsBackExactly() throws {
        var random = SplitMix(seed: 2024)
        let pieces = ["a", "Z", " ", ":", ": ", " #", "#", "'", "\"", "\\", "-", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%",
                      "@", "`", "?", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}",
                      "\u{FEFF}", "\u{FFFE}", "é", "😀", "ש", "yes", "null", "~", "1.5", "0x1F", "---", "...", "<<"]
        for _ in 0..<2000 {
            let text = (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let list = (0..<Int(random.next() % 4)).map { _ in (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() }
            let yaml = "value: \(YAMLScalar.line(text))\nlist: \(YAMLScalar.list(list))\n"
            let node = try #require(try Yams.compose(yaml: yaml, .basic, .default, .utf8), "\(yaml.debugDescription)")
            // A byte-order mark at the start is the one thing not kept (the reader drops it; it shows nothing).
            func kept(_ text: String) -> String { text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text }
            #expect(node["value"]?.scalar?.string == kept(text), "\(text.debugDescription) as \(YAMLScalar.line(text))")
            #expect(node["list"]?.sequence?.compactMap { $0.scalar?.string } == list.map(kept), "\(list) as \(YAMLScalar.list(list))")
        }
    }
}

/// SplitMix64, for seeded test inputs.
private struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
