import Foundation
import QandaPlatform
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns what a reader hands over into content files of a site folder: `Content/questions/<slug>/question.md`,
/// one `answer-<id>.md` per answer beside it, `Content/authors/<id>.md`, and `qanda.yml` when the site has none.
///
/// - Never over an existing file: a file with the bytes this import would write counts as done (an earlier run
///   wrote it), one with other bytes is left alone and listed in the summary.
/// - Every file appears whole: written under a hidden temporary name in its own folder, then renamed to its name
///   without replacing anything. A new thread folder is made hidden with its question.md inside and renamed into
///   place, so a site never has a thread folder without its question, whenever the import stops.
/// - Each file is listed in the journal (`ImportJournal`) before it takes its name, so an interrupted import can be
///   run again (it resumes: every question keeps the folder it had) or removed (`ImportRemoval`).
/// - Memory grows with the threads and authors (an id and a slug each), never with the answers or the text: a
///   Stack Exchange dump of a million posts streams through.
package struct ImportWriter: ImportSink {
    /// What qanda.yml says when the import writes one.
    package struct SiteSettings: Sendable {
        package var title: String
        package var baseURL: String
        package var publisher: String?

        package init(title: String = SiteScaffold.defaultTitle, baseURL: String = SiteScaffold.defaultBaseURL, publisher: String? = nil) {
            self.title = title
            self.baseURL = baseURL
            self.publisher = publisher
        }
    }

    /// Suffix of the hidden names files and thread folders are written under before they take their own.
    package static let temporarySuffix = ".qanda-import"
    /// Longest slug made from a title: a folder name must stay well under the file system's 255 bytes.
    static let maxSlugLength = 80

    package private(set) var summary = ImportSummary()
    /// Called after every post: the command line's progress line.
    package var progress: (@Sendable (ImportSummary) -> Void)?

    private let site: String
    private let dryRun: Bool
    private let journal: ImportJournal?
    /// Question `originalID` -> thread folder: from the journal of an earlier run, then from this one.
    private var threadSlugs: [String: String] = [:]
    /// Every thread folder name and `slug:` of the site, and those this import gave.
    private var takenSlugs: Set<String> = []
    /// Author ids handed over so far (readers may repeat one), and every author id the site has.
    private var handledAuthors: Set<String> = []
    private var knownAuthors: Set<String> = []

    /// - Parameters:
    ///   - site: the site folder; created when missing.
    ///   - journalName: `ImportJournal.name(format:source:)`.
    ///   - header: comment lines at the top of a new journal (the command that made it).
    ///   - dryRun: write nothing, and count what would be written.
    package init(site: String, journalName: String, header: String = "", settings: SiteSettings = SiteSettings(),
                 dryRun: Bool = false) throws {
        self.site = site
        self.dryRun = dryRun
        if let kind = DirectoryListing.kind(of: site), !DirectoryListing.isFolder(site) || kind == .other {
            throw ImportError(location: site, message: "the site folder exists and is not a folder",
                              hint: "give --site a folder (a new one is created)")
        }
        let journal = ImportJournal(site: site, name: journalName, header: header)
        self.journal = dryRun ? nil : journal
        // A dry run reads it too: a thread an earlier run imported is "already there", not a new one.
        try ImportJournal.read(journal.path) { entry in
            if entry.kind == .question, let slug = Self.threadFolder(of: entry.path) { threadSlugs[entry.key] = slug }
        }
        let ours = Set(threadSlugs.values)
        let questions = site + "/Content/questions"
        for entry in DirectoryListing.entries(of: questions) ?? [] {
            if entry.name.hasPrefix(".") {
                // A thread folder a stopped import was still filling: ours, and never published (hidden).
                if !dryRun && entry.name.hasSuffix(Self.temporarySuffix) { try? FileManager.default.removeItem(atPath: questions + "/" + entry.name) }
                continue
            }
            takenSlugs.insert(entry.name)
            if !ours.contains(entry.name), let slug = Self.declaredSlug(questions + "/" + entry.name + "/question.md") { takenSlugs.insert(slug) }
        }
        takenSlugs.formUnion(ours)
        for entry in DirectoryListing.entries(of: site + "/Content/authors") ?? []
        where entry.name.hasSuffix(".md") && !Slug.isHidden(entry.name) {
            knownAuthors.insert(String(entry.name.dropLast(3)))
        }
        try writeConfigIfMissing(settings)
    }

    // MARK: - ImportSink

    package mutating func author(_ author: ImportedAuthor) throws {
        guard handledAuthors.insert(author.id).inserted else { return }
        let location = author.location ?? "author \(author.id)"
        guard Slug.isValidSegment(author.id) else {
            return skip(ImportSkip(location: location, reason: "author id '\(author.id)' cannot be a file name (use a-z, 0-9, '-', '_', '.')"))
        }
        var author = author
        author.name = NewContent.oneLine(author.name)
        guard !author.name.isEmpty else { return skip(ImportSkip(location: location, reason: "author '\(author.id)' has no name")) }
        if case .person(let given, let family) = author.naming {
            let given = NewContent.oneLine(given), family = NewContent.oneLine(family)
            author.naming = given.isEmpty || family.isEmpty ? .screenName : .person(given: given, family: family)
        }
        if let url = author.url, let problem = Attribution.urlProblem(url) {
            note(ImportNote(location: location, message: "author '\(author.id)': url '\(url)' \(problem); left out"))
            author.url = nil
        }
        author.credentials = author.credentials.map(NewContent.oneLine).flatMap { $0.isEmpty ? nil : $0 }
        author.role = author.role.map(NewContent.oneLine).flatMap { $0.isEmpty ? nil : $0 }
        let outcome = try publish("Content/authors/\(author.id).md", ImportedFileText.author(author), kind: .author, key: author.id)
        count(outcome, in: \.authors)
        knownAuthors.insert(author.id)
        progress?(summary)
    }

    package mutating func question(_ question: ImportedQuestion) throws {
        let location = question.location ?? "question \(question.originalID)"
        guard !handledQuestions.contains(question.originalID) else {
            return skip(ImportSkip(location: location, reason: "question id '\(question.originalID)' was already imported"))
        }
        var question = question
        question.title = question.title.trimmingWhitespace()
        guard !question.title.isEmpty else { return skip(ImportSkip(location: location, reason: "the question has no title")) }
        question.category = question.category.trimmingWhitespace()
        if Slug.make(from: question.category).isEmpty {
            note(ImportNote(location: location, message: "category '\(question.category)' has no letters or digits to make a URL from; the thread is in '\(NewContent.fallbackCategory)'"))
            question.category = NewContent.fallbackCategory
        }
        let tags = question.tags.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        question.tags = []
        for tag in tags where !question.tags.contains(tag) {
            if Slug.make(from: tag).isEmpty {
                note(ImportNote(location: location, message: "tag '\(tag)' has no letters or digits to make a URL from; left out"))
            } else {
                question.tags.append(tag)
            }
        }
        question.updated = checkedUpdate(question.updated, after: question.date, location: location)
        question.source = checkedSource(question.source, location: location)
        question.editedBy = checkedEditor(question.editedBy, location: location)
        if let genre = question.genre, CitationGenre(rawValue: genre) == nil {
            note(ImportNote(location: location, message: "genre '\(genre)' is not webpage or forum-post; left out"))
            question.genre = nil
        }
        question.askedBy = question.askedBy.map(NewContent.oneLine).flatMap { $0.isEmpty ? nil : $0 }

        let slug = threadSlugs[question.originalID] ?? newSlug(for: question)
        threadSlugs[question.originalID] = slug
        handledQuestions.insert(question.originalID)
        takenSlugs.insert(slug)
        let outcome = try publishQuestion(slug: slug, text: ImportedFileText.question(question), key: question.originalID)
        count(outcome, in: \.threads)
        progress?(summary)
    }

    package mutating func answer(_ answer: ImportedAnswer, toQuestion questionID: String) throws {
        let location = answer.location ?? "answer \(answer.originalID)"
        guard let slug = threadSlugs[questionID], handledQuestions.contains(questionID) else {
            return skip(ImportSkip(location: location, reason: "its question (id '\(questionID)') was not imported"))
        }
        guard knownAuthors.contains(answer.authorID) else {
            return skip(ImportSkip(location: location, reason: "its author (id '\(answer.authorID)') was not imported"))
        }
        var answer = answer
        if answer.accepted && !acceptedThreads.insert(slug).inserted {
            note(ImportNote(location: location, message: "a second accepted answer in thread '\(slug)'; imported as not accepted (a thread has one)"))
            answer.accepted = false
        }
        answer.updated = checkedUpdate(answer.updated, after: answer.date, location: location)
        answer.source = checkedSource(answer.source, location: location)
        answer.editedBy = checkedEditor(answer.editedBy, location: location)
        let path = "Content/questions/\(slug)/\(Self.answerFileStem(answer.originalID)).md"
        let outcome = try publish(path, ImportedFileText.answer(answer), kind: .answer, key: answer.originalID)
        count(outcome, in: \.answers)
        progress?(summary)
    }

    package mutating func skip(_ skip: ImportSkip) {
        summary.add(skip)
    }

    package mutating func note(_ note: ImportNote) {
        summary.add(note)
    }

    /// Questions handed over in this run (the journal's are only known to have a folder).
    private var handledQuestions: Set<String> = []
    /// Thread folders with an accepted answer: a second one is imported as not accepted (`multiple-accepted`).
    private var acceptedThreads: Set<String> = []

    // MARK: - Names

    /// `answer-<id>`: the archive's id, so that the same answer has the same file on every run and its link is
    /// `#answer-<id>` (Stack Exchange's own form). An id that is not already a slug is made one, with a few
    /// characters of its hash so that two ids that make the same slug stay apart.
    static func answerFileStem(_ originalID: String) -> String {
        let slug = Slug.make(from: originalID, transliterating: false)
        guard slug != originalID else { return "answer-" + slug }
        var hash = Fingerprint()
        hash.add(originalID)
        let suffix = String(String(hash.value, radix: 16).prefix(6))
        return "answer-" + (slug.isEmpty ? suffix : "\(slug.prefix(Self.maxSlugLength))-\(suffix)")
    }

    /// The title's slug (cut at a hyphen to `maxSlugLength`), numbered `-2`, `-3`, … when a thread has it; for a
    /// title with nothing to make one from, `question-<id>`.
    private mutating func newSlug(for question: ImportedQuestion) -> String {
        var base = Slug.make(from: question.title)
        if base.count > Self.maxSlugLength {
            let cut = base.prefix(Self.maxSlugLength)
            base = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
        }
        if base.isEmpty {
            let id = Slug.make(from: question.originalID, transliterating: false)
            base = "question" + (id.isEmpty ? "" : "-" + String(id.prefix(Self.maxSlugLength)))
            note(ImportNote(location: question.location ?? "question \(question.originalID)",
                            message: "the title has no letters or digits to make a URL from; the thread's folder is '\(base)'"))
        }
        let questions = site + "/Content/questions/"
        return NewContent.uniqueName(base) { takenSlugs.contains($0) || DirectoryListing.kind(of: questions + $0) != nil }
    }

    /// `Content/questions/<slug>/question.md` -> `<slug>`.
    static func threadFolder(of path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 4, parts[0] == "Content", parts[1] == "questions" else { return nil }
        return String(parts[2])
    }

    /// The `slug:` a thread's question.md declares, read leniently (`NewContent.existingThreads` does the same).
    private static func declaredSlug(_ path: String) -> String? {
        guard let bytes = FileBytes.read(path), case .success(let source) = SourceText.decode(bytes),
              case .success(let block) = FrontMatterSplitter.split(source.text),
              case .success(let mapping?) = YAMLMappingParser.parse(block.yaml, file: "", lineOffset: 0),
              let slug = mapping["slug"]?.scalar?.string.trimmingWhitespace(), !slug.isEmpty else { return nil }
        return slug
    }

    // MARK: - Values the loaders would refuse

    private mutating func checkedUpdate(_ updated: ContentDate?, after date: ContentDate, location: String) -> ContentDate? {
        guard let updated, updated < date else { return updated }
        note(ImportNote(location: location, message: "last edit \(updated) is before the post's date \(date); left out"))
        return nil
    }

    private mutating func checkedSource(_ source: ImportedSource?, location: String) -> ImportedSource? {
        guard var source else { return nil }
        if let problem = Attribution.urlProblem(source.url) {
            note(ImportNote(location: location, message: "source url '\(source.url)' \(problem); the post has no source line"))
            return nil
        }
        source.license = source.license.map(NewContent.oneLine).flatMap { $0.isEmpty ? nil : $0 }
        if let url = source.licenseURL, source.license == nil || Attribution.urlProblem(url) != nil {
            note(ImportNote(location: location, message: "licence url '\(url)' \(source.license == nil ? "names no licence" : Attribution.urlProblem(url)!); left out"))
            source.licenseURL = nil
        }
        return source
    }

    private mutating func checkedEditor(_ editor: String?, location: String) -> String? {
        guard let editor, !knownAuthors.contains(editor) else { return editor }
        note(ImportNote(location: location, message: "edited by '\(editor)', who was not imported; left out"))
        return nil
    }

    // MARK: - Writing

    private enum Outcome { case written, alreadyThere, keptExisting }

    private mutating func count(_ outcome: Outcome, in keyPath: WritableKeyPath<ImportSummary, ImportSummary.Count>) {
        switch outcome {
        case .written: summary[keyPath: keyPath].written += 1
        case .alreadyThere: summary[keyPath: keyPath].alreadyThere += 1
        case .keptExisting: summary[keyPath: keyPath].keptExisting += 1
        }
    }

    private mutating func writeConfigIfMissing(_ settings: SiteSettings) throws {
        guard DirectoryListing.kind(of: site + "/" + SiteConfigLoader.fileName) == nil else { return }
        if let problem = SiteConfigLoader.baseURLProblem(settings.baseURL) {
            throw ImportError(message: "--base-url '\(settings.baseURL)' \(problem)",
                              hint: "write the site's absolute http(s) address, such as https://answers.example.org/")
        }
        summary.configWritten = true
        guard !dryRun else { return }
        if DirectoryListing.kind(of: site) == nil {
            try makeFolder(site)
            try journal?.append(.init(kind: .folder, key: "", path: ".", checksum: "-"))
        }
        let baseURL = settings.baseURL.hasSuffix("/") ? settings.baseURL : settings.baseURL + "/"
        let text = SiteScaffold.config(title: NewContent.oneLine(settings.title), baseURL: baseURL,
                                       publisher: settings.publisher.map(NewContent.oneLine))
        _ = try publish(SiteConfigLoader.fileName, text, kind: .config, key: "")
    }

    /// A new thread folder appears with its question.md inside: both are made under a hidden name and renamed
    /// into place. In a thread folder that exists (an earlier run's), question.md is published like any file.
    private mutating func publishQuestion(slug: String, text: String, key: String) throws -> Outcome {
        let folder = "Content/questions/\(slug)"
        let path = folder + "/question.md"
        if dryRun || DirectoryListing.kind(of: site + "/" + folder) != nil {
            return try publish(path, text, kind: .question, key: key)
        }
        let questions = site + "/Content/questions"
        if DirectoryListing.kind(of: questions) == nil {
            try makeFolders("Content/questions")
        }
        try journal?.append(.init(kind: .question, key: key, path: path, checksum: SHA256.hex(of: Array(text.utf8))))
        let staging = questions + "/." + slug + Self.temporarySuffix
        try? FileManager.default.removeItem(atPath: staging)
        try makeFolder(staging)
        try writeFile(staging + "/question.md", text, shownAs: path)
        switch RenameWithoutReplacing.move(staging, to: site + "/" + folder) {
        case .moved:
            return .written
        case .exists:
            try? FileManager.default.removeItem(atPath: staging)
            return try publish(path, text, kind: .question, key: key, journaled: true)
        case .failed(let code):
            try? FileManager.default.removeItem(atPath: staging)
            throw cannotWrite(folder, code)
        }
    }

    /// Writes `text` at `path` (relative to the site) unless something has that name: the same bytes count as
    /// done, other bytes are left alone.
    private mutating func publish(_ path: String, _ text: String, kind: ImportJournal.Kind, key: String,
                                  journaled: Bool = false) throws -> Outcome {
        let full = site + "/" + path
        let bytes = Array(text.utf8)
        let parent = (path as NSString).deletingLastPathComponent
        let temporary = site + "/" + (parent.isEmpty ? "" : parent + "/") + "." + (path as NSString).lastPathComponent + Self.temporarySuffix
        if DirectoryListing.kind(of: full) != nil {
            if !dryRun { unlink(temporary) }  // left by a run stopped between writing and renaming
            return existing(path, bytes)
        }
        if dryRun { return .written }
        if !parent.isEmpty, DirectoryListing.kind(of: site + "/" + parent) == nil { try makeFolders(parent) }
        if !journaled { try journal?.append(.init(kind: kind, key: key, path: path, checksum: SHA256.hex(of: bytes))) }
        try writeFile(temporary, text, shownAs: path)
        switch RenameWithoutReplacing.move(temporary, to: full) {
        case .moved: return .written
        case .exists:
            unlink(temporary)
            return existing(path, bytes)
        case .failed(let code):
            unlink(temporary)
            throw cannotWrite(path, code)
        }
    }

    private mutating func existing(_ path: String, _ bytes: [UInt8]) -> Outcome {
        if FileBytes.read(site + "/" + path) == bytes { return .alreadyThere }
        summary.addKept(path)
        return .keptExisting
    }

    /// Makes the folders of `relative` that are missing, each listed in the journal (so `remove` can take them
    /// away again once they are empty).
    private func makeFolders(_ relative: String) throws {
        var path = ""
        for part in relative.split(separator: "/") {
            path += (path.isEmpty ? "" : "/") + part
            if DirectoryListing.kind(of: site + "/" + path) == nil {
                try journal?.append(.init(kind: .folder, key: "", path: path, checksum: "-"))
                try makeFolder(site + "/" + path)
            }
        }
    }

    private func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw cannotWrite(path, errno) }
    }

    private func writeFile(_ path: String, _ text: String, shownAs name: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw cannotWrite(name, errno) }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { SystemWrite.some(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                unlink(path)
                throw cannotWrite(name, code)
            }
            offset += written
        }
    }

    private func cannotWrite(_ path: String, _ code: Int32) -> ImportError {
        ImportError(location: path, message: "cannot write: \(String(cString: strerror(code)))",
                    hint: "free some space or fix the folder's permissions, then run the same command again: it resumes where it stopped")
    }
}
