import Foundation
import Testing
@testable import QandaKit

/// Whatever an editor, an importer or an attacker puts into Content/ ends in a diagnostic that names the file and
/// line, or in a page that is safe to serve: never a crash, a hang, a leaked file, or a site written despite an
/// error. The heavy cases (a 50 MB answer, 100,000 answers, kill -9 during a build, a full disk) run against the
/// release binary in scripts/reliability.py; docs/RELIABILITY.md has the table.
@Suite struct HostileContentTests {
    static let config = "title: T\nbase_url: https://example.org/\npublisher: P\n"
    static let question = "---\ntitle: Q\ndate: 2020-01-01\ncategory: C\n---\nQuestion body.\n"
    static let answer = "---\nauthor: a\ndate: 2020-01-02\n---\nAnswer body.\n"
    static let questionFile = "Content/questions/q/question.md"
    static let answerFile = "Content/questions/q/answer.md"

    /// A one-thread site; `files` replace or add files (relative path to bytes).
    static func makeSite(_ files: [String: [UInt8]], in folder: TemporaryFolder) -> String {
        var all: [String: [UInt8]] = [
            "qanda.yml": Array(config.utf8),
            "Content/authors/a.md": Array("---\nname: Ann Bee\ngiven: Ann\nfamily: Bee\n---\nBio.\n".utf8),
            questionFile: Array(question.utf8),
            answerFile: Array(answer.utf8),
        ]
        all.merge(files) { $1 }
        let site = folder.path + "/site"
        for (path, bytes) in all {
            let url = URL(fileURLWithPath: site + "/" + path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(bytes).write(to: url)
        }
        return site
    }

    static func frontMatter(_ lines: String) -> [UInt8] { Array("---\n\(lines)---\nBody.\n".utf8) }

    /// An input the build must refuse, and where the editor is sent.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String = questionFile
        var bytes: [UInt8]
        var code: DiagnosticCode
        var line: Int
        var message: String? = nil
        var testDescription: String { name }
    }

    static let required = "title: Q\ndate: 2020-01-01\ncategory: C\n"

    static let refusals: [Refusal] = {
        // "Billion laughs": nine levels of nine aliases would be 9^9 strings if expanded.
        var bomb = "lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 { bomb += "lol\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n" }
        let nestedBomb = "tags: [&b0 [x, x, x, x, x, x, x, x, x]" + (1...9).map { level in
            ", &b\(level) [" + Array(repeating: "*b\(level - 1)", count: 9).joined(separator: ", ") + "]"
        }.joined() + "]\n"
        var cases: [Refusal] = [
            Refusal(name: "alias bomb under unknown keys", bytes: frontMatter(required + bomb), code: .unknownKey, line: 5),
            Refusal(name: "alias bomb inside tags", bytes: frontMatter(required + nestedBomb), code: .wrongType, line: 5),
            Refusal(name: "10,000-deep flow nesting", bytes: frontMatter(required + "tags: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"),
                    code: .yamlSyntax, line: 5),
            Refusal(name: "10,000-deep block nesting", bytes: frontMatter(required + "description:\n" + String(repeating: "- ", count: 10_000) + "x\n"),
                    code: .yamlSyntax, line: 6),
            Refusal(name: "duplicate key", bytes: frontMatter("title: Q\ntitle: R\ndate: 2020-01-01\ncategory: C\n"), code: .yamlSyntax, line: 2,
                    message: "key 'title' is written more than once"),
            Refusal(name: "tab indentation", bytes: frontMatter(required + "reviewed:\n\tby: a\n\tdate: 2020-01-01\n"), code: .yamlSyntax, line: 6),
            Refusal(name: "unclosed quote", bytes: frontMatter("title: \"Q\ndate: 2020-01-01\ncategory: C\n"), code: .yamlSyntax, line: 2),
            Refusal(name: "unclosed front matter", bytes: Array("---\ntitle: Q\ndate: 2020-01-01\ncategory: C\nBody\n".utf8),
                    code: .unclosedFrontMatter, line: 1),
            Refusal(name: "front matter is a list", bytes: frontMatter("- title\n- Q\n"), code: .frontMatterNotMapping, line: 2),
            Refusal(name: "front matter is a scalar", bytes: frontMatter("just a sentence\n"), code: .frontMatterNotMapping, line: 2),
            Refusal(name: "NUL byte in front matter", bytes: Array("---\ntitle: Q".utf8) + [0] + Array("R\ndate: 2020-01-01\ncategory: C\n---\nB\n".utf8),
                    code: .yamlSyntax, line: 2),
            Refusal(name: "invalid UTF-8", file: answerFile, bytes: Array("---\nauthor: a\ndate: 2020-01-02\n---\nline\nbad ".utf8) + [0xFF, 0xFE] + Array(" here\n".utf8),
                    code: .notUTF8, line: 6),
            Refusal(name: "invalid date in a CRLF file", bytes: Array("---\r\ntitle: Q\r\ndate: 2020-13-45\r\ncategory: C\r\n---\r\nB\r\n".utf8),
                    code: .invalidDate, line: 3),
            Refusal(name: "invalid date in a CR file", bytes: Array("---\rtitle: Q\rdate: 2020-13-45\rcategory: C\r---\rB\r".utf8),
                    code: .invalidDate, line: 3),
            Refusal(name: "zero-byte question", bytes: [], code: .emptyFile, line: 1),
            Refusal(name: "zero-byte answer", file: answerFile, bytes: [], code: .emptyFile, line: 1),
            Refusal(name: "zero-byte author", file: "Content/authors/b.md", bytes: [], code: .emptyFile, line: 1),
            Refusal(name: "zero-byte page", file: "Content/pages/p.md", bytes: [], code: .emptyFile, line: 1),
            Refusal(name: "zero-byte qanda.yml", file: "qanda.yml", bytes: [], code: .notUTF8, line: 1),
            Refusal(name: "base_url with a query", file: "qanda.yml", bytes: Array("title: T\nbase_url: https://example.org/?a=1\npublisher: P\n".utf8),
                    code: .invalidBaseURL, line: 2),
            Refusal(name: "base_url with a fragment", file: "qanda.yml", bytes: Array("title: T\nbase_url: https://example.org/#top\npublisher: P\n".utf8),
                    code: .invalidBaseURL, line: 2),
            Refusal(name: "base_url with javascript:", file: "qanda.yml", bytes: Array("title: T\nbase_url: javascript:alert(1)\npublisher: P\n".utf8),
                    code: .invalidBaseURL, line: 2),
            Refusal(name: "folder name with a space", file: "Content/questions/with space/question.md", bytes: Array(question.utf8), code: .invalidSlug, line: 0),
            Refusal(name: "folder name with an accent", file: "Content/questions/àccent/question.md", bytes: Array(question.utf8), code: .invalidSlug, line: 0),
            Refusal(name: "folder name with an emoji", file: "Content/questions/emoji😀/question.md", bytes: Array(question.utf8), code: .invalidSlug, line: 0),
            Refusal(name: "answer file name with a space", file: "Content/questions/q/answer two.md", bytes: Array(answer.utf8), code: .invalidSlug, line: 0),
        ]
        for path in ["../x", "/etc", "a\\b", "%2e%2e", "..%2f", "a/../../b", "C:\\x"] {
            cases.append(Refusal(name: "slug '\(path)'", bytes: frontMatter(required + "slug: '\(path)'\n"), code: .invalidSlug, line: 5))
            cases.append(Refusal(name: "author id '\(path)'", file: answerFile, bytes: Array("---\nauthor: '\(path)'\ndate: 2020-01-02\n---\nB\n".utf8),
                                 code: .unknownAuthor, line: 2))
            if path != "/etc" {  // "/etc/" is an ordinary site path for an alias
                cases.append(Refusal(name: "alias '\(path)'", bytes: frontMatter(required + "aliases: ['\(path)']\n"), code: .unsafePath, line: 5))
            }
        }
        return cases
    }()

    @Test(arguments: refusals) func refusedWithItsPlace(_ refusal: Refusal) async throws {
        let folder = TemporaryFolder()
        let site = Self.makeSite([refusal.file: refusal.bytes], in: folder)
        let (result, sink) = await buildInMemory(site)
        #expect(!result.succeeded)
        #expect(sink.files.isEmpty, "a refused build wrote files")
        let found = result.diagnostics.filter { $0.severity == .error }.map { "\($0.file):\($0.line) \($0.code.rawValue)" }
        let file = refusal.line == 0 ? URL(fileURLWithPath: refusal.file).deletingLastPathComponent().lastPathComponent : refusal.file
        let expected = refusal.line == 0 ? nil : "\(refusal.file):\(refusal.line) \(refusal.code.rawValue)"
        if let expected {
            #expect(found.contains(expected), "got \(found)")
        } else {
            #expect(result.diagnostics.contains { $0.code == refusal.code && $0.file.contains(file) }, "got \(found)")
        }
        if let message = refusal.message { #expect(result.diagnostics.contains { $0.message == message }) }
    }

    // MARK: Text that must build

    @Test func byteOrderMarkAndLineEndingsAreReadAsEditorsMeanThem() async throws {
        for (name, transform) in [("BOM", { (text: String) in [0xEF, 0xBB, 0xBF] + Array(text.utf8) }),
                                  ("CRLF", { Array($0.replacingOccurrences(of: "\n", with: "\r\n").utf8) }),
                                  ("CR", { Array($0.replacingOccurrences(of: "\n", with: "\r").utf8) })] as [(String, (String) -> [UInt8])] {
            let folder = TemporaryFolder()
            let site = Self.makeSite([Self.questionFile: transform(Self.question), Self.answerFile: transform(Self.answer)], in: folder)
            let (result, sink) = await buildInMemory(site)
            #expect(result.succeeded, "\(name): \(result.diagnostics)")
            let page = try #require(sink.text("questions/q/index.html"))
            #expect(page.contains(">Q</h1>"), "\(name): the title lost its first character or kept a BOM")
            #expect(page.contains("<p>Answer body.</p>"), "\(name)")
            #expect(!page.contains("\u{FEFF}") && !page.contains("\r"), "\(name)")
        }
    }

    @Test func nulBytesInABodyBecomeReplacementCharacters() async throws {
        let folder = TemporaryFolder()
        let site = Self.makeSite([Self.answerFile: Array("---\nauthor: a\ndate: 2020-01-02\n---\nbefore".utf8) + [0] + Array("after\n".utf8)], in: folder)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        #expect(try #require(sink.text("questions/q/index.html")).contains("before\u{FFFD}after"))
        #expect(sink.files.values.allSatisfy { !$0.contains(0) }, "a NUL byte reached the output")
    }

    @Test func frontMatterFenceInsideACodeBlockIsBodyText() async throws {
        let folder = TemporaryFolder()
        let site = Self.makeSite([Self.answerFile: Array("---\nauthor: a\ndate: 2020-01-02\n---\nBefore\n\n```yaml\n---\ntitle: x\n---\n```\n\nAfter\n".utf8)], in: folder)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        let page = try #require(sink.text("questions/q/index.html"))
        #expect(page.contains("---\ntitle: x\n---\n</code></pre>"))
        #expect(page.contains("<p>After</p>"))
    }

    @Test func tenMegabytesOfFrontMatterBuild() async throws {
        let folder = TemporaryFolder()
        let description = String(repeating: "calm ", count: 2_100_000)  // 10.5 MB
        let site = Self.makeSite([Self.questionFile: Self.frontMatter(Self.required + "description: \"\(description)\"\n")], in: folder)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        #expect(try #require(sink.text("questions/q/index.html")).contains("calm calm calm"))
    }

    @Test func everyUnknownKeyOfAHugeFileIsReportedButOnlyFiftyArePrinted() async throws {
        let folder = TemporaryFolder()
        let keys = (0..<20_000).map { "k\($0): v\n" }.joined()
        let site = Self.makeSite([Self.questionFile: Self.frontMatter(Self.required + keys)], in: folder)
        let (result, _) = await buildInMemory(site)
        #expect(result.diagnostics.filter { $0.code == .unknownKey }.count == 20_000)
        let text = DiagnosticFormatter(siteFolder: site).format(result.diagnostics)
        #expect(text.components(separatedBy: "error[unknown-key]").count - 1 == DiagnosticFormatter.limitPerFile)
        #expect(text.contains("\(Self.questionFile): note: 19,950 more problems in this file not shown"))
        #expect(text.contains("5 | k0: v"), "the first unknown key is quoted from its line")
    }

    @Test func hiddenFilesAndFoldersAreNotPublished() async throws {
        let folder = TemporaryFolder()
        let site = Self.makeSite([
            "Content/questions/.hidden/question.md": Array(Self.question.utf8),
            "Content/questions/q/.draft-answer.md": Array(Self.answer.utf8),
            "Content/questions/q/.env": Array("SECRET=1\n".utf8),
            "Content/questions/q/notes 😀 é.txt": Array("attachment\n".utf8),
        ], in: folder)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(!sink.files.keys.contains { $0.contains(".hidden") || $0.contains(".env") || $0.contains(".draft") })
        #expect(sink.files["questions/q/notes 😀 é.txt"] == Array("attachment\n".utf8), "an attachment with spaces, an emoji and an accent is copied")
    }

    // MARK: HTML and URLs

    static let injection = "</title><script>alert(1)</script>\"'><img src=x onerror=alert(2)>"

    @Test func markupInEveryFrontMatterStringIsEscapedEverywhere() async throws {
        let folder = TemporaryFolder()
        let quoted = "'" + Self.injection.replacingOccurrences(of: "'", with: "''") + "'"
        let site = Self.makeSite([
            "qanda.yml": Array("title: \(quoted)\nbase_url: https://example.org/\npublisher: \(quoted)\ndescription: \(quoted)\n".utf8),
            "Content/authors/a.md": Array("---\nname: \(quoted)\ngiven: Ann\nfamily: \(quoted)\ncredentials: \(quoted)\nrole: \(quoted)\n---\nBio.\n".utf8),
            Self.questionFile: Self.frontMatter("title: \(quoted)\ndate: 2020-01-01\ncategory: \(quoted)\ntags: [\(quoted)]\ndescription: \(quoted)\nasked_by: \(quoted)\ncitation_title: \(quoted)\n"),
            "Content/pages/about.md": Self.frontMatter("title: \(quoted)\ndescription: \(quoted)\n"),
        ], in: folder)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        let markup = sink.files.filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".xml") }
        #expect(markup.count > 10)
        for (path, bytes) in markup {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "\(path) carries the injected script")
            #expect(!text.contains("<img src=x"), "\(path) carries the injected element")
            #expect(!text.contains("\"'><"), "\(path) lets a value close its attribute")
        }
        let page = try #require(sink.text("questions/q/index.html"))
        #expect(page.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func linksThatRunCodeAreNeutralised() async throws {
        let folder = TemporaryFolder()
        let body = """
        [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,<script>alert(1)</script>) [d](vbscript:msgbox)
        [e](java&#x09;script:alert(1)) ![i](javascript:alert(1)) ![j](data:image/svg+xml,<svg/onload=alert(1)>)
        <javascript:alert(1)> [f](  javascript:alert(1)) [g](file:///etc/passwd) [r][ref]

        [ref]: javascript:alert(3)

        ![ok](data:image/png;base64,iVBORw0KGgo=) [fine](https://example.org/)
        """
        let site = Self.makeSite([Self.answerFile: Array("---\nauthor: a\ndate: 2020-01-02\n---\n\(body)\n".utf8)], in: folder)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        let page = try #require(sink.text("questions/q/index.html"))
        let attributes = page.matches(of: /(?:href|src)="([^"]*)"/).map { String($0.output.1).lowercased() }
        for value in attributes {
            #expect(!value.hasPrefix("javascript:") && !value.hasPrefix("vbscript:") && !value.hasPrefix("file:")
                    && !(value.hasPrefix("data:") && !value.hasPrefix("data:image/png")), "dangerous URL kept: \(value)")
        }
        #expect(attributes.contains("data:image/png;base64,ivborw0kggo="), "a PNG data image is kept")
        #expect(attributes.contains("https://example.org/"))
    }

    @Test func rawHTMLIsDroppedUnlessTheSiteAllowsIt() async throws {
        let folder = TemporaryFolder()
        let body = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\ninline <b onclick=\"x()\">b</b> <iframe src=//evil></iframe>\n"
        let site = Self.makeSite([Self.answerFile: Array("---\nauthor: a\ndate: 2020-01-02\n---\n\(body)".utf8)], in: folder)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        let page = try #require(sink.text("questions/q/index.html"))
        for needle in ["<script>alert", "onerror=", "onclick=", "<iframe"] { #expect(!page.contains(needle), "\(needle)") }
    }

    // MARK: Paths

    @Test func symbolicLinksInContentAreReportedAndNotFollowed() async throws {
        let folder = TemporaryFolder()
        let secret = folder.path + "/secret.md"
        try Self.answer.replacingOccurrences(of: "Answer body.", with: "TOP SECRET").write(toFile: secret, atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder.path + "/elsewhere/q2", withIntermediateDirectories: true)
        try Self.question.replacingOccurrences(of: "Question body.", with: "TOP SECRET").write(toFile: folder.path + "/elsewhere/q2/question.md", atomically: false, encoding: .utf8)
        let site = Self.makeSite([:], in: folder)
        let links = [
            "Content/questions/q/answer-2.md": secret,
            "Content/questions/q2": folder.path + "/elsewhere/q2",
            "Content/authors/b.md": secret,
            "Content/pages/p.md": secret,
            "Content/questions/q/passwd.txt": "/etc/passwd",
            "Content/assets/passwd.txt": "/etc/passwd",
        ]
        try FileManager.default.createDirectory(atPath: site + "/Content/pages", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: site + "/Content/assets", withIntermediateDirectories: true)
        for (path, target) in links { try FileManager.default.createSymbolicLink(atPath: site + "/" + path, withDestinationPath: target) }
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        let reported = Set(result.diagnostics.filter { $0.code == .symlinkNotFollowed }.map(\.file))
        #expect(reported == Set(links.keys))
        for (path, bytes) in sink.files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("TOP SECRET") && !text.contains("root:x:0:0"), "\(path) leaks a linked file")
        }
    }

    @Test func aLinkedQuestionsFolderIsNotFollowed() async throws {
        let folder = TemporaryFolder()
        let site = Self.makeSite([:], in: folder)
        try FileManager.default.moveItem(atPath: site + "/Content/questions", toPath: folder.path + "/questions")
        try FileManager.default.createSymbolicLink(atPath: site + "/Content/questions", withDestinationPath: folder.path + "/questions")
        let (result, sink) = await buildInMemory(site)
        #expect(result.diagnostics.contains { $0.code == .symlinkNotFollowed && $0.file == "Content/questions" })
        #expect(sink.files["questions/q/index.html"] == nil)
    }

    @Test(arguments: ["/", ".", "Content", "Content/questions", "Templates", ".."])
    func outputFoldersOverTheSourcesAreRefused(_ output: String) throws {
        let folder = TemporaryFolder()
        let site = Self.makeSite([:], in: folder)
        let before = try FileManager.default.subpathsOfDirectory(atPath: site).sorted()
        let run = try CommandRun.run(["build", "--site", site, "--output", output == "/" ? "/" : site + "/" + output, "--no-search"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("output folder"), "\(run.stderr)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: site).sorted() == before, "the site folder changed")
    }

    // MARK: Long threads

    @Test func longThreadsArePagedAndEveryLinkFindsItsAnswer() async throws {
        let folder = TemporaryFolder()
        var files: [String: [UInt8]] = ["qanda.yml": Array((Self.config + "answers_per_page: 50\n").utf8)]
        for number in 0..<120 {
            files[String(format: "Content/questions/q/answer-%03d.md", number)] =
                Array("---\nauthor: a\ndate: 2020-01-02\nvotes: \(1000 - number)\n---\nAnswer number \(number).\n".utf8)
        }
        let site = Self.makeSite(files, in: folder)
        try FileManager.default.removeItem(atPath: site + "/" + Self.answerFile)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        let first = try #require(sink.text("questions/q/index.html"))
        let third = try #require(sink.text("questions/q/page/3/index.html"))
        #expect(sink.text("questions/q/page/4/index.html") == nil)
        #expect(first.components(separatedBy: "<p>Answer number").count - 1 == 50)
        #expect(third.components(separatedBy: "<p>Answer number").count - 1 == 20)
        #expect(first.contains("120 answers") && third.contains("120 answers"))
        #expect(third.contains("<title>Q (answers, page 3 of 3)"))
        #expect(third.contains(#"<link rel="canonical" href="https://example.org/questions/q/page/3/">"#))
        #expect(third.contains(#"<a rel="prev" href="/questions/q/page/2/">"#))
        #expect(third.contains(#"id="answer-119""#))
        // The author's page and the JSON-LD send readers to the page that shows the answer.
        let authorPages = sink.files.filter { $0.key.hasPrefix("authors/a/") }.map { String(decoding: $0.value, as: UTF8.self) }.joined()
        #expect(authorPages.contains(#"href="/questions/q/page/3/#answer-119""#))
        #expect(third.contains(#""url":"https://example.org/questions/q/page/3/#answer-119""#))
        #expect(!first.contains("answer-119"), "page 1 lists answers of page 3")
    }

    @Test func thePagerShowsAWindowNotEveryPage() {
        #expect(ContextBuilder.pagerNumbers(current: 1, total: 5000) == [1, 2, 3, 5000])
        #expect(ContextBuilder.pagerNumbers(current: 2500, total: 5000) == [1, 2498, 2499, 2500, 2501, 2502, 5000])
        #expect(ContextBuilder.pagerNumbers(current: 3, total: 4) == [1, 2, 3, 4])
    }
}
