import Foundation
import Testing
@testable import QandaKit

/// Whatever an editor can write reaches the output through some file's key (OutputKeys): for every front-matter
/// key the loaders accept, for each kind of body and for every theme file, an edit of a site that sets them all is
/// rebuilt incrementally and must give the bytes of a clean build, and must show in the output. A key added to a
/// loader without an edit here fails `everyFrontMatterKeyHasAnEdit`, so a field cannot reach a page unchecked.
@Suite struct KeyCoverageTests {
    typealias Session = IncrementalBuildTests.Session

    /// Each set of keys a loader accepts, by the name the edits use ("question reviewed" for the keys of `reviewed:`).
    static let vocabularies: [(name: String, keys: [String])] = [
        ("qanda.yml", SiteConfigLoader.topKeys),
        ("qanda.yml review", SiteConfigLoader.reviewKeys),
        ("qanda.yml citation", SiteConfigLoader.citationKeys),
        ("qanda.yml markdown", SiteConfigLoader.markdownKeys),
        ("qanda.yml points", SiteConfigLoader.pointsKeys),
        ("qanda.yml ask", SiteConfigLoader.askKeys),
        ("question", ThreadLoader.questionKeys),
        ("question reviewed", ThreadLoader.reviewKeys),
        ("question withdrawn", ThreadLoader.withdrawnKeys),
        ("question source", ThreadLoader.sourceKeys),
        ("answer", ThreadLoader.answerKeys),
        ("answer withdrawn", ThreadLoader.withdrawnKeys),
        ("answer source", ThreadLoader.sourceKeys),
        ("author", AuthorLoader.keys),
        ("page", FreePageLoader.keys),
    ]

    /// One change to one file of `EveryKeySite`: the whole lines `old` replaced by `new`.
    struct Edit {
        var file: String
        var old: String
        var new: String
        /// False only for keys that `qanda check` alone reads: the edit must then change no output file.
        var shows = true

        init(_ file: String, _ old: String, _ new: String, shows: Bool = true) {
            (self.file, self.old, self.new, self.shows) = (file, old, new, shows)
        }
    }

    static let config = "qanda.yml"
    static let question = "Content/questions/first-question/question.md"
    static let answer = "Content/questions/first-question/answer-a.md"
    static let author = "Content/authors/ada.md"
    static let page = "Content/pages/about.md"
    /// A withdrawn thread (its notice page and an alias of it) and a withdrawn answer of the second thread.
    static let withdrawnQuestion = "Content/questions/gone/question.md"
    static let withdrawnAnswer = "Content/questions/second/answer-d.md"

    /// "vocabulary: key" -> an edit of that key's value in `EveryKeySite`.
    static let frontMatterEdits: [String: Edit] = [
        "qanda.yml: title": Edit(config, "title: Every Key Answers", "title: Every Key Answered"),
        "qanda.yml: base_url": Edit(config, "base_url: https://example.org/kb/", "base_url: https://example.org/help/"),
        "qanda.yml: publisher": Edit(config, "publisher: Key Health", "publisher: Key Health Trust"),
        "qanda.yml: language": Edit(config, "language: en", "language: en-GB"),
        "qanda.yml: languages": Edit(config, "language: en", "languages: [en, es]"),
        "qanda.yml: description": Edit(config, "description: Answers that set every key.", "description: Answers that set each key."),
        "qanda.yml: review": Edit(config, "review:\n  every_days: 730\n  required: true", "review: {every_days: 700}", shows: false),
        "qanda.yml: citation": Edit(config, "citation:\n  genre: webpage\n  retrieved: false", "citation: {genre: forum-post, retrieved: true}"),
        "qanda.yml: medical": Edit(config, "medical: true", "medical: false"),
        "qanda.yml: page_size": Edit(config, "page_size: 2", "page_size: 1"),
        "qanda.yml: answers_per_page": Edit(config, "answers_per_page: 2", "answers_per_page: 1"),
        "qanda.yml: markdown": Edit(config, "markdown:\n  unsafe_html: false", "markdown: {unsafe_html: true}"),
        // The site has no broken link, so either policy builds the same site.
        "qanda.yml: links": Edit(config, "links: error", "links: warn", shows: false),
        "qanda.yml review: every_days": Edit(config, "  every_days: 730", "  every_days: 700", shows: false),
        "qanda.yml review: required": Edit(config, "  required: true", "  required: false", shows: false),
        "qanda.yml citation: genre": Edit(config, "  genre: webpage", "  genre: forum-post"),
        "qanda.yml citation: retrieved": Edit(config, "  retrieved: false", "  retrieved: true"),
        "qanda.yml markdown: unsafe_html": Edit(config, "  unsafe_html: false", "  unsafe_html: true"),
        "qanda.yml: points": Edit(config, "points:\n  vote: 10\n  accepted: 15\n  answer: 0", "points: false"),
        "qanda.yml points: vote": Edit(config, "  vote: 10", "  vote: 5"),
        "qanda.yml points: accepted": Edit(config, "  accepted: 15", "  accepted: 25"),
        "qanda.yml points: answer": Edit(config, "  answer: 0", "  answer: 1"),
        "qanda.yml: ask": Edit(config, "ask:\n  url: https://example.org/ask\n  label: Ask us", "ask: mailto:ask@example.org"),
        "qanda.yml ask: url": Edit(config, "  url: https://example.org/ask", "  url: https://example.org/ask-us"),
        "qanda.yml ask: label": Edit(config, "  label: Ask us", "  label: Ask a question"),

        "question: title": Edit(question, "title: Why do I wake at four?", "title: Why do I wake at five?"),
        "question: date": Edit(question, "date: 2024-03-01", "date: 2024-02-20"),
        "question: updated": Edit(question, "updated: 2024-04-01", "updated: 2024-04-15"),
        "question: reviewed": Edit(question, "reviewed:\n  by: board\n  date: 2025-01-10", "reviewed: {by: ada, date: 2025-01-12}"),
        "question: asked_by": Edit(question, "asked_by: A night owl", "asked_by: An early bird"),
        "question: category": Edit(question, "category: Sleep", "category: Anxiety"),
        "question: tags": Edit(question, "tags: [rest, worry]", "tags: [rest, calm]"),
        "question: votes": Edit(question, "votes: 12", "votes: 13"),
        "question: slug": Edit(question, "slug: first", "slug: first-renamed"),
        "question: aliases": Edit(question, "aliases: [/old/first/]", "aliases: [/old/first-question/]"),
        "question: description": Edit(question, "description: Waking early, explained.", "description: Waking early, told plainly."),
        "question: citation_title": Edit(question, "citation_title: Waking at four in the morning", "citation_title: Waking before dawn"),
        "question: genre": Edit(question, "genre: webpage", "genre: forum-post"),
        "question: edited_by": Edit(question, "edited_by: ben", "edited_by: ada"),
        "question: draft": Edit(question, "draft: false", "draft: true"),
        "question reviewed: by": Edit(question, "  by: board", "  by: ada"),
        "question reviewed: date": Edit(question, "  date: 2025-01-10", "  date: 2025-01-20"),
        "question: withdrawn": Edit(withdrawnQuestion, "withdrawn:\n  date: 2025-02-01\n  reason: The advice changed.",
                                    "withdrawn: {date: 2025-02-02, reason: The advice was wrong.}"),
        "question withdrawn: date": Edit(withdrawnQuestion, "  date: 2025-02-01", "  date: 2025-02-03"),
        "question withdrawn: reason": Edit(withdrawnQuestion, "  reason: The advice changed.", "  reason: The advice is out of date."),
        "question: source": Edit(question, "source:\n  url: https://forum.example.com/q/4\n  license: CC BY-SA 4.0\n  license_url: https://creativecommons.org/licenses/by-sa/4.0/",
                                 "source: {url: https://forum.example.com/q/5}"),
        "question source: url": Edit(question, "  url: https://forum.example.com/q/4", "  url: https://other.example.com/q/4"),
        "question source: license": Edit(question, "  license: CC BY-SA 4.0", "  license: CC BY-SA 3.0"),
        "question source: license_url": Edit(question, "  license_url: https://creativecommons.org/licenses/by-sa/4.0/",
                                             "  license_url: https://creativecommons.org/licenses/by-sa/3.0/"),

        "answer: author": Edit(answer, "author: ada", "author: ben"),
        "answer: date": Edit(answer, "date: 2024-03-05", "date: 2024-03-04"),
        "answer: updated": Edit(answer, "updated: 2024-03-20", "updated: 2024-03-25"),
        "answer: votes": Edit(answer, "votes: 7", "votes: 8"),
        "answer: accepted": Edit(answer, "accepted: true", "accepted: false"),
        "answer: edited_by": Edit(answer, "edited_by: ben", "edited_by: board"),
        "answer: draft": Edit(answer, "draft: false", "draft: true"),
        "answer: source": Edit(answer, "source:\n  url: https://forum.example.com/a/7\n  license: MIT\n  license_url: https://opensource.org/license/mit",
                               "source: {url: https://forum.example.com/a/8, license: MIT}"),
        "answer source: url": Edit(answer, "  url: https://forum.example.com/a/7", "  url: https://forum.example.com/a/9"),
        "answer source: license": Edit(answer, "  license: MIT", "  license: MIT-0"),
        "answer source: license_url": Edit(answer, "  license_url: https://opensource.org/license/mit", "  license_url: https://opensource.org/license/mit-0"),
        "answer: withdrawn": Edit(withdrawnAnswer, "withdrawn:\n  date: 2025-01-20\n  reason: It named a dose.",
                                  "withdrawn: {date: 2025-01-21, reason: It named a medicine.}"),
        "answer withdrawn: date": Edit(withdrawnAnswer, "  date: 2025-01-20", "  date: 2025-01-22"),
        "answer withdrawn: reason": Edit(withdrawnAnswer, "  reason: It named a dose.", "  reason: It gave a dose."),

        "author: name": Edit(author, "name: Ada Quill", "name: Ada B. Quill"),
        "author: given": Edit(author, "given: Ada", "given: Adah"),
        "author: family": Edit(author, "family: Quill", "family: Quillfeather"),
        "author: suffix": Edit(author, "suffix: Jr.", "suffix: Sr."),
        "author: kind": Edit(author, "kind: person", "kind: organization"),
        // ada reviews a thread, so may not stop being a reviewer.
        "author: reviewer": Edit("Content/authors/ben.md", "reviewer: true", "reviewer: false"),
        "author: credentials": Edit(author, "credentials: PhD", "credentials: PsyD"),
        "author: role": Edit(author, "role: Clinical psychologist", "role: Sleep researcher"),
        "author: affiliation": Edit(author, "affiliation: Key Clinic", "affiliation: Key Hospital"),
        "author: orcid": Edit(author, "orcid: 0000-0002-1825-0097", "orcid: 0000-0001-5109-3700"),
        "author: url": Edit(author, "url: https://ada.example.org/", "url: https://ada.example.net/"),
        "author: photo": Edit(author, "photo: ada.jpg", "photo: ada-2.jpg"),

        "page: title": Edit(page, "title: About", "title: About us"),
        "page: description": Edit(page, "description: Who writes here.", "description: Who writes here, and why."),
        // A page with `updated` shows that date alone.
        "page: date": Edit("Content/pages/contact.md", "date: 2024-01-05", "date: 2024-01-06"),
        "page: updated": Edit(page, "updated: 2024-02-01", "updated: 2024-02-15"),
        "page: draft": Edit(page, "draft: false", "draft: true"),
    ]

    /// The text below the front matter of each kind of file.
    static let bodyEdits: [String: Edit] = [
        "question body": Edit(question, "I wake at four every night. Is <kbd>this</kbd> normal?", "I wake at four most nights. Is <kbd>this</kbd> normal?"),
        "answer body": Edit(answer, "Early waking is common; keep the same hours.", "Early waking is common; keep the same hours every day."),
        "author body": Edit(author, "Ada writes about sleep.", "Ada writes about sleep and dreams."),
        "page body": Edit(page, "About this site.", "About this site and its authors."),
        // Points are earned across the site: a vote in the forum thread changes the total on each of ben's
        // author pages, including page 2, which does not list that answer.
        "a vote in another forum thread": Edit("Content/questions/second/answer-b.md", "votes: 2", "votes: 5"),
    ]

    @Test func everyFrontMatterKeyHasAnEdit() {
        let accepted = Set(Self.vocabularies.flatMap { vocabulary in vocabulary.keys.map { "\(vocabulary.name): \($0)" } })
        for key in accepted.subtracting(Self.frontMatterEdits.keys).sorted() {
            Issue.record("\(key) has no edit in KeyCoverageTests.frontMatterEdits: add one that changes its value in EveryKeySite, so that incremental builds are checked to show it")
        }
        for key in Set(Self.frontMatterEdits.keys).subtracting(accepted).sorted() {
            Issue.record("KeyCoverageTests.frontMatterEdits has an edit for \(key), which no loader accepts: remove it")
        }
    }

    @Test func everyFrontMatterEditGivesTheBytesOfACleanBuild() async {
        await Self.check(Self.frontMatterEdits)
    }

    /// Withdrawing a thread or an answer, and taking the withdrawal back, changes which thread and answer every
    /// list, feed, sitemap, search entry and author page shows: each way, an incremental build must give the bytes
    /// of a clean one.
    @Test func withdrawingAndRestoringGivesTheBytesOfACleanBuild() async {
        await Self.check([
            "withdrawing a thread": Edit(Self.question, "draft: false", "draft: false\nwithdrawn: {date: 2025-02-01, reason: Out of date.}"),
            "withdrawing an answer": Edit(Self.answer, "draft: false", "draft: false\nwithdrawn: {date: 2025-02-01, reason: Out of date.}"),
            "restoring a thread": Edit(Self.withdrawnQuestion, "withdrawn:\n  date: 2025-02-01\n  reason: The advice changed.", "votes: 1"),
            "restoring an answer": Edit(Self.withdrawnAnswer, "withdrawn:\n  date: 2025-01-20\n  reason: It named a dose.", "updated: 2024-05-06"),
        ])
    }

    @Test func everyBodyEditGivesTheBytesOfACleanBuild() async {
        await Self.check(Self.bodyEdits)
    }

    /// Each template and static file of the theme, overridden in Templates/ with one more line, then removed.
    @Test func everyThemeFileOverrideGivesTheBytesOfACleanBuild() async {
        let folder = TemporaryFolder()
        let session = await Session(site: EveryKeySite.write(into: folder))
        let first = session.files
        let files = DefaultTheme.templates.map { ("\($0.key).mustache", $0.value + "\n<!-- edited -->\n") }
            + DefaultTheme.staticFiles.map { ($0.key, $0.value + ($0.key.hasSuffix(".css") ? "\n/* edited */\n" : "\n<!-- edited -->\n")) }
        #expect(files.count > 10)
        for (name, text) in files.sorted(by: { $0.0 < $1.0 }) {
            let path = TemplateSet.folderName + "/" + name
            folder.write(text, to: "site/" + path)
            var result = await session.rebuild(after: [path])
            #expect(!result.diagnostics.hasErrors, "\(path): \(result.diagnostics)")
            IncrementalBuildTests.expectSame(result, "overriding \(path)")
            let changed = result.clean != first
            #expect(changed, "overriding \(path) changed no output file")
            try! FileManager.default.removeItem(atPath: session.site + "/" + path)
            result = await session.rebuild(after: [path])
            IncrementalBuildTests.expectSame(result, "removing the override \(path)")
            let same = result.clean == first
            #expect(same, "removing the override \(path) did not give the first build's files")
        }
    }

    /// The site's translation table, i18n/en.yml: written, edited, given every key, then removed. Each rebuild
    /// gives a clean build's bytes and shows; with every key set to a marker, each marker is somewhere in the
    /// output (a string no page shows would be a dead key), but those this site cannot show.
    @Test func everyTranslationEditGivesTheBytesOfACleanBuild() async {
        let folder = TemporaryFolder()
        let session = await Session(site: EveryKeySite.write(into: folder))
        let first = session.files
        let path = LocalizationLoader.file(for: "en")
        func marker(_ key: String) -> String { "«\(key)»" }
        var everyKey = ""
        for (key, entry) in BuiltInTranslations.english.entries.sorted(by: { $0.key < $1.key }) {
            let placeholders = entry.patterns.flatMap(\.placeholders).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let text = "\"" + ([marker(key)] + placeholders.map { "{\($0)}" }).joined(separator: " ") + "\""
            if case .plural = entry { everyKey += "\(key):\n  one: \(text)\n  other: \(text)\n" } else { everyKey += "\(key): \(text)\n" }
        }
        let versions = [
            "latest_questions: Newest questions\n",
            "latest_questions: Newest questions\nanswer_count:\n  one: \"{count} reply\"\n  other: \"{count} replies\"\n",
            everyKey,
        ]
        for text in versions {
            folder.write(text, to: "site/" + path)
            let result = await session.rebuild(after: [path])
            #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
            IncrementalBuildTests.expectSame(result, "writing \(path): \(text.prefix(60))")
            let changed = result.clean != first
            #expect(changed, "writing \(path) changed no output file")
        }
        let output = session.files.values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        // Not on this site: a thread without answers, a thousand points or a million, the default ask label (it
        // names its own), the mark of a site that is not medical, and the search page with an index (these tests
        // build without one), its form and its script's strings. LanguageTests shows those.
        let cannotShow: Set<String> = ["no_answers_yet", "points_thousands", "points_millions", "ask_label", "reviewed_mark",
                                       "search_needs_js", "search_form_label", "search_field_label", "search_category_label",
                                       "search_all_categories", "search_button", "search_no_results", "search_no_results_in",
                                       "search_results", "search_results_in", "search_first_shown", "search_answer_prefix",
                                       "search_error",
                                       // Only a site in several languages has the switcher: MultilingualSiteTests shows it.
                                       "language_switcher"]
        for key in BuiltInTranslations.english.entries.keys.sorted() where !cannotShow.contains(key) {
            #expect(output.contains(marker(key)), "no output file shows '\(key)'")
        }
        try! FileManager.default.removeItem(atPath: session.site + "/" + path)
        let result = await session.rebuild(after: [path])
        IncrementalBuildTests.expectSame(result, "removing \(path)")
        let same = result.clean == first
        #expect(same, "removing \(path) did not give the first build's files")
    }

    /// Makes each edit in turn, then undoes it: both rebuilds must give a clean build's bytes, the edit must show
    /// (or, for keys only checks read, must not), and undoing it must give the first build's files.
    static func check(_ edits: [String: Edit], sourceLocation: Testing.SourceLocation = #_sourceLocation) async {
        let folder = TemporaryFolder()
        let session = await Session(site: EveryKeySite.write(into: folder))
        let first = session.files
        #expect(first.count > 40, sourceLocation: sourceLocation)
        for (name, edit) in edits.sorted(by: { $0.key < $1.key }) {
            let path = session.site + "/" + edit.file
            let original = try! String(contentsOfFile: path, encoding: .utf8)
            // Whole lines: the file's first line has no newline before it.
            let lines = "\n" + edit.old + "\n"
            guard ("\n" + original).components(separatedBy: lines).count == 2 else {
                Issue.record("the edit of \(name) does not find its lines once in \(edit.file): \(edit.old)", sourceLocation: sourceLocation)
                continue
            }
            let edited = ("\n" + original).replacingOccurrences(of: lines, with: "\n" + edit.new + "\n").dropFirst()
            try! String(edited).write(toFile: path, atomically: false, encoding: .utf8)
            var result = await session.rebuild(after: [edit.file])
            #expect(!result.diagnostics.hasErrors, "editing \(name): \(result.diagnostics)", sourceLocation: sourceLocation)
            IncrementalBuildTests.expectSame(result, "editing \(name)", sourceLocation: sourceLocation)
            if edit.shows {
                let changed = result.clean != first
                #expect(changed, "editing \(name) changed no output file", sourceLocation: sourceLocation)
            } else {
                let changed = Set(result.clean.keys).union(first.keys).filter { result.clean[$0] != first[$0] }.sorted()
                #expect(changed.isEmpty, "editing \(name), which only checks read, changed \(changed)", sourceLocation: sourceLocation)
            }
            try! original.write(toFile: path, atomically: false, encoding: .utf8)
            result = await session.rebuild(after: [edit.file])
            IncrementalBuildTests.expectSame(result, "undoing the edit of \(name)", sourceLocation: sourceLocation)
            let same = result.clean == first
            #expect(same, "undoing the edit of \(name) did not give the first build's files", sourceLocation: sourceLocation)
        }
    }
}

/// A small site that sets every front-matter key: three threads, two of them with answers on two pages (the
/// second thread's last answer, by ada, only on its page 2; ada reviews the third), three authors, two free pages.
enum EveryKeySite {
    static func write(into folder: TemporaryFolder) -> String {
        let files = [
            "qanda.yml": """
                title: Every Key Answers
                base_url: https://example.org/kb/
                publisher: Key Health
                language: en
                description: Answers that set every key.
                review:
                  every_days: 730
                  required: true
                citation:
                  genre: webpage
                  retrieved: false
                medical: true
                page_size: 2
                answers_per_page: 2
                markdown:
                  unsafe_html: false
                points:
                  vote: 10
                  accepted: 15
                  answer: 0
                ask:
                  url: https://example.org/ask
                  label: Ask us
                links: error
                """,
            "Content/authors/ada.md": """
                ---
                name: Ada Quill
                given: Ada
                family: Quill
                suffix: Jr.
                kind: person
                reviewer: true
                credentials: PhD
                role: Clinical psychologist
                affiliation: Key Clinic
                orcid: 0000-0002-1825-0097
                url: https://ada.example.org/
                photo: ada.jpg
                ---
                Ada writes about sleep.
                """,
            "Content/authors/ada.jpg": "a photo",
            "Content/authors/ada-2.jpg": "another photo",
            "Content/authors/ben.md": "---\nname: Ben Stone\ngiven: Ben\nfamily: Stone\nreviewer: true\n---\nBen writes about worry.",
            "Content/authors/board.md": "---\nname: Review Board\nkind: organization\n---\nThe board.",
            "Content/pages/about.md": """
                ---
                title: About
                description: Who writes here.
                date: 2024-01-01
                updated: 2024-02-01
                draft: false
                ---
                About this site.
                """,
            "Content/pages/contact.md": "---\ntitle: Contact\ndate: 2024-01-05\n---\nWrite to us.",
            "Content/questions/first-question/question.md": """
                ---
                title: Why do I wake at four?
                date: 2024-03-01
                updated: 2024-04-01
                reviewed:
                  by: board
                  date: 2025-01-10
                asked_by: A night owl
                category: Sleep
                tags: [rest, worry]
                votes: 12
                slug: first
                aliases: [/old/first/]
                description: Waking early, explained.
                citation_title: Waking at four in the morning
                genre: webpage
                edited_by: ben
                draft: false
                source:
                  url: https://forum.example.com/q/4
                  license: CC BY-SA 4.0
                  license_url: https://creativecommons.org/licenses/by-sa/4.0/
                ---
                I wake at four every night. Is <kbd>this</kbd> normal?
                """,
            "Content/questions/first-question/answer-a.md": """
                ---
                author: ada
                date: 2024-03-05
                updated: 2024-03-20
                votes: 7
                accepted: true
                edited_by: ben
                draft: false
                source:
                  url: https://forum.example.com/a/7
                  license: MIT
                  license_url: https://opensource.org/license/mit
                ---
                Early waking is common; keep the same hours.
                """,
            "Content/questions/first-question/answer-b.md": "---\nauthor: ben\ndate: 2024-03-06\nvotes: 3\n---\nWorry less about it.",
            "Content/questions/first-question/answer-c.md": "---\nauthor: ben\ndate: 2024-03-07\n---\nSee a doctor if it lasts.",
            "Content/questions/second/question.md": """
                ---
                title: How do I stop worrying at night?
                date: 2024-05-01
                reviewed: {by: board, date: 2025-02-01}
                genre: forum-post
                category: Anxiety
                tags: [worry]
                ---
                Worry keeps me up.
                """,
            "Content/questions/second/answer-a.md": "---\nauthor: ben\ndate: 2024-05-02\naccepted: true\n---\nWrite the worries down.",
            "Content/questions/second/answer-b.md": "---\nauthor: ben\ndate: 2024-05-03\nvotes: 2\n---\nBreathe slowly.",
            "Content/questions/second/answer-c.md": "---\nauthor: ada\ndate: 2024-05-04\n---\nKeep a regular bedtime.",
            "Content/questions/third/question.md": """
                ---
                title: Is a nap a good idea?
                date: 2024-06-01
                reviewed: {by: ada, date: 2025-03-01}
                category: Sleep
                tags: [rest]
                ---
                I nap after lunch.
                """,
            "Content/questions/third/answer-a.md": "---\nauthor: ben\ndate: 2024-06-02\n---\nA short one, yes.",
            "Content/questions/gone/question.md": """
                ---
                title: Should I double my dose?
                date: 2024-02-01
                reviewed: {by: board, date: 2025-01-05}
                category: Medication
                aliases: [/old/gone/]
                withdrawn:
                  date: 2025-02-01
                  reason: The advice changed.
                ---
                My doctor is away.
                """,
            "Content/questions/gone/answer-a.md": "---\nauthor: ada\ndate: 2024-02-02\n---\nAsk your pharmacist.",
            "Content/questions/second/answer-d.md": """
                ---
                author: ada
                date: 2024-05-05
                votes: 5
                withdrawn:
                  date: 2025-01-20
                  reason: It named a dose.
                ---
                Take two.
                """,
        ]
        for (path, text) in files { folder.write(text + "\n", to: "site/" + path) }
        return folder.path + "/site"
    }
}
