import Foundation

/// Reads a Stack Exchange data dump (https://meta.stackexchange.com/a/2678) and hands over its questions, answers
/// and authors, one at a time, in the order an `ImportSink` needs: every author before the posts, each question
/// before its answers.
///
/// Memory stays small whatever the dump's size: the files are streamed (`DumpRowScanner`), and what is kept are
/// sets of post and user ids, the names of askers, the dump's tag names and, per post, where its latest body
/// revision is in PostHistory.xml. The passes:
/// 1. Tags.xml: the tags' Qanda names, in the dump's order.
/// 2. Posts.xml, first look: which posts are questions, which answers are accepted, who answered or edited.
/// 3. PostHistory.xml (when there): where each post's latest body revision is (Markdown, as its author wrote it).
/// 4. Users.xml: an author for each user who answered or edited; the names of askers.
/// 5. Posts.xml again: each question, then its answers, bodies read from PostHistory.xml by offset (or converted
///    from the HTML of Posts.xml). An answer that comes before its question (merged questions) is read again,
///    by offset, right after its question.
package struct StackExchangeReader {
    package struct Options: Sendable {
        /// A dump tag (`c++`) -> the category of the questions it is on. The first of a question's tags found here
        /// names its category; without one, the question's first tag does.
        package var categoryMap: [String: String]

        package init(categoryMap: [String: String] = [:]) {
            self.categoryMap = categoryMap
        }
    }

    package struct Progress: Sendable, Equatable {
        package enum Phase: String, Sendable {
            case tags = "Reading Tags.xml"
            case scanning = "Scanning Posts.xml"
            case history = "Indexing PostHistory.xml"
            case users = "Reading Users.xml"
            case posts = "Importing Posts.xml"
        }
        package var phase: Phase
        package var bytesDone: Int64
        package var bytesTotal: Int64
    }

    package struct Summary: Sendable, Equatable {
        package var questions = 0
        package var answers = 0
        package var authors = 0
        package var skipped = 0
        /// Bodies taken from PostHistory.xml's Markdown, and bodies converted from HTML.
        package var bodiesFromHistory = 0
        package var bodiesFromHTML = 0
    }

    package let dump: StackExchangeDump
    package var options: Options

    package init(dump: StackExchangeDump, options: Options = Options()) {
        self.dump = dump
        self.options = options
    }

    /// Reads the whole dump into `sink`. Throws `StackExchangeDumpError` for a dump that cannot be read (a file
    /// missing, malformed XML, text that is not UTF-8); single posts that cannot be imported are skipped and
    /// reported to the sink with their line and the reason.
    @discardableResult
    package func read(into sink: inout some ImportSink, progress: @escaping (Progress) -> Void = { _ in }) throws -> Summary {
        var reading = Reading(dump: dump, options: options, progress: progress)
        try reading.readTags()
        try reading.scanPosts()
        try reading.indexHistory()
        try reading.readUsers(into: &sink)
        try reading.importPosts(into: &sink)
        return reading.summary
    }

    // MARK: Names

    /// The author id of a Stack Exchange user: `user-4281`; the Community user (-1) is `community`.
    package static func authorID(user: Int) -> String {
        user == -1 ? "community" : user < 0 ? "user-minus-\(-user)" : "user-\(user)"
    }

    /// The author id of a post's owner known only by name (a deleted or unregistered user): `guest-<name>`.
    package static func guestID(name: String) -> String {
        let slug = Slug.make(from: name)
        guard slug.isEmpty else { return "guest-" + slug }
        // A name with nothing to make a slug from (emoji): a stable number from its bytes (FNV-1a).
        let hash = name.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        return "guest-" + String(hash, radix: 16)
    }

    /// Posts whose owner left no trace (no user, no name).
    package static let deletedUserID = "deleted-user"

    /// A dump timestamp (UTC, `2009-03-05T22:28:34.823`) as a content date (`2009-03-05T22:28:34.823Z`).
    package static func date(_ text: String?) -> ContentDate? {
        guard var text = text?.trimmingCharacters(in: .whitespaces), text.count >= 10 else { return nil }
        if text.count > 10 && !text.hasSuffix("Z") && !text.dropFirst(19).contains(where: { $0 == "+" || $0 == "-" }) { text += "Z" }
        return ContentDate.parse(text)
    }

    static let postTypeNames = [3: "an orphaned tag wiki", 4: "a tag wiki excerpt", 5: "a tag wiki", 6: "a moderator nomination",
                                7: "a wiki placeholder", 8: "a privilege wiki", 9: "an article", 10: "a help article",
                                12: "a collection", 13: "a moderator questionnaire response", 14: "an announcement",
                                15: "a collective discussion", 17: "a collective collection"]
}

/// The state of one read through a dump.
private struct Reading {
    let dump: StackExchangeDump
    let options: StackExchangeReader.Options
    let progress: (StackExchangeReader.Progress) -> Void
    var summary = StackExchangeReader.Summary()
    var tagNames = StackExchangeTagNames()

    // From the first look at Posts.xml.
    var questionIDs = Set<Int32>()
    var postIDs = Set<Int32>()
    var acceptedAnswerIDs = Set<Int32>()
    /// Users who answered or edited: each gets an author file.
    var authorUsers = Set<Int32>()
    /// Users who asked: their display name becomes `asked_by`.
    var askerUsers = Set<Int32>()
    /// Answerers and editors known by name only: author id -> display name.
    var guestAuthors: [String: String] = [:]
    var needsDeletedUser = false

    var history = PostHistoryIndex()
    var askerNames: [Int32: String] = [:]

    // While importing.
    var writtenQuestions = Set<Int32>()
    /// Questions left out, with their place (`Posts.xml:12`), so their answers say why they are left out too.
    var leftOutQuestions: [Int32: String] = [:]
    /// Answers met before their question: where to read them again.
    var waitingAnswers: [Int32: [(offset: Int64, length: Int, line: Int)]] = [:]

    init(dump: StackExchangeDump, options: StackExchangeReader.Options, progress: @escaping (StackExchangeReader.Progress) -> Void) {
        self.dump = dump
        self.options = options
        self.progress = progress
    }

    private func scanner(_ path: String) throws -> DumpRowScanner {
        try DumpRowScanner(path: path, displayPath: path)
    }

    private var postsName: String { (dump.posts as NSString).lastPathComponent }

    /// Every row of a file, with progress every few hundred rows.
    private static func eachRow(_ scanner: DumpRowScanner, _ phase: StackExchangeReader.Progress.Phase,
                                progress: (StackExchangeReader.Progress) -> Void, _ body: (DumpRow) throws -> Void) throws {
        progress(.init(phase: phase, bytesDone: 0, bytesTotal: scanner.fileSize))
        var count = 0
        while let row = try scanner.next() {
            try body(row)
            count += 1
            if count % 512 == 0 { progress(.init(phase: phase, bytesDone: scanner.bytesRead, bytesTotal: scanner.fileSize)) }
        }
        progress(.init(phase: phase, bytesDone: scanner.fileSize, bytesTotal: scanner.fileSize))
    }

    private static func id(_ row: DumpRow, _ name: String) -> Int32? { row.int(name).flatMap { Int32(exactly: $0) } }

    // MARK: Passes

    mutating func readTags() throws {
        try Self.eachRow(try scanner(dump.tags), .tags, progress: progress) { row in
            if let name = row.string("TagName"), !name.isEmpty { _ = tagNames.name(for: name) }
        }
    }

    mutating func scanPosts() throws {
        try Self.eachRow(try scanner(dump.posts), .scanning, progress: progress) { row in
            guard let id = Self.id(row, "Id") else { return }
            switch row.int("PostTypeId") {
            case 1:
                questionIDs.insert(id)
                postIDs.insert(id)
                if let accepted = Self.id(row, "AcceptedAnswerId") { acceptedAnswerIDs.insert(accepted) }
                if let asker = Self.id(row, "OwnerUserId") { askerUsers.insert(asker) }
            case 2:
                postIDs.insert(id)
                noteAuthor(row, user: "OwnerUserId", name: "OwnerDisplayName", required: true)
            default:
                return
            }
            noteAuthor(row, user: "LastEditorUserId", name: "LastEditorDisplayName", required: false)
        }
    }

    private mutating func noteAuthor(_ row: DumpRow, user: String, name: String, required: Bool) {
        if let user = Self.id(row, user) {
            authorUsers.insert(user)
        } else if let name = row.string(name)?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            let id = StackExchangeReader.guestID(name: name)
            if guestAuthors[id] == nil { guestAuthors[id] = name }
        } else if required {
            needsDeletedUser = true
        }
    }

    mutating func indexHistory() throws {
        guard let path = dump.postHistory else { return }
        try Self.eachRow(try scanner(path), .history, progress: progress) { row in
            guard let type = row.int("PostHistoryTypeId"), PostHistoryIndex.bodyRevisionTypes.contains(type),
                  let post = Self.id(row, "PostId"), postIDs.contains(post), row.has("Text") else { return }
            history.note(post: post, offset: row.offset, length: row.length, stamp: PostHistoryIndex.stamp(of: row.string("CreationDate") ?? ""))
        }
    }

    mutating func readUsers(into sink: inout some ImportSink) throws {
        var written = Set<Int32>()
        try Self.eachRow(try scanner(dump.users), .users, progress: progress) { row in
            guard let id = Self.id(row, "Id") else { return }
            let displayName = row.string("DisplayName")?.trimmingCharacters(in: .whitespaces)
            let name = displayName.flatMap { $0.isEmpty ? nil : $0 } ?? "user\(id)"
            if askerUsers.contains(id) { askerNames[id] = name }
            guard authorUsers.contains(id), !written.contains(id) else { return }
            let profile = "\(dump.siteURL)/users/\(id)"
            let bio = HTMLToMarkdown(pageURL: profile).convert(row.string("AboutMe") ?? "")
            try sink.author(ImportedAuthor(id: StackExchangeReader.authorID(user: Int(id)), name: name, naming: .screenName,
                                           url: profile, bio: bio, location: row.location(in: (dump.users as NSString).lastPathComponent)))
            written.insert(id)
            summary.authors += 1
        }
        // Users the posts name who are not in Users.xml: Stack Exchange shows them as "user123".
        for id in authorUsers.subtracting(written).sorted() {
            try sink.author(ImportedAuthor(id: StackExchangeReader.authorID(user: Int(id)), name: "user\(id)", naming: .screenName))
            summary.authors += 1
        }
        for (id, name) in guestAuthors.sorted(by: { $0.key < $1.key }) {
            try sink.author(ImportedAuthor(id: id, name: name, naming: .screenName))
            summary.authors += 1
        }
        if needsDeletedUser {
            try sink.author(ImportedAuthor(id: StackExchangeReader.deletedUserID, name: "Deleted user", naming: .screenName))
            summary.authors += 1
        }
        authorUsers = []
        guestAuthors = [:]
    }

    mutating func importPosts(into sink: inout some ImportSink) throws {
        let posts = try scanner(dump.posts)
        let revisions = try dump.postHistory.map { try scanner($0) }
        try Self.eachRow(posts, .posts, progress: progress) { row in
            guard let id = Self.id(row, "Id") else {
                return skip(row, "a row without an Id (or one that is not a whole number): not a post", into: &sink)
            }
            switch row.int("PostTypeId") {
            case 1:
                try importQuestion(row, id: id, posts: posts, revisions: revisions, into: &sink)
            case 2:
                try importAnswer(row, id: id, revisions: revisions, into: &sink)
            case let type?:
                let kind = StackExchangeReader.postTypeNames[type] ?? "a post of another kind"
                skip(row, "post \(id) is \(kind) (PostTypeId \(type)), not a question or an answer", into: &sink)
            case nil:
                skip(row, "post \(id) has no PostTypeId: neither a question nor an answer", into: &sink)
            }
        }
        // Answers whose question never came (Posts.xml changed between the passes).
        for (question, places) in waitingAnswers.sorted(by: { $0.key < $1.key }) {
            for place in places {
                sink.skip(ImportSkip(location: "\(postsName):\(place.line)", reason: "its question (post \(question)) was not found on the second reading of \(postsName)"))
                summary.skipped += 1
            }
        }
    }

    // MARK: Posts

    private mutating func importQuestion(_ row: DumpRow, id: Int32, posts: DumpRowScanner, revisions: DumpRowScanner?,
                                         into sink: inout some ImportSink) throws {
        guard !writtenQuestions.contains(id) else {
            return skip(row, "question \(id) appears a second time in \(postsName): the first one is imported", into: &sink)
        }
        guard let title = row.string("Title")?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty else {
            return leaveOut(row, id: id, "question \(id) has no Title", into: &sink)
        }
        guard let date = StackExchangeReader.date(row.string("CreationDate")) else {
            return leaveOut(row, id: id, "question \(id) has no CreationDate that is a date (\(row.string("CreationDate") ?? "none"))", into: &sink)
        }
        let dumpTags = StackExchangeTagNames.split(row.string("Tags") ?? "")
        let tags = dumpTags.map { tagNames.name(for: $0) }
        var mapped: String?
        for tag in dumpTags where mapped == nil { mapped = options.categoryMap[tag] ?? options.categoryMap[tag.lowercased()] }
        let asker: String? = if let user = Self.id(row, "OwnerUserId") {
            askerNames[user] ?? "user\(user)"
        } else {
            row.string("OwnerDisplayName").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        let question = ImportedQuestion(
            originalID: String(id), title: title, date: date, updated: updated(row, after: date),
            category: mapped ?? tags.first ?? "Untagged", tags: tags, votes: row.int("Score"), askedBy: asker,
            editedBy: editor(row), genre: "forum-post",
            body: try body(row, post: id, question: id, revisions: revisions),
            source: source(row, path: "q/\(id)"), location: row.location(in: postsName))
        try sink.question(question)
        writtenQuestions.insert(id)
        summary.questions += 1
        for place in waitingAnswers.removeValue(forKey: id) ?? [] {
            let answer = try posts.row(at: place.offset, length: place.length, line: place.line)
            if let answerID = Self.id(answer, "Id") { try importAnswer(answer, id: answerID, revisions: revisions, into: &sink) }
        }
    }

    private mutating func importAnswer(_ row: DumpRow, id: Int32, revisions: DumpRowScanner?, into sink: inout some ImportSink) throws {
        guard let parent = Self.id(row, "ParentId") else {
            return skip(row, "answer \(id) has no ParentId, so it belongs to no question", into: &sink)
        }
        if let place = leftOutQuestions[parent] {
            return skip(row, "answer \(id) belongs to question \(parent), which was left out (\(place))", into: &sink)
        }
        guard questionIDs.contains(parent) else {
            return skip(row, "answer \(id) belongs to post \(parent), which is not a question in \(postsName): it was deleted, "
                        + "or the dump is incomplete (if so, extract the whole dump again and rerun the import)", into: &sink)
        }
        guard writtenQuestions.contains(parent) else {
            waitingAnswers[parent, default: []].append((row.offset, row.length, row.line))
            return
        }
        guard let date = StackExchangeReader.date(row.string("CreationDate")) else {
            return skip(row, "answer \(id) has no CreationDate that is a date (\(row.string("CreationDate") ?? "none"))", into: &sink)
        }
        let author: String = if let user = Self.id(row, "OwnerUserId") {
            StackExchangeReader.authorID(user: Int(user))
        } else if let name = row.string("OwnerDisplayName")?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            StackExchangeReader.guestID(name: name)
        } else {
            StackExchangeReader.deletedUserID
        }
        let answer = ImportedAnswer(
            originalID: String(id), authorID: author, date: date, updated: updated(row, after: date), votes: row.int("Score"),
            accepted: acceptedAnswerIDs.contains(id), editedBy: editor(row),
            body: try body(row, post: id, question: parent, revisions: revisions), source: source(row, path: "a/\(id)"),
            location: row.location(in: postsName))
        try sink.answer(answer, toQuestion: String(parent))
        summary.answers += 1
    }

    /// `LastEditDate`, when it is a date not before the post's.
    private func updated(_ row: DumpRow, after date: ContentDate) -> ContentDate? {
        guard let edited = StackExchangeReader.date(row.string("LastEditDate")), !(edited < date), edited != date else { return nil }
        return edited
    }

    private func editor(_ row: DumpRow) -> String? {
        if let user = Self.id(row, "LastEditorUserId") { return StackExchangeReader.authorID(user: Int(user)) }
        if let name = row.string("LastEditorDisplayName")?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
            return StackExchangeReader.guestID(name: name)
        }
        return nil
    }

    private func source(_ row: DumpRow, path: String) -> ImportedSource {
        let license = StackExchangeLicense.license(contentLicense: row.string("ContentLicense"),
                                                   revisionDate: row.string("LastEditDate") ?? row.string("CreationDate") ?? "")
        return ImportedSource(url: "\(dump.siteURL)/\(path)", license: license.name, licenseURL: license.url)
    }

    /// The Markdown of the post's latest body revision in PostHistory.xml; else its HTML body, converted.
    private mutating func body(_ row: DumpRow, post: Int32, question: Int32, revisions: DumpRowScanner?) throws -> String {
        let page = "\(dump.siteURL)/questions/\(question)/"
        let converter = HTMLToMarkdown(pageURL: page)
        if let revisions, let entry = history[post] {
            let revision = try revisions.row(at: entry.offset, length: Int(entry.length), line: 0)
            if let text = revision.string("Text") {
                summary.bodiesFromHistory += 1
                let markdown = MarkdownLinkRebaser.rebase(ByteText.unixLineEnds(text), resolve: converter.resolve)
                return markdown.hasSuffix("\n") || markdown.isEmpty ? markdown : markdown + "\n"
            }
        }
        summary.bodiesFromHTML += 1
        return converter.convert(row.string("Body") ?? "")
    }

    // MARK: Skips

    private mutating func skip(_ row: DumpRow, _ reason: String, into sink: inout some ImportSink) {
        sink.skip(ImportSkip(location: row.location(in: postsName), reason: reason))
        summary.skipped += 1
    }

    /// A question that cannot be imported, and the answers already waiting for it.
    private mutating func leaveOut(_ row: DumpRow, id: Int32, _ reason: String, into sink: inout some ImportSink) {
        let place = row.location(in: postsName)
        skip(row, reason, into: &sink)
        leftOutQuestions[id] = place
        for waiting in waitingAnswers.removeValue(forKey: id) ?? [] {
            sink.skip(ImportSkip(location: "\(postsName):\(waiting.line)", reason: "its question (post \(id)) was left out (\(place))"))
            summary.skipped += 1
        }
    }
}
