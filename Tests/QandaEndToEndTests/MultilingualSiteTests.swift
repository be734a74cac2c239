import Foundation
import Testing
@testable import QandaKit

/// One site in several languages (`languages:`): each language's pages under /<tag>/, hreflang links that answer
/// each other, per-language lists, the sitemap's alternates, the errors of bad translation files and incremental
/// builds that equal clean ones.
@Suite struct MultilingualSiteTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A small site in English and Spanish: two threads, one of them translated (question and answer).
    static func writeSite(into folder: TemporaryFolder, extra: [String: String] = [:]) -> String {
        var files: [String: String] = [
            "qanda.yml": "title: Answers\nbase_url: https://example.org/\npublisher: Test\nlanguages: [en, es]\n",
            "Content/authors/ana.md": "---\nname: Ana Ruiz\ngiven: Ana\nfamily: Ruiz\n---\nAna answers.",
            "Content/questions/sleep/question.md": "---\ntitle: How do I sleep better?\ndate: 2024-01-10\nupdated: 2024-02-01\ncategory: Sleep\n---\nI wake at four.",
            "Content/questions/sleep/ana.md": "---\nauthor: ana\ndate: 2024-01-11\n---\nKeep a diary.",
            "Content/questions/sleep/question.es.md": "---\ntitle: ¿Cómo duermo mejor?\ndate: 2024-02-05\n---\nMe despierto a las cuatro.",
            "Content/questions/sleep/ana.es.md": "---\ndate: 2024-02-05\n---\nLleve un diario.",
            "Content/questions/worry/question.md": "---\ntitle: What is worry time?\ndate: 2024-03-01\ncategory: Anxiety\n---\nA question.",
            "Content/questions/worry/ana.md": "---\nauthor: ana\ndate: 2024-03-02\n---\nAn answer.",
        ]
        files.merge(extra) { _, new in new }
        for (path, text) in files { folder.write(text, to: "site/" + path) }
        return folder.path + "/site"
    }

    static func check(_ site: String) throws -> String {
        let run = try CommandRun.run(["check", "--site", site])
        return run.stdout + run.stderr
    }

    /// Every `<link rel="alternate" hreflang>` of an HTML page: language -> URL.
    static func hreflangLinks(_ html: String) -> [String: String] {
        var links: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: #"<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">"#)
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            links[String(html[Range(match.range(at: 1), in: html)!])] = String(html[Range(match.range(at: 2), in: html)!])
        }
        return links
    }

    @Test func everyHreflangPairOfTheExampleSiteIsReciprocal() async throws {
        let sink = MemorySink()
        let options = SiteLoader.Options(now: ISO8601DateFormatter().date(from: "2026-12-01T12:00:00Z")!)
        let result = await SitePipeline(siteFolder: Self.repository, options: options).build(into: sink)
        #expect(result.succeeded, "\(result.diagnostics)")
        let base = "https://answers.example.org/"
        let files = sink.files
        var pairs = 0
        for (path, bytes) in files where path.hasSuffix("index.html") {
            let html = String(decoding: bytes, as: UTF8.self)
            let links = Self.hreflangLinks(html)
            guard !links.isEmpty else { continue }
            let own = base + String(path.dropLast("index.html".count))
            let language = path.hasPrefix("es/") ? "es" : "en"
            #expect(links[language] == own, "\(path) names itself as its \(language) version")
            #expect(links["x-default"] == links["en"], "\(path): x-default is the English page")
            for (other, url) in links where other != "x-default" && other != language {
                let otherPath = String(url.dropFirst(base.count)) + "index.html"
                guard let otherBytes = files[otherPath] else {
                    Issue.record("\(path) links \(url), which the build did not write")
                    continue
                }
                #expect(Self.hreflangLinks(String(decoding: otherBytes, as: UTF8.self))[language] == own,
                        "\(otherPath) links back to \(path)")
                pairs += 1
            }
        }
        // Home, questions, categories, tags, authors, search, and the two translated threads: both ways.
        #expect(pairs == 16)
        let spanish = try #require(sink.text("es/questions/naps-and-night-shifts/index.html"))
        #expect(spanish.contains("<html lang=\"es\""))
        #expect(spanish.contains("¿Debo dormir una siesta antes de un turno de noche?"))
        #expect(spanish.contains("hreflang=\"en\">English</a>"))
        #expect(spanish.contains("aria-current=\"page\">Español</a>"))
    }

    @Test func eachLanguageListsItsOwnThreadsAndCitesTheVersionRead() async throws {
        let folder = TemporaryFolder()
        let site = Self.writeSite(into: folder)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        let englishList = try #require(sink.text("questions/index.html"))
        #expect(englishList.contains("How do I sleep better?") && englishList.contains("What is worry time?"))
        #expect(!englishList.contains("¿Cómo duermo mejor?"))
        let spanishList = try #require(sink.text("es/questions/index.html"))
        #expect(spanishList.contains("¿Cómo duermo mejor?"))
        #expect(!spanishList.contains("What is worry time?") && !spanishList.contains("How do I sleep better?"))
        #expect(sink.text("es/questions/worry/index.html") == nil, "a thread without a Spanish version has no Spanish page")
        let spanishPage = try #require(sink.text("es/questions/sleep/index.html"))
        #expect(spanishPage.contains("Lleve un diario.") && !spanishPage.contains("Keep a diary."))
        #expect(spanishPage.contains("<link rel=\"canonical\" href=\"https://example.org/es/questions/sleep/\">"))
        let citation = try #require(sink.text("es/questions/sleep/cite.bib"))
        #expect(citation.contains("https://example.org/es/questions/sleep/") && citation.contains("Cómo duermo mejor"))
        #expect(try #require(sink.text("es/feed.xml")).contains("xml:lang=\"es\""))
        #expect(try #require(sink.text("feed.xml")).contains("xml:lang=\"en\""))
        // An untranslated thread's switcher leads to the other language's home page.
        #expect(try #require(sink.text("questions/worry/index.html")).contains("<a href=\"/es/\" lang=\"es\" hreflang=\"es\">"))
        let sitemap = try #require(sink.text("sitemap.xml"))
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        #expect(sitemap.contains("<loc>https://example.org/questions/sleep/</loc>\n    <lastmod>2024-02-01</lastmod>\n"
            + "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/questions/sleep/\"/>\n"
            + "    <xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/questions/sleep/\"/>\n"
            + "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/questions/sleep/\"/>\n"))
    }

    @Test func aSiteInOneLanguageHasNoAlternatesNorSwitcher() async throws {
        let folder = TemporaryFolder()
        let site = Self.writeSite(into: folder, extra: [
            "qanda.yml": "title: Answers\nbase_url: https://example.org/\npublisher: Test\n",
            "Content/questions/sleep/question.es.md": "", "Content/questions/sleep/ana.es.md": "",
        ])
        try FileManager.default.removeItem(atPath: site + "/Content/questions/sleep/question.es.md")
        try FileManager.default.removeItem(atPath: site + "/Content/questions/sleep/ana.es.md")
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        let page = try #require(sink.text("questions/sleep/index.html"))
        #expect(!page.contains("hreflang") && !page.contains("language-switcher"))
        #expect(!(try #require(sink.text("sitemap.xml"))).contains("xhtml"))
    }

    @Test(arguments: [
        ("a language that is not BCP 47", ["qanda.yml": "title: Answers\nbase_url: https://example.org/\npublisher: Test\nlanguages: [en, espanol]\n"],
         "qanda.yml:4:12: error[invalid-value]: languages: 'espanol' is not a language tag"),
        ("a translation into a language the site does not list", ["Content/questions/sleep/question.fr.md": "---\ntitle: Dormir\ndate: 2024-02-05\n---\nTexte."],
         "Content/questions/sleep/question.fr.md:1:1: error[unlisted-language]: a translation into 'fr', which qanda.yml does not list"),
        ("a translation into the default language", ["Content/questions/sleep/question.en.md": "---\ntitle: Sleep\ndate: 2024-02-05\n---\nText."],
         "Content/questions/sleep/question.en.md:1:1: error[unlisted-language]: a translation into 'en', the site's default language"),
        ("a translation with no original", ["Content/questions/sleep/bruno.es.md": "---\ndate: 2024-02-05\n---\nTexto."],
         "Content/questions/sleep/bruno.es.md:1:1: error[orphan-translation]: translation of bruno.md, but this thread has no bruno.md"),
        ("an answer translated without its question", ["Content/questions/worry/ana.es.md": "---\ndate: 2024-03-05\n---\nTexto."],
         "Content/questions/worry/ana.es.md:1:1: error[orphan-translation]: an answer translated into 'es', but the question is not"),
        ("two translations of one thread in one language", ["Content/questions/sleep/question.ES.md": "---\ntitle: Dormir\ndate: 2024-02-05\n---\nTexto."],
         "Content/questions/sleep/question.es.md:1:1: error[duplicate-translation]: a second translation of question.md in 'es' (also question.ES.md)"),
        ("a translation without its date", ["Content/questions/sleep/ana.es.md": "---\n---\nTexto."],
         "Content/questions/sleep/ana.es.md"),
    ])
    func badTranslationInputIsAnErrorWithItsFileAndLine(_ name: String, _ files: [String: String], _ expected: String) throws {
        let folder = TemporaryFolder()
        let site = Self.writeSite(into: folder, extra: files)
        let run = try CommandRun.run(["check", "--site", site])
        #expect(run.status == 1, "\(name)")
        #expect((run.stdout + run.stderr).contains(expected), "\(name): \(run.stdout)\(run.stderr)")
    }

    @Test func aTranslationOlderThanItsOriginalIsAWarningWithAHint() throws {
        let folder = TemporaryFolder()
        let site = Self.writeSite(into: folder, extra: [
            "Content/questions/sleep/question.es.md": "---\ntitle: ¿Cómo duermo mejor?\ndate: 2024-01-20\n---\nMe despierto a las cuatro.",
        ])
        let output = try Self.check(site)
        #expect(output.contains("Content/questions/sleep/question.es.md:3:7: warning[translation-outdated]: this 'es' translation (2024-01-20) is older than question.md (last changed 2024-02-01)"), "\(output)")
        #expect(output.contains("hint: compare it with question.md, bring the translation in step, then set its `date:` to the day you did"))
        #expect(!output.contains("ana.es.md"), "the answer's translation is newer than its answer")
        let strict = try CommandRun.run(["check", "--strict", "--site", site])
        #expect(strict.status != 0)
    }

    @Test func addingEditingAndRemovingATranslationGivesTheBytesOfACleanBuild() throws {
        let folder = TemporaryFolder()
        let site = Self.writeSite(into: folder)
        _ = try BuildCacheTests.build(site)
        let edits: [(String, () -> Void)] = [
            ("adding a translation", {
                folder.write("---\ntitle: ¿Qué es el tiempo de preocuparse?\ndate: 2024-03-05\ncategory: x\n---\nUna pregunta.",
                             to: "site/Content/questions/worry/question.es.md")
            }),
            ("fixing its front matter", {
                folder.write("---\ntitle: ¿Qué es el tiempo de preocuparse?\ndate: 2024-03-05\n---\nUna pregunta.",
                             to: "site/Content/questions/worry/question.es.md")
                folder.write("---\ndate: 2024-03-05\n---\nUna respuesta.", to: "site/Content/questions/worry/ana.es.md")
            }),
            ("editing a translation", {
                folder.write("---\ndate: 2024-02-06\n---\nLleve un diario de sueño.", to: "site/Content/questions/sleep/ana.es.md")
            }),
            ("translating an author", {
                folder.write("---\nrole: Terapeuta\n---\nAna responde.", to: "site/Content/authors/ana.es.md")
            }),
            ("editing the author's translation", {
                folder.write("---\nrole: Terapeuta del sueño\n---\nAna responde preguntas.", to: "site/Content/authors/ana.es.md")
            }),
            ("naming a category in Spanish", {
                folder.write("categories:\n  Sleep: Sueño\n", to: "site/i18n/es.yml")
            }),
            ("adding a free page, which every language's navigation links", {
                folder.write("---\ntitle: About\n---\nAbout us.", to: "site/Content/pages/about.md")
            }),
            ("retitling it", {
                folder.write("---\ntitle: About us\n---\nAbout us.", to: "site/Content/pages/about.md")
            }),
            ("removing a translation", {
                try! FileManager.default.removeItem(atPath: site + "/Content/questions/sleep/ana.es.md")
                try! FileManager.default.removeItem(atPath: site + "/Content/questions/sleep/question.es.md")
            }),
        ]
        for (edit, apply) in edits {
            apply()
            let run = try CommandRun.run(["build", "--site", site, "--no-search", "--base-url", "https://example.org/kb/"])
            if edit == "adding a translation" {
                #expect(run.status == 1 && (run.stdout + run.stderr).contains("unknown-key"), "\(edit): \(run.stderr)")
                continue
            }
            #expect(run.status == 0, "\(edit): \(run.stderr)")
            let clean = folder.path + "/clean"
            try? FileManager.default.removeItem(atPath: clean)
            _ = try BuildCacheTests.build(site, ["--no-cache", "--output", clean])
            let incremental = BuildCacheTests.tree(site + "/Site"), expected = BuildCacheTests.tree(clean)
            #expect(incremental.keys.sorted() == expected.keys.sorted(), "files differ after \(edit)")
            for (path, bytes) in expected where incremental[path] != bytes { Issue.record("\(path) differs after \(edit)") }
        }
        #expect(!FileManager.default.fileExists(atPath: site + "/Site/es/questions/sleep"), "a removed translation's page is gone")
        #expect(FileManager.default.fileExists(atPath: site + "/Site/es/questions/worry/index.html"))
    }
}
