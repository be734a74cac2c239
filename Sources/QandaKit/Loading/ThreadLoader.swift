/// One folder of Content/questions/ -> QuestionThread: question.md, each other .md an answer, other files attachments.
/// Ids (authors, reviewers) are checked later by SiteLinker, once every author is known.
package enum ThreadLoader {
    static let questionKeys = ["title", "date", "updated", "reviewed", "asked_by", "category", "tags", "votes", "slug",
                               "aliases", "description", "citation_title", "genre", "edited_by", "draft", "withdrawn", "source"]
    static let answerKeys = ["author", "date", "updated", "votes", "accepted", "edited_by", "draft", "withdrawn", "source"]
    static let reviewKeys = ["by", "date"]
    /// The keys of `withdrawn:`, on a question or an answer.
    static let withdrawnKeys = ["date", "reason"]
    /// The keys of `source:` (Qanda's extension), on a question or an answer.
    static let sourceKeys = ["url", "license", "license_url"]
    /// Element ids the question page uses itself; headings in bodies never take them.
    static let pageIDs: Set<String> = ["main", "question", "answers", "authors", "cite", "content", "review"]
    static let summaryLength = 220
    /// Files Qanda writes beside each question page; an attachment cannot take their names.
    static let reservedFileNames: Set<String> = Set(["index.html"] + Routes.CitationFormat.allCases.map(\.rawValue))

    /// A class: kept in the loaded sources and the cache's dictionaries and copied between them each build; a copy
    /// of a struct this size retains every string of the thread.
    package final class Loaded: Sendable {
        let thread: QuestionThread
        /// Where ids were written, for SiteLinker's messages.
        let reviewerLocation: SourceLocation?
        let answerAuthorLocations: [String: SourceLocation]
        let aliasLocation: SourceLocation

        init(thread: QuestionThread, reviewerLocation: SourceLocation?, answerAuthorLocations: [String: SourceLocation],
             aliasLocation: SourceLocation) {
            self.thread = thread
            self.reviewerLocation = reviewerLocation
            self.answerAuthorLocations = answerAuthorLocations
            self.aliasLocation = aliasLocation
        }
    }

    /// - Parameter authorIDs: ids of every file in Content/authors/, so references are checked here, in the same
    ///   pass, even when another part of this thread has errors.
    package static func load(folder: String, folderPath: String, entries: [DirectoryEntry], authorIDs: Set<String>,
                     markdown: MarkdownRenderer) -> (Loaded?, [Diagnostic], Fingerprint) {
        let folderFile = "Content/questions/\(folder)"
        var diagnostics: [Diagnostic] = []
        guard entries.contains(where: { $0.name == "question.md" && $0.kind == .file }) else {
            return (nil, [Diagnostic(.missingQuestion, file: folderFile + "/", message: "this thread folder has no question.md",
                                     hint: "add question.md with the question's front matter, or remove the folder")], Fingerprint())
        }
        let (questionSource, questionReadDiagnostics) = MarkdownSource.read(
            path: folderPath + "/question.md", relativePath: folderFile + "/question.md", allowedKeys: questionKeys)
        diagnostics += questionReadDiagnostics
        var question: Question?
        var slug = folder
        var reviewerLocation: SourceLocation?
        var aliasLocation = SourceLocation(file: folderFile + "/question.md", line: 1, column: 1)
        if let questionSource {
            var fields = questionSource.fields
            (question, slug, reviewerLocation) = readQuestion(&fields, source: questionSource, folder: folder,
                                                              authorIDs: authorIDs, markdown: markdown)
            aliasLocation = fields.valueLocation("aliases")
            diagnostics += fields.diagnostics
        }

        var answers: [Answer] = []
        var answerFingerprints: [String: Fingerprint] = [:]
        var answerAuthorLocations: [String: SourceLocation] = [:]
        var attachments: [String] = []
        var translationFiles: [(stem: String, language: String, file: String, path: String)] = []
        for entry in entries where entry.name != "question.md" {
            let file = "\(folderFile)/\(entry.name)"
            if Slug.isHidden(entry.name) { continue }  // editor and OS litter (.DS_Store, .swp) is never published
            switch entry.kind {
            case .symlink:
                diagnostics.append(Diagnostic(.symlinkNotFollowed, .warning, file: file,
                                              message: "symbolic link not followed; it is not published",
                                              hint: "copy the file into the thread folder instead"))
            case .folder:
                let nested = DirectoryListing.filesRecursively(under: folderPath + "/" + entry.name, prefix: entry.name)
                attachments += nested.files.filter { !Slug.hasHiddenSegment($0) }
                for link in nested.symlinks {
                    diagnostics.append(Diagnostic(.symlinkNotFollowed, .warning, file: "\(folderFile)/\(link)",
                                                  message: "symbolic link not followed; it is not published"))
                }
            case .file where entry.name.hasSuffix(".md") && translationName(entry.name) != nil:
                let (stem, language) = translationName(entry.name)!
                translationFiles.append((stem, language, file, folderPath + "/" + entry.name))
            case .file where entry.name.hasSuffix(".md"):
                let id = String(entry.name.dropLast(3))
                let (answer, answerDiagnostics, authorLocation, answerFingerprint) = loadAnswer(id: id, path: folderPath + "/" + entry.name, file: file,
                                                                              authorIDs: authorIDs, markdown: markdown)
                diagnostics += answerDiagnostics
                if let answer {
                    answers.append(answer)
                    answerFingerprints[answer.id] = answerFingerprint
                    answerAuthorLocations[answer.id] = authorLocation
                }
            case .file where reservedFileNames.contains(entry.name):
                diagnostics.append(Diagnostic(.unsafePath, file: file, message: "'\(entry.name)' is a name the page uses itself",
                                              hint: "rename the attachment"))
            case .file:
                if Slug.isSafeFileName(entry.name) { attachments.append(entry.name) } else {
                    diagnostics.append(Diagnostic(.unsafePath, file: file, message: "attachment name '\(entry.name)' cannot be published safely",
                                                  hint: "rename the file without slashes, backslashes or control characters"))
                }
            case .other:
                break
            }
        }
        var fragments: [String: String] = [:]
        for answer in answers {
            let fragment = Routes.answerFragment(answer.id)
            if let other = fragments[fragment] {
                diagnostics.append(Diagnostic(.duplicateSlug, at: answer.source,
                                              message: "answers \(other).md and \(answer.id).md would share the link #\(fragment)",
                                              hint: "rename one of the files"))
            }
            fragments[fragment] = answer.id
        }
        // A withdrawn answer is no longer accepted: another may be, in its place.
        let accepted = answers.filter { $0.isAccepted && !$0.isWithdrawn }
        if accepted.count > 1 {
            for answer in accepted.dropFirst() {
                diagnostics.append(Diagnostic(.multipleAccepted, at: answer.source,
                                              message: "more than one accepted answer in this thread (also \(accepted[0].id).md)",
                                              hint: "keep `accepted: true` on one answer only"))
            }
        }
        let answerIDs = Set(entries.compactMap { entry -> String? in
            entry.kind == .file && entry.name.hasSuffix(".md") && translationName(entry.name) == nil ? String(entry.name.dropLast(3)) : nil
        })
        let (translations, translationDiagnostics, translationFingerprint) = loadTranslations(translationFiles, answerIDs: answerIDs, markdown: markdown)
        diagnostics += translationDiagnostics
        guard let question, !diagnostics.hasErrors else { return (nil, diagnostics, Fingerprint()) }
        var thread = QuestionThread(folder: folder, slug: slug, question: question,
                            answers: answers.sorted(by: Answer.contractOrder), attachments: attachments.sorted())
        thread.translations = translations
        var fingerprint = Self.fingerprint(of: thread, question: questionSource?.fingerprint ?? Fingerprint(),
                                           answers: answerFingerprints)
        if !translations.isEmpty { fingerprint.add(translationFingerprint) }
        return (Loaded(thread: thread, reviewerLocation: reviewerLocation, answerAuthorLocations: answerAuthorLocations,
                       aliasLocation: aliasLocation), diagnostics, fingerprint)
    }

    /// The thread's entry in the loaded sources' side table (`LoadedSources.Result.fingerprint`): the folder's name,
    /// the bytes of its question, its answers in contract order and attachment names, so that the same files give
    /// the same number in every build.
    static func fingerprint(of thread: QuestionThread, question: Fingerprint, answers: [String: Fingerprint]) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.add(thread.folder)
        fingerprint.add(question)
        for answer in thread.answers {
            fingerprint.add(answer.id)
            fingerprint.add(answers[answer.id] ?? Fingerprint())
        }
        for attachment in thread.attachments { fingerprint.add(attachment) }
        return fingerprint
    }

    static let questionTranslationKeys = ["title", "description", "date"]
    static let answerTranslationKeys = ["date"]

    /// `question.es.md` -> ("question", "es"); `jane.pt-BR.md` -> ("jane", "pt-BR"); nil for a name whose part
    /// after the last dot is not a language tag (`question.md`, `answer-1.md`).
    static func translationName(_ name: String) -> (stem: String, language: String)? {
        guard name.hasSuffix(".md") else { return nil }
        let base = name.dropLast(3)
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        let language = String(base[base.index(after: dot)...])
        guard LanguageTag.problem(language) == nil else { return nil }
        return (String(base[..<dot]), language)
    }

    /// The thread's translation files: one translated question per language, answers only beside it and only
    /// of answers that exist. Whether the site lists each language is SiteLoader's check (it knows qanda.yml).
    private static func loadTranslations(_ files: [(stem: String, language: String, file: String, path: String)],
                                         answerIDs: Set<String>, markdown: MarkdownRenderer) -> ([ThreadTranslation], [Diagnostic], Fingerprint) {
        var diagnostics: [Diagnostic] = []
        var fingerprint = Fingerprint()
        var questions: [String: (language: String, part: ThreadTranslation.Part)] = [:]
        var answers: [String: [String: ThreadTranslation.Part]] = [:]
        var firstFile: [String: String] = [:]
        let sorted = files.sorted { ($0.stem != "question" ? 1 : 0, $0.file) < ($1.stem != "question" ? 1 : 0, $1.file) }
        for (stem, language, file, path) in sorted {
            let key = language.lowercased()
            if let other = firstFile[stem + "." + key] {
                diagnostics.append(Diagnostic(.duplicateTranslation, file: file, line: 1, column: 1,
                                              message: "a second translation of \(stem).md in '\(language)' (also \(other.split(separator: "/").last.map(String.init) ?? other))",
                                              hint: "keep one file per language and delete the other"))
                continue
            }
            firstFile[stem + "." + key] = file
            let isQuestion = stem == "question"
            if !isQuestion && !answerIDs.contains(stem) {
                diagnostics.append(Diagnostic(.orphanTranslation, file: file, line: 1, column: 1,
                                              message: "translation of \(stem).md, but this thread has no \(stem).md",
                                              hint: "rename it after the answer it translates (<answer>.\(language).md), or delete it"))
                continue
            }
            if !isQuestion && questions[key] == nil {
                diagnostics.append(Diagnostic(.orphanTranslation, file: file, line: 1, column: 1,
                                              message: "an answer translated into '\(language)', but the question is not (no question.\(language).md)",
                                              hint: "translate the question first: add question.\(language).md beside question.md"))
                continue
            }
            let (source, readDiagnostics) = MarkdownSource.read(path: path, relativePath: file,
                                                                allowedKeys: isQuestion ? questionTranslationKeys : answerTranslationKeys)
            diagnostics += readDiagnostics
            guard let source else { continue }
            var fields = source.fields
            let title = isQuestion ? fields.string("title", required: true, hint: "add `title:` in the translation's language") : nil
            let description = isQuestion ? fields.string("description") : nil
            let date = fields.date("date", required: true)
            diagnostics += fields.diagnostics
            guard let date, !fields.diagnostics.hasErrors else { continue }
            fingerprint.add(file)
            fingerprint.add(source.fingerprint)
            let rendered = isQuestion ? markdown.render(source.body, reservedIDs: pageIDs, summaryLength: summaryLength)
                : markdown.render(source.body, idPrefix: Routes.answerFragment(stem) + "-")
            var part = ThreadTranslation.Part(title: title, description: description, date: date, bodyHTML: rendered.html,
                                              summary: rendered.summary, plainText: rendered.plainText,
                                              source: fields.valueLocation("date"))
            part.links = source.bodyLinks(rendered.links)
            if isQuestion { questions[key] = (language, part) } else { answers[key, default: [:]][stem] = part }
        }
        let translations = questions.keys.sorted().map { key in
            ThreadTranslation(language: questions[key]!.language, question: questions[key]!.part, answers: answers[key] ?? [:])
        }
        return (translations, diagnostics, fingerprint)
    }

    private static func readQuestion(_ fields: inout FrontMatterFields, source: MarkdownSource, folder: String,
                                     authorIDs: Set<String>, markdown: MarkdownRenderer) -> (Question?, String, SourceLocation?) {
        let title = fields.string("title", required: true, hint: "add `title: The question, as readers will see it`")
        let date = fields.date("date", required: true)
        let updated = fields.date("updated")
        let category = fields.string("category", required: true, hint: "add `category: Ask the Therapist` (any name)")
        if let category, Slug.make(from: category).isEmpty {
            fields.diagnostics.append(Diagnostic(.invalidValue, at: fields.valueLocation("category"),
                                                 message: "category '\(category)' has no letters or digits to make a URL from (in any script Qanda can spell in Latin letters)",
                                                 hint: "use a name with letters, such as 'Anxiety'"))
        }
        // `tags: sleep, first steps` is two tags, not one tag `sleep-first-steps`; a category stays one name.
        let tags = fields.stringList("tags", splitsCommas: true) ?? []
        for tag in tags where Slug.make(from: tag).isEmpty {
            fields.diagnostics.append(Diagnostic(.invalidValue, at: fields.valueLocation("tags"),
                                                 message: "tag '\(tag)' has no letters or digits to make a URL from (in any script Qanda can spell in Latin letters)",
                                                 hint: "use words, such as 'sleep'"))
        }
        var review: Review?
        var reviewerLocation: SourceLocation?
        var reviewDateLocation: SourceLocation?
        if var reviewed = fields.mapping("reviewed", allowedKeys: reviewKeys, example: "{by: advisory-board, date: 2024-05-01}") {
            let by = reviewed.string("by", required: true, hint: "add `by: <author id>` under reviewed")
            reviewerLocation = reviewed.valueLocation("by")
            if let by, !authorIDs.contains(by) {
                reviewed.diagnostics.append(unknownID(by, kind: "reviewer", code: .unknownReviewer, at: reviewed.valueLocation("by"), authorIDs: authorIDs))
            }
            let reviewDate = reviewed.date("date", required: true)
            reviewDateLocation = reviewed.valueLocation("date")
            if let by, let reviewDate { review = Review(reviewerID: by, date: reviewDate) }
            if let date, let reviewDate, reviewDate < date {
                reviewed.diagnostics.append(Diagnostic(.dateOrder, at: reviewed.valueLocation("date"),
                                                       message: "'reviewed.date' (\(reviewDate)) is before 'date' (\(date))",
                                                       hint: "a page cannot be reviewed before it was published"))
            }
            fields.diagnostics += reviewed.diagnostics
        }
        if let date, let updated, updated < date {
            fields.diagnostics.append(Diagnostic(.dateOrder, at: fields.valueLocation("updated"),
                                                 message: "'updated' (\(updated)) is before 'date' (\(date))",
                                                 hint: "'date' is when the page was first published; 'updated' cannot be earlier"))
        }
        let askedBy = fields.string("asked_by")
        let votes = fields.int("votes")
        let editedBy = editor(&fields, authorIDs: authorIDs)
        var slug = folder
        if let value = fields.string("slug") {
            slug = value
            if !Slug.isValidSegment(value) {
                fields.diagnostics.append(Diagnostic(.invalidSlug, at: fields.valueLocation("slug"),
                                                     message: "slug '\(value)' cannot be used as a URL segment",
                                                     hint: "use lowercase letters, digits and hyphens, e.g. '\(Slug.make(from: value))'"))
            }
        } else if !Slug.isValidSegment(folder) {
            fields.diagnostics.append(Diagnostic(.invalidSlug, file: source.file,
                                                 message: "folder name '\(folder)' cannot be used as a URL segment",
                                                 hint: "rename the folder to '\(Slug.make(from: folder))' or add `slug: \(Slug.make(from: folder))`"))
        }
        let aliases = fields.stringList("aliases") ?? []
        for alias in aliases where Slug.aliasSegments(alias) == nil {
            fields.diagnostics.append(Diagnostic(.unsafePath, at: fields.valueLocation("aliases"),
                                                 message: "alias '\(alias)' is not a usable site path",
                                                 hint: "write a path from the site root such as /ask/old-name/ (lowercase letters, digits, hyphens; no '..')"))
        }
        let description = fields.string("description")
        let citationTitle = fields.string("citation_title")
        let genre = fields.genre("genre")
        let draft = fields.bool("draft") ?? false
        let withdrawal = withdrawal(&fields, publishedOn: date, what: "thread")
        let attribution = attribution(&fields)
        if let placeholder = source.placeholderDiagnostic(isDraft: draft || withdrawal != nil) { fields.diagnostics.append(placeholder) }
        guard let title, let date, let category, !fields.diagnostics.hasErrors else { return (nil, slug, reviewerLocation) }
        let rendered = markdown.render(source.body, reservedIDs: pageIDs, summaryLength: summaryLength)
        return (Question(title: title, date: date, updated: updated, review: review, askedBy: askedBy, category: category,
                         tags: tags, votes: votes, aliases: aliases, description: description, citationTitle: citationTitle,
                         sentenceCaseTitle: citationTitle == nil ? SentenceCase.convert(title) : nil, genre: genre, isDraft: draft, bodyHTML: rendered.html,
                         summary: rendered.summary, plainText: rendered.plainText,
                         source: SourceLocation(file: source.file, line: 1, column: 1),
                         locations: fields.valueLocations.merging(reviewDateLocation.map { ["reviewed.date": $0] } ?? [:]) { a, _ in a },
                         links: source.bodyLinks(rendered.links), editedBy: editedBy, withdrawal: withdrawal,
                         attribution: attribution), slug,
                reviewerLocation)
    }

    private static func loadAnswer(id: String, path: String, file: String, authorIDs: Set<String>,
                                   markdown: MarkdownRenderer) -> (Answer?, [Diagnostic], SourceLocation, Fingerprint) {
        let (source, readDiagnostics) = MarkdownSource.read(path: path, relativePath: file, allowedKeys: answerKeys)
        guard let source else { return (nil, readDiagnostics, SourceLocation(file: file), Fingerprint()) }
        var fields = source.fields
        if !Slug.isValidSegment(id) {
            fields.diagnostics.append(Diagnostic(.invalidSlug, file: file, message: "answer file name '\(id).md' cannot be used in a link",
                                                 hint: "rename it to lowercase letters, digits and hyphens, e.g. '\(Slug.make(from: id)).md'"))
        }
        let author = fields.string("author", required: true, hint: "add `author: <author id>` (a file name in Content/authors/ without .md)")
        let authorLocation = fields.valueLocation("author")
        if let author, !authorIDs.contains(author) {
            fields.diagnostics.append(unknownID(author, kind: "author", code: .unknownAuthor, at: authorLocation, authorIDs: authorIDs))
        }
        let date = fields.date("date", required: true)
        let updated = fields.date("updated")
        if let date, let updated, updated < date {
            fields.diagnostics.append(Diagnostic(.dateOrder, at: fields.valueLocation("updated"),
                                                 message: "'updated' (\(updated)) is before 'date' (\(date))",
                                                 hint: "'updated' is the last change, so it cannot be earlier than 'date'"))
        }
        let votes = fields.int("votes")
        let editedBy = editor(&fields, authorIDs: authorIDs)
        let accepted = fields.bool("accepted") ?? false
        let acceptedLocation = fields.keyLocation("accepted")
        let draft = fields.bool("draft") ?? false
        let withdrawal = withdrawal(&fields, publishedOn: date, what: "answer")
        let attribution = attribution(&fields)
        if let placeholder = source.placeholderDiagnostic(isDraft: draft || withdrawal != nil) { fields.diagnostics.append(placeholder) }
        let diagnostics = readDiagnostics + fields.diagnostics
        guard let author, let date, !diagnostics.hasErrors else { return (nil, diagnostics, authorLocation, source.fingerprint) }
        let rendered = markdown.render(source.body, idPrefix: Routes.answerFragment(id) + "-")
        return (Answer(id: id, authorID: author, date: date, updated: updated, votes: votes, isAccepted: accepted,
                       isDraft: draft, bodyHTML: rendered.html, plainText: rendered.plainText,
                       source: accepted ? acceptedLocation : SourceLocation(file: file, line: 1, column: 1),
                       links: source.bodyLinks(rendered.links), editedBy: editedBy, withdrawal: withdrawal,
                       attribution: attribution), diagnostics, authorLocation, source.fingerprint)
    }

    /// `edited_by`: an author id, like `author`.
    private static func editor(_ fields: inout FrontMatterFields, authorIDs: Set<String>) -> String? {
        guard let id = fields.string("edited_by") else { return nil }
        guard authorIDs.contains(id) else {
            fields.diagnostics.append(unknownID(id, kind: "editor", code: .unknownAuthor, at: fields.valueLocation("edited_by"), authorIDs: authorIDs))
            return nil
        }
        return id
    }

    /// `withdrawn: {date, reason}`: both are required (a notice says when and why), and the day is not before
    /// the day the thread or answer was published.
    private static func withdrawal(_ fields: inout FrontMatterFields, publishedOn published: ContentDate?, what: String) -> Withdrawal? {
        let example = "{date: 2025-03-01, reason: The advice no longer matches current guidance.}"
        // `withdrawn:` with nothing after it would otherwise read as absent, and publish what was meant to go.
        if fields.entries["withdrawn"] != nil && !fields.has("withdrawn") {
            fields.diagnostics.append(Diagnostic(.missingKey, at: fields.keyLocation("withdrawn"),
                                                 message: "'withdrawn' is empty: missing required keys 'withdrawn.date' and 'withdrawn.reason'",
                                                 hint: "write `withdrawn: \(example)`, or remove the line"))
            return nil
        }
        guard var withdrawn = fields.mapping("withdrawn", allowedKeys: withdrawnKeys, example: example) else { return nil }
        let date = withdrawn.date("date", required: true)
        let reason = withdrawn.string("reason", required: true,
                                      hint: "add `reason: ...` under withdrawn: one sentence that tells readers why the \(what) was withdrawn")
        if let date, let published, date < published {
            withdrawn.diagnostics.append(Diagnostic(.dateOrder, at: withdrawn.valueLocation("date"),
                                                    message: "'withdrawn.date' (\(date)) is before 'date' (\(published))",
                                                    hint: "\(what == "answer" ? "an" : "a") \(what) cannot be withdrawn before it was published"))
        }
        fields.diagnostics += withdrawn.diagnostics
        guard let date, let reason else { return nil }
        return Withdrawal(date: date, reason: reason)
    }

    /// `source: {url, license, license_url}`: `url` is required and, like `license_url`, an absolute http(s)
    /// address; `license_url` links the licence `license` names, so it needs that name.
    private static func attribution(_ fields: inout FrontMatterFields) -> Attribution? {
        let example = "{url: https://stackoverflow.com/q/11227809, license: CC BY-SA 4.0, license_url: https://creativecommons.org/licenses/by-sa/4.0/}"
        if fields.entries["source"] != nil && !fields.has("source") {
            fields.diagnostics.append(Diagnostic(.missingKey, at: fields.keyLocation("source"),
                                                 message: "'source' is empty: missing required key 'source.url'",
                                                 hint: "write `source: \(example)`, or remove the line"))
            return nil
        }
        guard var source = fields.mapping("source", allowedKeys: sourceKeys, example: example) else { return nil }
        let url = source.string("url", required: true, hint: "add `url: https://...` under source: the address of the original post")
        let license = source.string("license")
        let licenseURL = source.string("license_url")
        for (key, value) in [("url", url), ("license_url", licenseURL)] {
            guard let value, let problem = Attribution.urlProblem(value) else { continue }
            source.diagnostics.append(Diagnostic(.invalidValue, at: source.valueLocation(key),
                                                 message: "'source.\(key)' \(problem): '\(value)'",
                                                 hint: key == "url" ? "write the original post's address, such as https://stackoverflow.com/q/11227809"
                                                     : "write the licence's address, such as https://creativecommons.org/licenses/by-sa/4.0/"))
        }
        if licenseURL != nil && license == nil {
            source.missing("license", hint: "add `license: CC BY-SA 4.0` (the licence's name, which the page links to license_url)")
        }
        fields.diagnostics += source.diagnostics
        guard let url, !source.diagnostics.hasErrors else { return nil }
        return Attribution(url: url, license: license, licenseURL: licenseURL)
    }

    private static func unknownID(_ id: String, kind: String, code: DiagnosticCode, at location: SourceLocation,
                                  authorIDs: Set<String>) -> Diagnostic {
        let suggestion = Suggestion.closest(to: id, in: authorIDs.sorted())
        return Diagnostic(code, at: location,
                          message: "unknown \(kind) '\(id)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                          hint: suggestion == nil ? "add Content/authors/\(id).md or use an existing author id" : nil)
    }
}
