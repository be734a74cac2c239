import Foundation
import Testing
@testable import QandaKit

/// What a site in several languages translates beyond its threads: authors' words (`<id>.<language>.md`), the
/// names of categories and tags (`categories:`/`tags:` in `i18n/<language>.yml`), links in translations checked
/// against every language, and the files only a site's root has.
@Suite struct TranslatedNamesTests {
    static func site(_ folder: TemporaryFolder, extra: [String: String] = [:]) -> String {
        MultilingualSiteTests.writeSite(into: folder, extra: [
            "Content/authors/ana.md": "---\nname: Ana Ruiz\ngiven: Ana\nfamily: Ruiz\nrole: Sleep therapist\n---\nAna answers questions about sleep.",
            "Content/questions/sleep/question.md": "---\ntitle: How do I sleep better?\ndate: 2024-01-10\nupdated: 2024-02-01\ncategory: Sleep\ntags: [insomnia, diary]\n---\nI wake at four.",
        ].merging(extra) { _, new in new })
    }

    @Test func anAuthorsTranslationGivesTheirPageInThatLanguageItsWords() async throws {
        let folder = TemporaryFolder()
        let site = Self.site(folder, extra: [
            "Content/authors/ana.es.md": "---\nrole: Terapeuta del sueño\n---\nAna responde preguntas sobre el sueño.",
        ])
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        let spanish = try #require(sink.text("es/authors/ana/index.html"))
        #expect(spanish.contains("Terapeuta del sueño") && spanish.contains("Ana responde preguntas sobre el sueño."))
        #expect(!spanish.contains("Sleep therapist") && !spanish.contains("Ana answers questions"))
        #expect(spanish.contains("Ana Ruiz"), "a translation without `name:` keeps the name")
        let english = try #require(sink.text("authors/ana/index.html"))
        #expect(english.contains("Sleep therapist") && english.contains("Ana answers questions about sleep."))
        #expect(!english.contains("Terapeuta"))
        #expect(sink.text("authors/ana.es/index.html") == nil, "a translation is not an author of its own")
    }

    @Test(arguments: [
        ("a translation of an author who does not exist", ["Content/authors/anna.es.md": "---\nrole: Terapeuta\n---\n"],
         "Content/authors/anna.es.md:1:1: error[orphan-translation]: translation of author 'anna', but there is no Content/authors/anna.md (did you mean 'ana'?)"),
        ("an author translated into a language the site does not list", ["Content/authors/ana.fr.md": "---\nrole: Thérapeute\n---\n"],
         "Content/authors/ana.fr.md:1:1: error[unlisted-language]: a translation into 'fr', which qanda.yml does not list after the default language"),
        ("a key an author's translation cannot have", ["Content/authors/ana.es.md": "---\norcid: 0000-0002-1825-0097\n---\n"],
         "Content/authors/ana.es.md:2:1: error[unknown-key]"),
        ("a category name for a category the site does not have", ["i18n/es.yml": "categories:\n  Slep: Sueño\n"],
         "i18n/es.yml:2:3: error[unknown-key]: the site has no category 'Slep' (did you mean 'Sleep'?)"),
        ("a tag name for a tag the site does not have", ["i18n/es.yml": "tags:\n  insomia: insomnio\n"],
         "i18n/es.yml:2:3: error[unknown-key]: the site has no tag 'insomia' (did you mean 'insomnia'?)"),
        ("a broken link in a translation", ["Content/questions/sleep/ana.es.md": "---\ndate: 2024-02-05\n---\nVea [la otra](/es/questions/worri/)."],
         "Content/questions/sleep/ana.es.md:4:5: error[broken-link]: link '/es/questions/worri/' points to no page or file of the site"),
    ])
    func badTranslatedNamesAreErrorsWithTheirFileAndLine(_ name: String, _ files: [String: String], _ expected: String) throws {
        let folder = TemporaryFolder()
        let site = Self.site(folder, extra: files)
        let check = try CommandRun.run(["check", "--site", site])
        #expect(check.status == 1, "\(name)")
        #expect((check.stdout + check.stderr).contains(expected), "\(name): \(check.stdout)\(check.stderr)")
        let build = try CommandRun.run(["build", "--site", site])
        #expect(build.status == 1, "\(name): the build stops too")
        #expect(!FileManager.default.fileExists(atPath: site + "/Site"))
    }

    @Test func aLanguageNamesCategoriesAndTagsWithoutChangingTheirURLs() async throws {
        let folder = TemporaryFolder()
        let site = Self.site(folder, extra: ["i18n/es.yml": "categories:\n  Sleep: Sueño\ntags:\n  insomnia: insomnio\n"])
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        let page = try #require(sink.text("es/questions/sleep/index.html"))
        #expect(page.contains(">Sueño</a>"), "the category as Spanish readers know it")
        #expect(page.contains("href=\"/es/tags/insomnia/\">#insomnio</a>"), "the tag renamed, its URL kept")
        #expect(page.contains("#diary"), "a tag the table does not name shows as written")
        #expect(page.contains("<meta property=\"article:section\" content=\"Sueño\">"))
        #expect(try #require(sink.text("es/categories/index.html")).contains("Sueño"))
        #expect(try #require(sink.text("es/categories/sleep/index.html")).contains("Sueño"))
        let english = try #require(sink.text("questions/sleep/index.html"))
        #expect(english.contains("#insomnia") && !english.contains("insomnio") && !english.contains("Sueño"))
    }

    @Test func linksInTranslationsReachEveryLanguagesPages() async throws {
        let folder = TemporaryFolder()
        let site = Self.site(folder, extra: [
            "Content/questions/sleep/ana.es.md": "---\ndate: 2024-02-05\n---\nVea [la pregunta](/es/questions/sleep/) y [el original](/questions/worry/).",
            "Content/authors/ana.es.md": "---\nrole: Terapeuta\n---\nVea [sus respuestas](/es/authors/ana/).",
        ])
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        #expect(try #require(sink.text("es/questions/sleep/index.html")).contains("<a href=\"/es/questions/sleep/\">la pregunta</a>"))
    }

    @Test func onlyTheRootHasRobotsManifestAndNotFoundAndTheyNameEveryLanguage() async throws {
        let folder = TemporaryFolder()
        let site = Self.site(folder)
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        for file in ["robots.txt", "manifest.json", "404.html"] {
            #expect(sink.text(file) != nil, "\(file) at the root")
            #expect(sink.text("es/" + file) == nil, "no \(file) under /es/: hosts and crawlers read only the root's")
        }
        let robots = try #require(sink.text("robots.txt"))
        #expect(robots.contains("Sitemap: https://example.org/sitemap.xml\nSitemap: https://example.org/es/sitemap.xml\n"))
        let manifest = try #require(sink.text("manifest.json"))
        #expect(manifest.contains("\"/es/questions/sleep/\"") && manifest.contains("\"/questions/sleep/\""))
        #expect(!manifest.contains("\"/es/manifest.json\""))
    }

    @Test func checkAgainstAnEarlierBuildComparesEveryLanguagesURLs() throws {
        let folder = TemporaryFolder()
        let site = Self.site(folder)
        let build = try CommandRun.run(["build", "--site", site, "--output", folder.path + "/published"])
        #expect(build.status == 0, "\(build.stderr)")
        let same = try CommandRun.run(["check", "--site", site, "--against", folder.path + "/published"])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        try FileManager.default.removeItem(atPath: site + "/Content/questions/sleep/question.es.md")
        try FileManager.default.removeItem(atPath: site + "/Content/questions/sleep/ana.es.md")
        let removed = try CommandRun.run(["check", "--site", site, "--against", folder.path + "/published"])
        #expect(removed.status == 1)
        let output = removed.stdout + removed.stderr
        #expect(output.contains("error[url-removed]: /es/questions/sleep/ was published before and this site no longer has it"), "\(output)")
        #expect(output.contains("hint: keep the thread's translation (question.es.md in its folder), or restore the thread"))
        #expect(!output.contains("/es/categories/"), "lists may change in every language")
    }

    @Test func eachLanguagesSearchIndexAfterAnEditAnswersAsACleanOne() throws {
        let folder = TemporaryFolder()
        let site = Self.site(folder)
        func build(_ extra: [String] = []) throws {
            let run = try CommandRun.run(["build", "--site", site, "--base-url", "https://example.org/kb/"] + extra)
            #expect(run.status == 0, "\(run.stderr)")
        }
        try build()
        for (edit, apply) in [
            ("editing a translated answer", { folder.write("---\ndate: 2024-02-06\n---\nLleve un diario de sueño cada noche.", to: "site/Content/questions/sleep/ana.es.md") }),
            ("translating a second thread", {
                folder.write("---\ntitle: ¿Qué es el tiempo de preocuparse?\ndate: 2024-03-05\n---\nUna pregunta.", to: "site/Content/questions/worry/question.es.md")
            }),
            ("removing a translation", { try? FileManager.default.removeItem(atPath: site + "/Content/questions/sleep/question.es.md")
                                          try? FileManager.default.removeItem(atPath: site + "/Content/questions/sleep/ana.es.md") }),
        ] as [(String, () -> Void)] {
            apply()
            try build()
            let clean = folder.path + "/clean"
            try? FileManager.default.removeItem(atPath: clean)
            try build(["--no-cache", "--output", clean])
            let incremental = BuildCacheTests.tree(site + "/Site"), expected = BuildCacheTests.tree(clean)
            // An index updated in place keeps its documents' ids (and so its file names): it answers as a clean
            // one does rather than matching it byte for byte. Every other file does match.
            let isIndex = { (path: String) in path.contains("search/index/") || path.hasSuffix("search/index.html") }
            #expect(incremental.keys.filter { !isIndex($0) }.sorted() == expected.keys.filter { !isIndex($0) }.sorted(), "files differ after \(edit)")
            for (path, bytes) in expected where !isIndex(path) && incremental[path] != bytes { Issue.record("\(path) differs after \(edit)") }
            func spanishIndex(_ tree: [String: Data]) -> SearchReader? {
                SearchReader(files: Dictionary(uniqueKeysWithValues: tree.filter { $0.key.hasPrefix("es/") }.map { (String($0.key.dropFirst(3)), [UInt8]($0.value)) }))
            }
            let updated = try #require(spanishIndex(incremental), "\(edit)"), fresh = try #require(spanishIndex(expected), "\(edit)")
            #expect(updated.documentCount == fresh.documentCount, "\(edit)")
            for query in ["diario", "noche", "duermo", "preocuparse", "pregunta", "sleep"] {
                #expect(updated.search(query) == fresh.search(query), "'\(query)' after \(edit)")
            }
        }
    }

    @Test func templatesLinkTheSiteRootAndWriteTheirOwnWordsPerLanguage() async throws {
        let folder = TemporaryFolder()
        let site = Self.site(folder, extra: [
            "Content/pages/about.md": "---\ntitle: About\n---\nAbout us.",
            "Templates/footer.mustache": "<footer><a href=\"{{site.root_path}}pages/about/\">{{#site.is_language.es}}Acerca de{{/site.is_language.es}}{{^site.is_language.es}}About{{/site.is_language.es}}</a></footer>",
        ])
        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics)")
        let spanish = try #require(sink.text("es/questions/sleep/index.html"))
        #expect(spanish.contains("<footer><a href=\"/pages/about/\">Acerca de</a></footer>"))
        #expect(try #require(sink.text("questions/sleep/index.html")).contains("<footer><a href=\"/pages/about/\">About</a></footer>"))
        #expect(sink.text("es/pages/about/index.html") == nil, "free pages stay at the root")
        #expect(spanish.contains("href=\"/pages/about/\">About</a>"), "the navigation links the root's free pages")
    }
}
