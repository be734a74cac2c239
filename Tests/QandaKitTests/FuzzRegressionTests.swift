import Foundation
import Testing
@testable import QandaKit
import QandaProbe

/// Inputs that the libFuzzer targets in Fuzz/ found (`make fuzz`), kept in FuzzRegressions/<target>/ and fed to
/// the same functions with the same checks as the fuzz target, so that normal test runs replay them. A new crash
/// input goes into the target's folder (after `-minimize_crash=1`); a short named test below says what it was.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions").path

    static func inputs(_ target: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func bytes(_ target: String, _ name: String) -> [UInt8] {
        FileManager.default.contents(atPath: folder + "/" + target + "/" + name).map { [UInt8]($0) } ?? []
    }

    @Test func everyTargetHasKeptInputs() {
        for target in ["FuzzFrontMatter", "FuzzSourceLoading", "FuzzMarkdown", "FuzzSlugsAndURLs"] {
            #expect(!Self.inputs(target).isEmpty, "no inputs in FuzzRegressions/\(target)")
        }
    }

    // MARK: The fuzz targets' checks, input by input

    @Test(arguments: inputs("FuzzFrontMatter"))
    func frontMatter(_ name: String) {
        let bytes = Self.bytes("FuzzFrontMatter", name)
        switch SourceText.decode(bytes) {
        case .success(let source):
            #expect(!source.text.utf8.contains(0x0D), "decoded text still holds a CR")
            checkSplit(source.text)
        case .failure(.empty):
            let rest = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
            #expect(rest.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) })
        case .failure(.notUTF8(let line, _)):
            #expect(line >= 1 && line <= 1 + bytes.filter { $0 == 0x0A || $0 == 0x0D }.count)
        }
        checkSplit(String(decoding: bytes, as: UTF8.self))
    }

    private func checkSplit(_ text: String) {
        guard case .success(let block) = FrontMatterSplitter.split(text) else { return }
        #expect(block.yamlFirstLine == 2)
        #expect(text.hasSuffix(block.body))
        let head = text.utf8.prefix(text.utf8.count - block.body.utf8.count)
        if head.last == 0x0A { #expect(block.bodyFirstLine == head.filter { $0 == 0x0A }.count + 1) }
    }

    @Test(arguments: inputs("FuzzSourceLoading"))
    func sourceLoading(_ name: String) {
        guard let (kind, file, outcome) = SourceFileProbe.load(fuzzInput: Self.bytes("FuzzSourceLoading", name)) else { return }
        let lines = SourceFileProbe.lineCount(of: file)
        for diagnostic in outcome.diagnostics {
            #expect(diagnostic.line >= 0 && diagnostic.column >= 0)
            if diagnostic.file == kind.file { #expect(diagnostic.line <= lines, "\(diagnostic)") }
        }
        #expect(outcome.formatted.count == outcome.diagnostics.count)
        #expect(outcome.loaded == !outcome.diagnostics.hasErrors)
    }

    @Test(arguments: inputs("FuzzMarkdown"))
    func markdown(_ name: String) {
        let input = Self.bytes("FuzzMarkdown", name)
        guard let options = input.first else { return }
        let markdown = String(decoding: input.dropFirst(), as: UTF8.self)
        let allowsRawHTML = options & 1 != 0
        let basePath = ["/", "/kb/", "/a%20b/", "/x/y/"][Int(options >> 1) & 3]
        let renderer = MarkdownRenderer(allowsRawHTML: allowsRawHTML, basePath: basePath, linksOnly: options & 8 != 0)
        let rendered = renderer.render(markdown, idPrefix: options & 16 != 0 ? "answer-fuzz-" : "", reservedIDs: ["main", "question"],
                                       summaryLength: Int(options >> 5) * 40)
        #expect(rendered.links == renderer.links(in: markdown))
        // cmark ends a line at LF, CRLF or a lone CR (bodies from files never hold a CR: SourceText turns them into LF).
        let utf8 = Array(markdown.utf8)
        let lineCount = SourceFileProbe.lineCount(of: utf8)
        for link in rendered.links {
            #expect(link.line >= 1 && link.line <= lineCount && link.column >= 1, "\(link)")
        }
        if !allowsRawHTML {
            #expect(rendered.html.range(of: "<script", options: .caseInsensitive) == nil)
            #expect(rendered.html.range(of: "href=\"javascript:", options: .caseInsensitive) == nil)
        }
    }

    @Test(arguments: inputs("FuzzSlugsAndURLs"))
    func slugsAndURLs(_ name: String) {
        let text = String(decoding: Self.bytes("FuzzSlugsAndURLs", name), as: UTF8.self)
        let slug = Slug.make(from: text)
        if !slug.isEmpty {
            #expect(Slug.isValidSegment(slug) && Slug.make(from: slug) == slug)
            #expect(OutputPath.isSafe(Routes.file(for: Routes.question(slug))))
        }
        let untransliterated = Slug.make(from: text, transliterating: false)
        #expect(untransliterated.isEmpty || Slug.isValidSegment(untransliterated))
        #expect(Slug.needsTransliteration(text) || untransliterated == slug)
        if Slug.isSafeFileName(text) { #expect(OutputPath.isSafe(Routes.attachment(thread: "x", file: text))) }
        for path in [text, "/" + text, "/" + text + "/"] {
            guard let segments = Slug.aliasSegments(path) else { continue }
            #expect(!segments.isEmpty && segments.allSatisfy { Slug.isValidSegment($0) && $0 != ".." && !$0.contains("/") && !$0.contains("\\") })
            #expect(OutputPath.isSafe(segments.joined(separator: "/") + "/index.html"))
        }
    }

    // MARK: What each kept crash was
    //
    // FuzzMarkdown/lone-cr-line-ending was the harness's own mistake (it counted LF only; cmark also ends a line at
    // a CR), kept for the line check above. FuzzSlugsAndURLs/corpus-* are corpus inputs, not crashes.
    // FuzzSlugsAndURLs/slash-before-combining-mark ("/" U+065F "-CS"): Slug.isSafeFileName compared Characters, and
    // the combining mark joined the "/" into one, so the name passed there and was refused at write time by
    // OutputPath.isSafe, which reads bytes; both read bytes now (SlugTests.safeFileNames).

    /// FuzzFrontMatter/cr-before-combining-mark: a CR followed by a combining mark stayed in the text (Foundation's
    /// replacingOccurrences matches whole characters), and a CRLF before one became two line breaks.
    @Test func lineEndsBeforeCombiningMarks() throws {
        #expect(try SourceText.decode(Array("a\r\u{34A}b".utf8)).get().text == "a\n\u{34A}b")
        #expect(try SourceText.decode(Array("a\r\n\u{301}b\rc".utf8)).get().text == "a\n\u{301}b\nc")
    }

    /// FuzzSourceLoading/config-unclosed-flow-at-end: qanda.yml "[" without a final newline was reported on line 2,
    /// which the file does not have; now at the end of the last line.
    @Test func yamlErrorAtTheEndOfATextWithoutNewline() {
        let outcome = SourceFileProbe.load(.config, bytes: Array("title: x\nlist: [".utf8))
        let diagnostic = outcome.diagnostics.first { $0.code == .yamlSyntax }
        #expect(diagnostic?.line == 2)
        #expect(diagnostic?.column == 8)
        #expect(outcome.formatted.first?.contains("2 | list: [") == true)
    }

    /// FuzzSourceLoading/config-document-marker-only: qanda.yml "---" (a document that is not a mapping) was
    /// reported on line 2 as well.
    @Test func notAMappingAtTheEndOfATextWithoutNewline() {
        let outcome = SourceFileProbe.load(.config, bytes: Array("---".utf8))
        #expect(outcome.diagnostics.map(\.code) == [.frontMatterNotMapping])
        #expect(outcome.diagnostics.first?.line == 1)
        #expect(outcome.diagnostics.first?.column == 4)
    }

    /// FuzzMarkdown/link-in-paragraph-before-table: the table extension re-creates the paragraph before a table
    /// header without positions, so its links were placed at line 0 (the closing `---` in `qanda check`).
    @Test func linksInAParagraphBeforeATable() {
        let markdown = "x\n\nIntro [a](/one/)\nsee [b](/two/) here\n| h |\n|---|\n\n> quoted [c](/three/)\n> | h |\n> |---|\n"
        let links = MarkdownRenderer().links(in: markdown)
        #expect(links.map(\.line) == [3, 4, 8])
        #expect(links.map(\.column) == [7, 5, 10])
    }
}
