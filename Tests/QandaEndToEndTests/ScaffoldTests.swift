import Foundation
import Testing
@testable import QandaKit

/// An editor's day: start a site, add a question, an author and an answer, take a template to edit.
@Suite struct ScaffoldTests {
    /// The same day as `Fixtures.now`, so files dated "today" are neither future nor overdue for the build.
    let today = ContentDate.parse("2025-06-01")!

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// A new site with a real-looking address (without one, `qanda check` warns about the placeholder).
    func newSite(_ folder: TemporaryFolder, title: String = SiteScaffold.defaultTitle) throws -> String {
        let site = folder.path + "/answers"
        _ = try SiteScaffold.create(in: site, title: title, baseURL: "https://answers.example.org/", today: today)
        return site
    }

    // MARK: - init

    @Test func initMakesASiteThatChecksCleanAndBuilds() async throws {
        let folder = TemporaryFolder()
        let site = folder.path + "/answers"
        let recipe = CIRecipe(host: .github, executableSHA256: String(repeating: "0", count: 64))
        let outcomes = try SiteScaffold.create(in: site, title: "Mindwell Answers", baseURL: "https://answers.example.org/kb",
                                               today: today, ci: recipe)
        #expect(outcomes == [
            .written("qanda.yml"),
            .written("Content/questions/how-do-i-add-a-question/question.md"),
            .written("Content/questions/how-do-i-add-a-question/alex-morgan.md"),
            .written("Content/authors/alex-morgan.md"),
            .written("Content/authors/editorial-board.md"),
            .written("Content/pages/about.md"),
            .written("Templates/README.md"),
            .written(".gitignore"),
            .written(".github/workflows/site.yml"),
        ])
        let diagnostics = await SitePipeline(siteFolder: site).check(today: today)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.file):\($0.line): \($0.code.rawValue): \($0.message)" })")

        let (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let page = try #require(sink.text("questions/how-do-i-add-a-question/index.html"))
        #expect(page.contains("How do I add a question and its answer?"))
        #expect(page.contains("Editorial Board"))
        #expect(sink.text("pages/about/index.html") != nil)
        #expect(sink.text("authors/alex-morgan/index.html") != nil)
        #expect(page.contains("https://answers.example.org/kb/questions/how-do-i-add-a-question/"))

        // Every setting of the contract is written out, each with its comment.
        let config = try read(site + "/qanda.yml")
        for key in ["title:", "base_url: https://answers.example.org/kb/", "publisher: Mindwell Answers", "language:",
                    "description:", "review:", "every_days:", "required:", "citation:", "genre:", "retrieved:",
                    "medical:", "page_size:", "markdown:", "unsafe_html:"] {
            #expect(config.contains(key), "qanda.yml lacks \(key)")
        }
        for line in config.split(separator: "\n") where line.contains(": ") && !line.hasPrefix("#") {
            #expect(line.contains(" # "), "setting without a comment: \(line)")
        }
        let question = try read(site + "/Content/questions/how-do-i-add-a-question/question.md")
        #expect(question.contains("date: 2025-06-01\nreviewed:\n  by: editorial-board\n  date: 2025-06-01\n"))
        #expect(question.contains("citation_title: "))
        let person = try read(site + "/Content/authors/alex-morgan.md")
        #expect(person.contains("given: Alex\nfamily: Morgan\n") && person.contains("reviewer: true"))
        #expect(try read(site + "/Content/authors/editorial-board.md").contains("kind: organization"))
        #expect(try read(site + "/.gitignore").contains("/Site/\n"))
        #expect(try read(site + "/.github/workflows/site.yml") == recipe.file.contents)
        let readme = try read(site + "/Templates/README.md")
        for phrase in ["question.mustache", "qanda templates eject", "{{name}}", "_html", "unknown-template-variable", "unknown-partial"] {
            #expect(readme.contains(phrase), "Templates/README.md does not mention \(phrase)")
        }
    }

    @Test func titlesThatYAMLWouldMisreadAreQuoted() async throws {
        let folder = TemporaryFolder()
        let title = "Ask: Dr. Lee's #1 Q&A"
        let site = try newSite(folder, title: title)
        let diagnostics = await SitePipeline(siteFolder: site).check(today: today)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let (loaded, _) = await SiteLoader(siteFolder: site, options: .init(now: Fixtures.now)).load()
        #expect(loaded?.config.title == title)
        #expect(loaded?.config.publisher == title)
    }

    /// Without --base-url, qanda.yml holds https://example.org/: the file says to change it, `init` says so, and
    /// `qanda check` warns (exit status 0; 1 with --strict) until it is changed.
    @Test func initWithoutABaseURLMakesThePlaceholderVisible() async throws {
        let folder = TemporaryFolder()
        let site = folder.path + "/answers"
        _ = try SiteScaffold.create(in: site, today: today)
        let config = try read(site + "/qanda.yml")
        #expect(config.contains("\n# Change base_url: https://example.org/ is a placeholder (`qanda check` warns until it is the site's address).\nbase_url: https://example.org/ "))
        let diagnostics = await SitePipeline(siteFolder: site).check(today: today)
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.severity) \($0.code.rawValue)" }
                == ["qanda.yml:6:11 warning placeholder-base-url"])
        #expect(diagnostics.first?.message == "base_url 'https://example.org/' is a placeholder: links, feeds, the sitemap and citations would point to it")
        #expect(diagnostics.first?.hint == "set base_url to the address the site will be published at, such as https://answers.your-domain.org/")

        let cli = folder.path + "/cli"
        let run = try CommandRun.run(["init", cli, "--ci", "none"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note: \(cli)/qanda.yml has the placeholder base_url https://example.org/; change it to the address "
                                    + "the site will be published at (`qanda check` warns until you do)\n"), "\(run.stderr)")
        // The command line's `init` dates its files today, so these checks judge as of today too.
        let check = try CommandRun.run(["check", "--site", cli])
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("qanda.yml:6:11: warning[placeholder-base-url]: base_url 'https://example.org/' is a placeholder"), "\(check.stdout)")
        #expect(check.stdout.contains("6 | base_url: https://example.org/ "))
        #expect(try CommandRun.run(["check", "--site", cli, "--strict"]).status == 1)
        // With --base-url there is nothing to say.
        let given = try CommandRun.run(["init", folder.path + "/given", "--ci", "none", "--base-url", "https://answers.example.org/"])
        #expect(!given.stderr.contains("placeholder"), "\(given.stderr)")
        #expect(!(try read(folder.path + "/given/qanda.yml")).contains("placeholder"))
        let strict = try CommandRun.run(["check", "--site", folder.path + "/given", "--strict"])
        #expect(strict.status == 0, "\(strict.stdout)")
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        let folder = TemporaryFolder()
        folder.write("my notes\n", to: "site/notes.txt")
        #expect(throws: ScaffoldError.folderNotEmpty(folder.path + "/site")) {
            try SiteScaffold.create(in: folder.path + "/site", today: today)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/site/qanda.yml"))
        #expect(throws: ScaffoldError.invalidBaseURL("/kb/", problem: "is not an absolute http(s) URL")) {
            try SiteScaffold.create(in: folder.path + "/other", baseURL: "/kb/", today: today)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/other"))
        // A fresh `git init` is still an empty folder.
        try FileManager.default.createDirectory(atPath: folder.path + "/repo/.git", withIntermediateDirectories: true)
        #expect(try SiteScaffold.create(in: folder.path + "/repo", today: today).allSatisfy { if case .written = $0 { true } else { false } })
    }

    @Test func initWithForceSkipsEveryExistingFile() throws {
        let folder = TemporaryFolder()
        let mine = "title: Mine\nbase_url: https://mine.example/\npublisher: Me\n"
        folder.write(mine, to: "site/qanda.yml")
        folder.write("Site/\nnode_modules/\n", to: "site/.gitignore")
        let recipe = CIRecipe(host: .gitlab, executableSHA256: String(repeating: "0", count: 64))
        let outcomes = try SiteScaffold.create(in: folder.path + "/site", today: today, ci: recipe, force: true)
        #expect(outcomes.filter { if case .skipped = $0 { true } else { false } } == [.skipped("qanda.yml"), .skipped(".gitignore")])
        #expect(outcomes.count == 9)
        #expect(outcomes.last == .written(".gitlab-ci.yml"))
        #expect(try read(folder.path + "/site/qanda.yml") == mine)
        #expect(try read(folder.path + "/site/.gitignore") == "Site/\nnode_modules/\n")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/site/Content/pages/about.md"))
        // A second forced run writes nothing at all.
        let again = try SiteScaffold.create(in: folder.path + "/site", today: today, ci: recipe, force: true)
        #expect(again.allSatisfy { if case .skipped = $0 { true } else { false } })
    }

    // MARK: - new

    @Test func newQuestionFoldsAccentsAndNumbersTakenSlugs() throws {
        let folder = TemporaryFolder()
        let site = try newSite(folder)
        let first = try NewContent.question(title: "  Ça va?  Überprüfung der Ängste ", siteFolder: site, today: today)
        #expect(first.path == "Content/questions/ca-va-uberprufung-der-angste/question.md")
        #expect(try ScaffoldWriter.create(first, in: site) == first.path)
        let second = try NewContent.question(title: "Ça va? Überprüfung der Ängste", siteFolder: site, today: today)
        #expect(second.path == "Content/questions/ca-va-uberprufung-der-angste-2/question.md")
        _ = try ScaffoldWriter.create(second, in: site)
        let third = try NewContent.question(title: "ca va uberprufung der angste", siteFolder: site, today: today)
        #expect(third.path == "Content/questions/ca-va-uberprufung-der-angste-3/question.md")
        #expect(first.contents.hasPrefix("---\ntitle: Ça va? Überprüfung der Ängste\ndate: 2025-06-01\ncategory: General\n"))
        // The same file cannot be written twice.
        #expect(throws: ScaffoldError.alreadyExists(first.path)) { try ScaffoldWriter.create(first, in: site) }
    }

    @Test func newQuestionTakesTheSitesFirstCategoryAndAvoidsDeclaredSlugs() throws {
        let folder = TemporaryFolder()
        folder.write("title: T\nbase_url: https://example.org/\npublisher: P\n", to: "site/qanda.yml")
        let site = folder.path + "/site"
        #expect(try NewContent.question(title: "First", siteFolder: site, today: today).contents.contains("\ncategory: General\n"))
        folder.write("---\ntitle: A\ndate: 2020-01-01\ncategory: sleep\n---\n", to: "site/Content/questions/a/question.md")
        folder.write("---\ntitle: B\ndate: 2020-01-01\ncategory: Anxiety and Panic\nslug: worry\n---\n", to: "site/Content/questions/b/question.md")
        let planned = try NewContent.question(title: "Worry", siteFolder: site, today: today)
        #expect(planned.contents.contains("\ncategory: Anxiety and Panic\n"))
        #expect(planned.path == "Content/questions/worry-2/question.md")
        let chosen = try NewContent.question(title: "Naps", category: "Sleep: Naps", siteFolder: site, today: today)
        #expect(chosen.contents.contains("\ncategory: 'Sleep: Naps'\n"))
        #expect(throws: ScaffoldError.emptyTitle) { try NewContent.question(title: " \n ", siteFolder: site, today: today) }
        #expect(throws: ScaffoldError.notASite(folder.path)) { try NewContent.question(title: "X", siteFolder: folder.path, today: today) }
    }

    @Test func newAnswerNeedsAnExistingThreadAndAuthor() throws {
        let folder = TemporaryFolder()
        let site = try newSite(folder)
        let missingThread = #expect(throws: ScaffoldError.self) {
            try NewContent.answer(threadSlug: "how-do-i-add-a-questoin", authorID: "alex-morgan", siteFolder: site, today: today)
        }
        #expect(missingThread == .threadNotFound("how-do-i-add-a-questoin", suggestion: "how-do-i-add-a-question"))
        #expect(missingThread?.description.contains("no thread 'how-do-i-add-a-questoin' in Content/questions/ (did you mean 'how-do-i-add-a-question'?)") == true)
        let missingAuthor = #expect(throws: ScaffoldError.self) {
            try NewContent.answer(threadSlug: "how-do-i-add-a-question", authorID: "alex-morgen", siteFolder: site, today: today)
        }
        #expect(missingAuthor == .authorNotFound("alex-morgen", suggestion: "alex-morgan"))
        #expect(missingAuthor?.description.contains("(did you mean 'alex-morgan'?)") == true)
        #expect(throws: ScaffoldError.threadNotFound("../..", suggestion: nil)) {
            try NewContent.answer(threadSlug: "../..", authorID: "alex-morgan", siteFolder: site, today: today)
        }
        // A second answer by the same author gets the next free name.
        let second = try NewContent.answer(threadSlug: "how-do-i-add-a-question", authorID: "alex-morgan", siteFolder: site, today: today)
        #expect(second.path == "Content/questions/how-do-i-add-a-question/alex-morgan-2.md")
        #expect(second.contents.hasPrefix("---\nauthor: alex-morgan\ndate: 2025-06-01\n"))
    }

    @Test func newAuthorSplitsTheNameAndNeverOverwrites() throws {
        let folder = TemporaryFolder()
        let site = try newSite(folder)
        let person = try NewContent.author(id: "jane-doe", name: "Jane  Doe", siteFolder: site)
        #expect(person.path == "Content/authors/jane-doe.md")
        #expect(person.contents.hasPrefix("---\nname: Jane Doe\ngiven: Jane\nfamily: Doe\nkind: person\n"))
        // Three words: the same split, marked as a guess in the file.
        let guessed = try NewContent.author(id: "mary-ann-dyke", name: "Mary Ann  Dyke", siteFolder: site)
        #expect(guessed.contents.hasPrefix("---\nname: Mary Ann Dyke\ngiven: Mary Ann    # guessed from the name: check given and family\n"
                                           + "family: Dyke    # references print \"Dyke, M. A.\"\nkind: person\n"))
        // --given and --family say it exactly; the display name defaults to both.
        let exact = try NewContent.author(id: "maria-lopez", name: nil, given: "María", family: "López Ruiz", siteFolder: site)
        #expect(exact.contents.hasPrefix("---\nname: María López Ruiz\ngiven: María\nfamily: López Ruiz\nkind: person\n"))
        #expect(throws: ScaffoldError.nameNeedsBoth(missing: "--family")) {
            try NewContent.author(id: "maria", name: "María López Ruiz", given: "María", siteFolder: site)
        }
        #expect(throws: ScaffoldError.organizationHasNoPersonNames) {
            try NewContent.author(id: "board", name: "Board", given: "A", family: "B", isOrganization: true, siteFolder: site)
        }
        let board = try NewContent.author(id: "advisory-board", name: "Advisory Board", isOrganization: true, siteFolder: site)
        #expect(board.contents.hasPrefix("---\nname: Advisory Board\nkind: organization"))
        #expect(throws: ScaffoldError.authorExists("alex-morgan")) {
            try NewContent.author(id: "alex-morgan", name: "Alex Morgan", siteFolder: site)
        }
        #expect(throws: ScaffoldError.personNeedsFullName("Cher")) { try NewContent.author(id: "cher", name: "Cher", siteFolder: site) }
        #expect(throws: ScaffoldError.invalidID("Jane Doe", kind: "an author id", suggestion: "jane-doe")) {
            try NewContent.author(id: "Jane Doe", name: "Jane Doe", siteFolder: site)
        }
    }

    @Test func newFilesPassTheCheckWithOnlyTheExpectedWarnings() async throws {
        let folder = TemporaryFolder()
        let site = try newSite(folder)
        func findings() async -> [String] {
            await SitePipeline(siteFolder: site).check(today: today).map { "\($0.file):\($0.line):\($0.column) \($0.severity) \($0.code.rawValue)" }
        }
        // A new question is a draft: out of the site, so its placeholder text cannot go live.
        let question = try ScaffoldWriter.create(
            try NewContent.question(title: "Can I sleep in on weekends?", siteFolder: site, today: today), in: site)
        var text = try read(site + "/" + question)
        #expect(text.contains("\ndraft: true "))
        #expect(await findings() == [])
        var (result, sink) = await buildInMemory(site)
        #expect(result.succeeded && sink.text("questions/can-i-sleep-in-on-weekends/index.html") == nil)
        // Published with the placeholder still in it: an error in check and build alike, at the sentence.
        text = text.replacingOccurrences(of: "\ndraft: true ", with: "\n# draft: true ")
        try text.write(toFile: site + "/" + question, atomically: true, encoding: .utf8)
        let placeholderLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "The question, in Markdown.")! + 1
        #expect(await findings() == ["\(question):\(placeholderLine):1 error placeholder-text"])
        (result, sink) = await buildInMemory(site)
        #expect(!result.succeeded && result.diagnostics.map(\.code) == [.placeholderText])
        try text.replacingOccurrences(of: "The question, in Markdown.", with: "Is it bad to sleep late on Saturdays?")
            .write(toFile: site + "/" + question, atomically: true, encoding: .utf8)
        #expect(await findings() == [
            "\(question):2:8 note derived-citation-title",
            "\(question):2:8 warning no-answers",
        ])
        _ = try ScaffoldWriter.create(try NewContent.author(id: "jane-doe", name: "Jane Doe", siteFolder: site), in: site)
        _ = try ScaffoldWriter.create(try NewContent.author(id: "sleep-board", name: "Sleep Board", isOrganization: true, siteFolder: site), in: site)
        // `--publish`: the answer is published at once, so its placeholder is an error until it is replaced.
        let answer = try ScaffoldWriter.create(try NewContent.answer(
            threadSlug: "can-i-sleep-in-on-weekends", authorID: "jane-doe", siteFolder: site, today: today, publish: true), in: site)
        #expect(answer == "Content/questions/can-i-sleep-in-on-weekends/jane-doe.md")
        let answerText = try read(site + "/" + answer)
        #expect(!answerText.contains("\ndraft: true"))
        #expect(await findings().contains { $0.hasPrefix(answer + ":") && $0.hasSuffix(" error placeholder-text") })
        try answerText.replacingOccurrences(of: "The answer, in Markdown.", with: "A little, now and then, is fine.")
            .write(toFile: site + "/" + answer, atomically: true, encoding: .utf8)
        let diagnostics = await SitePipeline(siteFolder: site).check(today: today)
        #expect(diagnostics.map { "\($0.file):\($0.line) \($0.severity) \($0.code.rawValue)" } == [
            "\(question):2 note derived-citation-title",
        ])
        (result, sink) = await buildInMemory(site)
        #expect(result.succeeded)
        #expect(sink.text("questions/can-i-sleep-in-on-weekends/index.html")?.contains("Jane Doe") == true)
        #expect(sink.text("authors/sleep-board/index.html") != nil)
    }

    @Test func onASiteThatRequiresReviewsANewQuestionStartsAsADraft() async throws {
        let folder = TemporaryFolder()
        let site = folder.copySite("basic")
        let before = await SitePipeline(siteFolder: site).check(today: today)
        let path = try ScaffoldWriter.create(try NewContent.question(title: "Is a nap a good idea?", siteFolder: site, today: today), in: site)
        let text = try read(site + "/" + path)
        #expect(text.contains("\ndraft: true "))
        let after = await SitePipeline(siteFolder: site).check(today: today)
        #expect(after.map(\.message) == before.map(\.message), "a fresh question must not make `qanda check` fail")
        // A slug cut short is completed when only one thread starts with it.
        #expect(throws: ScaffoldError.threadNotFound("is-a-nap", suggestion: "is-a-nap-a-good-idea")) {
            try NewContent.answer(threadSlug: "is-a-nap", authorID: "ada-lovelace", siteFolder: site, today: today)
        }
    }

    /// `qanda new author` with a name of three words: the file and the note say it is a guess and how APA prints it.
    @Test func newAuthorTellsTheEditorToCheckAGuessedName() throws {
        let folder = TemporaryFolder()
        let site = try newSite(folder)
        let guessed = try CommandRun.run(["new", "author", "maria-lopez", "--name", "María López Ruiz", "--site", site])
        #expect(guessed.status == 0, "\(guessed.stderr)")
        #expect(guessed.stdout == site + "/Content/authors/maria-lopez.md\n", "only the path, for $EDITOR")
        #expect(guessed.stderr == "note: 'María López Ruiz' has more than two words, so \(site)/Content/authors/maria-lopez.md guesses "
                + "`given: María López` and `family: Ruiz`, and references print \"Ruiz, M. L.\". Check given: and family: there; "
                + "if the family name is 'López Ruiz' (\"López Ruiz, M.\"), edit them, or run again with --given \"María\" --family \"López Ruiz\"\n")
        let file = try read(site + "/Content/authors/maria-lopez.md")
        #expect(file.contains("\ngiven: María López    # guessed from the name: check given and family\nfamily: Ruiz    # references print \"Ruiz, M. L.\"\n"))

        let exact = try CommandRun.run(["new", "author", "maria-lopez-ruiz", "--given", "María", "--family", "López Ruiz", "--site", site])
        #expect(exact.status == 0, "\(exact.stderr)")
        #expect(exact.stderr.isEmpty)
        #expect(try read(site + "/Content/authors/maria-lopez-ruiz.md").hasPrefix("---\nname: María López Ruiz\ngiven: María\nfamily: López Ruiz\nkind: person\n"))
        let named = try CommandRun.run(["new", "author", "lopez", "--name", "Dr. María López", "--given", "María", "--family", "López", "--site", site])
        #expect(named.stderr.isEmpty)
        #expect(try read(site + "/Content/authors/lopez.md").hasPrefix("---\nname: Dr. María López\ngiven: María\nfamily: López\n"))
        // The site builds with them, and the reference prints the family name as given.
        let check = try CommandRun.run(["check", "--site", site, "--today", "2025-06-01"])
        #expect(check.status == 0, "\(check.stdout)")

        for (arguments, message) in [
            (["--given", "María"], "--given and --family go together; add --family"),
            (["--family", "Ruiz"], "--given and --family go together; add --given"),
            ([String](), "give --name \"Full Name\", or --given and --family"),
            (["--organization", "--name", "Board", "--family", "B", "--given", "A"], "--given and --family are for a person"),
        ] {
            let run = try CommandRun.run(["new", "author", "someone"] + arguments + ["--site", site])
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: site + "/Content/authors/someone.md"))
    }

    /// `qanda new page`: Content/pages/<slug>.md, a draft unless --publish, its placeholder an error once published.
    @Test func newPageIsADraftWithAPlaceholderThatCannotGoLive() async throws {
        let folder = TemporaryFolder()
        let site = try newSite(folder)
        let page = try NewContent.page(slug: "editorial-policy", siteFolder: site, today: today)
        #expect(page.path == "Content/pages/editorial-policy.md")
        #expect(page.contents == """
            ---
            title: Editorial policy
            date: 2025-06-01
            # description: One sentence for search engines and link previews.
            # updated: YYYY-MM-DD   # a later substantive change
            draft: true        # remove this line to publish (`qanda build --drafts` shows it meanwhile)
            ---
            The page, in Markdown.

            """)
        #expect(try NewContent.page(slug: "crisis", title: "In a crisis: what to do", siteFolder: site, today: today)
                .contents.hasPrefix("---\ntitle: 'In a crisis: what to do'\n"))
        #expect(throws: ScaffoldError.invalidID("Crisis Help", kind: "a page name", suggestion: "crisis-help")) {
            try NewContent.page(slug: "Crisis Help", siteFolder: site, today: today)
        }
        #expect(throws: ScaffoldError.alreadyExists("Content/pages/about.md")) { try NewContent.page(slug: "about", siteFolder: site, today: today) }

        let draft = try CommandRun.run(["new", "page", "editorial-policy", "--site", site])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stdout == site + "/Content/pages/editorial-policy.md\n")
        #expect(try CommandRun.run(["check", "--site", site, "--today", "2025-06-01"]).stdout == "no problems found\n")
        var (result, sink) = await buildInMemory(site)
        #expect(result.succeeded && sink.text("pages/editorial-policy/index.html") == nil, "a draft is not published")

        let published = try CommandRun.run(["new", "page", "crisis", "--title", "In a crisis", "--publish", "--site", site])
        #expect(published.status == 0, "\(published.stderr)")
        let text = try read(site + "/Content/pages/crisis.md")
        #expect(text.contains("\n# draft: true ") && text.contains("\ntitle: In a crisis\n"))
        let check = try CommandRun.run(["check", "--site", site, "--today", "2025-06-01"])
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("Content/pages/crisis.md:8:1: error[placeholder-text]: 'The page, in Markdown.' is the placeholder"), "\(check.stdout)")
        try text.replacingOccurrences(of: "The page, in Markdown.", with: "Call your local emergency number.")
            .write(toFile: site + "/Content/pages/crisis.md", atomically: true, encoding: .utf8)
        (result, sink) = await buildInMemory(site)
        #expect(result.succeeded, "\(result.diagnostics.map(\.message))")
        #expect(sink.text("pages/crisis/index.html")?.contains("Call your local emergency number.") == true)
        let again = try CommandRun.run(["new", "page", "crisis", "--site", site])
        #expect(again.status == 1)
        #expect(again.stderr.contains("error: Content/pages/crisis.md already exists; it is left as it is"), "\(again.stderr)")
    }

    // MARK: - templates eject

    @Test func ejectCopiesTheBuiltInAndNeverOverwritesAnEditedCopy() async throws {
        let folder = TemporaryFolder()
        let site = try newSite(folder)
        #expect(try TemplateEjector.eject(["question"], siteFolder: site) == [.written("Templates/question.mustache")])
        let copy = site + "/Templates/question.mustache"
        #expect(try read(copy) == DefaultTheme.templates["question"])
        let edited = try read(copy).replacingOccurrences(of: "</article>", with: "<p>Edited.</p></article>")
        try edited.write(toFile: copy, atomically: false, encoding: .utf8)
        #expect(try TemplateEjector.eject(["question.mustache", "qanda.css"], siteFolder: site)
                == [.skipped("Templates/question.mustache"), .written("Templates/qanda.css")])
        #expect(try read(copy) == edited)
        #expect(try read(site + "/Templates/qanda.css") == DefaultTheme.staticFiles["qanda.css"])
    }

    @Test func ejectingEverythingChangesNothingInTheBuiltSite() async throws {
        let folder = TemporaryFolder()
        let site = try newSite(folder)
        let (_, before) = await buildInMemory(site)
        let outcomes = try TemplateEjector.eject([], siteFolder: site)
        #expect(outcomes.count == DefaultTheme.templates.count + DefaultTheme.staticFiles.count)
        #expect(Set(outcomes.map(\.path)).contains("Templates/favicon.svg"))
        let diagnostics = await SitePipeline(siteFolder: site).check(today: today)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let (result, after) = await buildInMemory(site)
        #expect(result.succeeded)
        #expect(after.files == before.files)
    }

    @Test func ejectOfAnUnknownNameListsTheValidOnes() throws {
        let folder = TemporaryFolder()
        let site = try newSite(folder)
        let error = #expect(throws: ScaffoldError.self) { try TemplateEjector.eject(["question", "nonesuch"], siteFolder: site) }
        #expect(error == .unknownTemplates(["nonesuch"], valid: TemplateEjector.names + [TemplateEjector.translationsName]))
        #expect(error?.description.hasPrefix("no built-in template named 'nonesuch'; the templates are: base, home, question, ") == true)
        #expect(!FileManager.default.fileExists(atPath: site + "/Templates/question.mustache"), "nothing is written when a name is wrong")
        #expect(Set(TemplateEjector.names) == Set(DefaultTheme.templates.keys).union(DefaultTheme.staticFiles.keys))
    }

    // MARK: - The command line (InitCommand, NewCommand and TemplatesCommand registered in Qanda.swift)

    @Test func commandLineDay() throws {
        let folder = TemporaryFolder()
        let site = folder.path + "/answers"
        let initRun = try CommandRun.run(["init", site, "--title", "Mindwell Answers", "--base-url", "https://answers.example.org/"])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        #expect(initRun.stdout.contains(site + "/qanda.yml\n"))
        #expect(initRun.stdout.contains(site + "/Content/questions/how-do-i-add-a-question/question.md\n"))
        #expect(initRun.stdout.contains("Next: cd "))
        #expect(initRun.stdout.contains(site + "/.github/workflows/site.yml\n"))
        // The tests' qanda is a build from source, which no release pins: said once, and nothing else.
        #expect(initRun.stderr.hasPrefix("note: this qanda ("), "\(initRun.stderr)")
        #expect(initRun.stderr.split(separator: "\n").count == 1, "\(initRun.stderr)")

        let refused = try CommandRun.run(["init", site])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: \(site) is not empty"))
        let forced = try CommandRun.run(["init", site, "--force"])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("skipped \(site)/qanda.yml (it exists; left as it is)"))
        #expect(try read(site + "/qanda.yml").contains("title: Mindwell Answers"))

        let badURL = try CommandRun.run(["init", folder.path + "/other", "--base-url", "answers.example.org"])
        #expect(badURL.status == 2)
        #expect(badURL.stderr.contains("--base-url 'answers.example.org' is not an absolute http(s) URL"))

        let question = try CommandRun.run(["new", "question", "Why do I wake at 4 a.m.?", "--category", "Sleep", "--site", site])
        #expect(question.status == 0, "\(question.stderr)")
        #expect(question.stdout == site + "/Content/questions/why-do-i-wake-at-4-a-m/question.md\n")
        let author = try CommandRun.run(["new", "author", "jane-doe", "--name", "Jane Doe", "--site", site])
        #expect(author.stdout == site + "/Content/authors/jane-doe.md\n")
        let answer = try CommandRun.run(["new", "answer", "why-do-i-wake-at-4-a-m", "--author", "jane-doe", "--site", site])
        #expect(answer.status == 0, "\(answer.stderr)")
        #expect(answer.stdout == site + "/Content/questions/why-do-i-wake-at-4-a-m/jane-doe.md\n")

        let noThread = try CommandRun.run(["new", "answer", "why-do-i-wake-at-4-am", "--author", "jane-doe", "--site", site])
        #expect(noThread.status == 1)
        #expect(noThread.stderr.contains("error: no thread 'why-do-i-wake-at-4-am' in Content/questions/ (did you mean 'why-do-i-wake-at-4-a-m'?)"))
        let noAuthor = try CommandRun.run(["new", "answer", "why-do-i-wake-at-4-a-m", "--author", "jane-do", "--site", site])
        #expect(noAuthor.status == 1)
        #expect(noAuthor.stderr.contains("(did you mean 'jane-doe'?)"))
        let again = try CommandRun.run(["new", "author", "jane-doe", "--name", "Jane Doe", "--site", site])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))

        // The new question and answer are drafts: out of the site, and out of the check.
        #expect(try read(site + "/Content/questions/why-do-i-wake-at-4-a-m/question.md").contains("\ndraft: true "))
        #expect(try read(site + "/Content/questions/why-do-i-wake-at-4-a-m/jane-doe.md").contains("\ndraft: true "))
        let check = try CommandRun.run(["check", "--site", site])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout == "no problems found\n", "\(check.stdout)")
        // Published at once, the scaffold's sentence is an error until the editor replaces it.
        let published = try CommandRun.run(["new", "question", "Is it normal to dream every night?", "--publish", "--site", site])
        #expect(published.status == 0, "\(published.stderr)")
        let placeholder = try CommandRun.run(["check", "--site", site])
        #expect(placeholder.status == 1)
        #expect(placeholder.stdout.contains("error[placeholder-text]: 'The question, in Markdown.' is the placeholder"), "\(placeholder.stdout)")

        let list = try CommandRun.run(["templates", "list"])
        #expect(list.status == 0)
        #expect(list.stdout == (TemplateEjector.names + ["i18n"]).joined(separator: "\n") + "\n")
        let eject = try CommandRun.run(["templates", "eject", "footer", "--site", site])
        #expect(eject.stdout == site + "/Templates/footer.mustache\n")
        let ejectAgain = try CommandRun.run(["templates", "eject", "footer", "--site", site])
        #expect(ejectAgain.status == 0)
        #expect(ejectAgain.stderr.contains("skipped \(site)/Templates/footer.mustache"))
        let unknown = try CommandRun.run(["templates", "eject", "nonesuch", "--site", site])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("error: no built-in template named 'nonesuch'; the templates are: base, home, question"))
        let misspelt = try CommandRun.run(["templates", "eject", "questoin", "--site", site])
        #expect(misspelt.status == 1)
        #expect(misspelt.stderr.contains("error: no built-in template named 'questoin' (did you mean 'question'?); the templates are: base"),
                "\(misspelt.stderr)")
    }
}
