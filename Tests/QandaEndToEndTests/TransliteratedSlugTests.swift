import Foundation
import Testing
@testable import QandaKit

/// Names and titles in any script get readable ASCII URLs (`Slug.make` transliterates what accent folding cannot
/// make ASCII); where nothing readable can be made, `new question` asks for a slug instead of inventing one.
@Suite struct TransliteratedSlugTests {
    let today = ContentDate.parse("2025-06-01")!

    private func folders(_ site: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site + "/Content/questions")) ?? []).sorted()
    }

    // MARK: - Categories and tags

    /// Names that used to make no slug (so no list page) now have one, and every link uses it.
    @Test func cyrillicCategoriesAndTagsGetListPagesAtTransliteratedURLs() async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.replace(ValidSite.question, "category: Sleep", with: "category: Сон и отдых\ntags: [Тревога, тревога, 睡眠]").apply(to: site)
        let diagnostics = await SitePipeline(siteFolder: site).check(today: ValidSite.today)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")

        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics.map(\.message))")
        let category = try #require(sink.text("categories/son-i-otdykh/index.html"))
        #expect(category.contains("Сон и отдых") && category.contains("How can I sleep better?"))
        let tagPages = sink.files.keys.filter { $0.hasPrefix("tags/") && $0.hasSuffix("/index.html") && $0 != "tags/index.html" }.sorted()
        #expect(tagPages == ["tags/shui-mian/index.html", "tags/trevoga/index.html"], "Тревога and тревога are one tag")
        #expect(sink.text("tags/trevoga/index.html")?.contains("How can I sleep better?") == true)

        let page = try #require(sink.text("questions/sleep-better/index.html"))
        #expect(page.contains("/categories/son-i-otdykh/\""))
        #expect(page.contains("/tags/trevoga/\"") && page.contains("/tags/shui-mian/\""))
        #expect(sink.text("categories/index.html")?.contains("/categories/son-i-otdykh/\"") == true)
        #expect(sink.text("tags/index.html")?.contains("/tags/trevoga/\"") == true)
        #expect(sink.text("categories/son-i-otdykh/feed.xml") != nil)
    }

    /// A name with nothing to spell (emoji only, or a script ICU cannot transliterate) is still an error, at its value.
    @Test(arguments: [("category: ☕☕", "category '☕☕'", 7, 11), ("category: Sleep\ntags: [ພາສາລາວ]", "tag 'ພາສາລາວ'", 8, 7)])
    func aNameWithNothingToSpellIsAnError(_ edit: String, _ named: String, _ line: Int, _ column: Int) async throws {
        let folder = TemporaryFolder()
        let site = ValidSite.make(in: folder)
        try SiteEdit.replace(ValidSite.question, "category: Sleep", with: edit).apply(to: site)
        let diagnostics = await SitePipeline(siteFolder: site).check(today: ValidSite.today)
        let finding = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(finding.code == .invalidValue && finding.severity == .error)
        #expect(finding.file == ValidSite.question && finding.line == line && finding.column == column)
        #expect(finding.message == "\(named) has no letters or digits to make a URL from (in any script Qanda can spell in Latin letters)")
        #expect(finding.hint?.hasPrefix("use ") == true)
    }

    // MARK: - new question

    @Test(arguments: [
        ("Что такое тревога?", "chto-takoe-trevoga"),
        ("Τι είναι το άγχος;", "ti-einai-to-anchos"),
        ("不安とは何ですか？", "bu-antoha-hedesuka"),
        ("什么是焦虑？", "shen-me-shi-jiao-lu"),
        ("불안이란 무엇인가요?", "bul-an-ilan-mueos-ingayo"),
        ("चिंता क्या है?", "cinta-kya-hai"),
        ("ما هو القلق؟", "ma-hw-alqlq"),
        ("מהי חרדה?", "mhy-hrdh"),
    ])
    func newQuestionTransliteratesTheTitle(_ title: String, _ slug: String) throws {
        let folder = TemporaryFolder()
        folder.write("title: T\nbase_url: https://example.org/kb/\npublisher: P\n", to: "site/qanda.yml")
        let site = folder.path + "/site"
        let planned = try NewContent.question(title: title, siteFolder: site, today: today)
        #expect(planned.path == "Content/questions/\(slug)/question.md")
        #expect(planned.contents.hasPrefix("---\ntitle: \(title)\n"))
        _ = try ScaffoldWriter.create(planned, in: site)
        #expect(try NewContent.question(title: title, siteFolder: site, today: today).path == "Content/questions/\(slug)-2/question.md")
    }

    @Test func newQuestionWithNothingToMakeASlugFromNeedsOne() throws {
        let folder = TemporaryFolder()
        folder.write("title: T\nbase_url: https://example.org/kb/\npublisher: P\n", to: "site/qanda.yml")
        let site = folder.path + "/site"
        #expect(throws: ScaffoldError.noSlug(title: "😀 🎉 ?!")) { try NewContent.question(title: " 😀 🎉 ?! ", siteFolder: site, today: today) }
        let chosen = try NewContent.question(title: "😀 🎉 ?!", slug: "celebrations", siteFolder: site, today: today)
        #expect(chosen.path == "Content/questions/celebrations/question.md")
        _ = try ScaffoldWriter.create(chosen, in: site)
        // A slug chosen by hand is used as it is, or refused: never numbered.
        #expect(throws: ScaffoldError.slugTaken("celebrations", suggestion: "celebrations-2")) {
            try NewContent.question(title: "Again", slug: "celebrations", siteFolder: site, today: today)
        }
        #expect(throws: ScaffoldError.invalidID("Празднование", kind: "a question's slug", suggestion: "prazdnovanie")) {
            try NewContent.question(title: "Again", slug: "Празднование", siteFolder: site, today: today)
        }
        // The slug given wins over one the title would make.
        #expect(try NewContent.question(title: "Что такое тревога?", slug: "anxiety", siteFolder: site, today: today).path
                == "Content/questions/anxiety/question.md")
    }

    /// As a user runs it: the folder, the note on stderr (stdout stays the path alone), and the refusal that writes nothing.
    @Test func commandLine() throws {
        let folder = TemporaryFolder()
        let site = folder.path + "/site"
        let initRun = try CommandRun.run(["init", site, "--base-url", "https://answers.example.org/"])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let before = folders(site)

        let russian = try CommandRun.run(["new", "question", "Что такое тревога?", "--site", site])
        #expect(russian.status == 0, "\(russian.stderr)")
        #expect(russian.stdout == site + "/Content/questions/chto-takoe-trevoga/question.md\n")
        #expect(russian.stderr == "note: the URL slug is the title transliterated into Latin letters; to choose another, "
                + "delete \(site)/Content/questions/chto-takoe-trevoga/ and run `qanda new question` again with --slug\n")
        #expect(try String(contentsOfFile: site + "/Content/questions/chto-takoe-trevoga/question.md", encoding: .utf8)
            .hasPrefix("---\ntitle: Что такое тревога?\n"))

        let japanese = try CommandRun.run(["new", "question", "不安とは何ですか？", "--site", site])
        #expect(japanese.status == 0, "\(japanese.stderr)")
        #expect(japanese.stdout == site + "/Content/questions/bu-antoha-hedesuka/question.md\n")
        #expect(japanese.stderr.contains("(kanji are read as Chinese pinyin: there is no Japanese reading to go by)"))

        let latin = try CommandRun.run(["new", "question", "Ça va?", "--site", site])
        #expect(latin.stdout == site + "/Content/questions/ca-va/question.md\n")
        #expect(latin.stderr.isEmpty, "no note for a title that folds to ASCII: \(latin.stderr)")

        let emoji = try CommandRun.run(["new", "question", "😀🎉", "--site", site])
        #expect(emoji.status == 1)
        #expect(emoji.stdout.isEmpty)
        #expect(emoji.stderr == "error: the title '😀🎉' has no letters or digits that can be written in Latin letters for its URL; "
                + "choose the URL's slug with --slug (lowercase letters a-z, digits and hyphens, e.g. --slug what-is-anxiety)\n")
        #expect(folders(site) == (before + ["bu-antoha-hedesuka", "ca-va", "chto-takoe-trevoga"]).sorted(), "nothing is written")

        let chosen = try CommandRun.run(["new", "question", "😀🎉", "--slug", "celebrations", "--site", site])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout == site + "/Content/questions/celebrations/question.md\n")
        #expect(chosen.stderr.isEmpty)
        let taken = try CommandRun.run(["new", "question", "Другой", "--slug", "chto-takoe-trevoga", "--site", site])
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("a thread already has the slug 'chto-takoe-trevoga'") && taken.stderr.contains("--slug chto-takoe-trevoga-2"))
        let invalid = try CommandRun.run(["new", "question", "Другой", "--slug", "Другой вопрос", "--site", site])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("'Другой вопрос' cannot be a question's slug") && invalid.stderr.contains("(for example 'drugoy-vopros')"))
        #expect(folders(site) == (before + ["bu-antoha-hedesuka", "ca-va", "celebrations", "chto-takoe-trevoga"]).sorted())

        // The new drafts check clean.
        let check = try CommandRun.run(["check", "--site", site])
        #expect(check.status == 0, "\(check.stdout)")
    }
}
