import Foundation

/// Writes the binary files of the build cache: integers little-endian, strings and byte arrays with their
/// length, source files named once each. `ByteReader` reads them back.
struct ByteWriter {
    var bytes: [UInt8] = []
    /// File names of source locations, written once each: a file has a location per key and per link.
    private var files: [String: Int] = [:]
    private var flush: (([UInt8]) throws -> Void)?
    private var flushError: Error?

    init(flush: (([UInt8]) throws -> Void)? = nil) { self.flush = flush }

    /// A cache file's first bytes: its tag and `CacheFormat.version`.
    mutating func header(_ tag: String) {
        bytes += Array(tag.utf8)
        int(CacheFormat.version)
    }

    /// Hands what was written to `flush` once it passes a megabyte (between whole records).
    mutating func flushIfLarge() {
        guard bytes.count >= 1 << 20, flushError == nil, let flush else { return }
        do { try flush(bytes) } catch { flushError = error }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func flushAll() throws {
        if let flushError { throw flushError }
        if let flush { try flush(bytes) }
        bytes.removeAll()
    }

    mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes += $0 } }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes += utf8
        }
    }
    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }
    mutating func bytesArray(_ value: [UInt8]?) {
        int(value.map(\.count) ?? -1)
        if let value { bytes += value }
    }
    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }
    mutating func fingerprint(_ value: Fingerprint) { int(Int(bitPattern: UInt(value.value))) }

    mutating func results<T>(_ values: [String: LoadedSources.Result<T>], _ write: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for (name, result) in values.sorted(by: { $0.key < $1.key }) {
            string(name)
            optional(result.value, write)
            int(result.diagnostics.count)
            for diagnostic in result.diagnostics { self.diagnostic(diagnostic) }
            fingerprint(result.fingerprint)
            flushIfLarge()
        }
    }

    mutating func scan(_ scan: SourceScan) {
        fingerprint(scan.total)
        fingerprint(scan.authors)
        fingerprint(scan.pages)
        int(scan.threads.count)
        for (folder, key) in scan.threads.sorted(by: { $0.key < $1.key }) {
            string(folder)
            fingerprint(key)
        }
    }

    mutating func location(_ value: SourceLocation) {
        if let index = files[value.file] {
            int(index)
        } else {
            files[value.file] = files.count
            int(-1)
            string(value.file)
        }
        int(value.line)
        int(value.column)
    }
    mutating func diagnostic(_ value: Diagnostic) {
        string(value.code.rawValue)
        string(value.severity.rawValue)
        string(value.file)
        int(value.line)
        int(value.column)
        string(value.message)
        optional(value.hint) { $0.string($1) }
    }
    mutating func date(_ value: ContentDate) {
        int(value.year)
        int(value.month)
        int(value.day)
        optional(value.instant) { $0.int(Int(($1.timeIntervalSince1970 * 1000).rounded())) }
        string(value.text)
    }
    mutating func links(_ values: [BodyLink]) {
        int(values.count)
        for link in values {
            string(link.url)
            bool(link.isImage)
            location(link.location)
        }
    }
    mutating func withdrawal(_ value: Withdrawal?) {
        optional(value) { out, withdrawal in
            out.date(withdrawal.date)
            out.string(withdrawal.reason)
        }
    }
    mutating func attribution(_ value: Attribution?) {
        optional(value) { out, attribution in
            out.string(attribution.url)
            out.optional(attribution.license) { $0.string($1) }
            out.optional(attribution.licenseURL) { $0.string($1) }
        }
    }
    mutating func locations(_ values: [String: SourceLocation]) {
        int(values.count)
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            string(key)
            location(value)
        }
    }

    mutating func translationPart(_ part: ThreadTranslation.Part) {
        optional(part.title) { $0.string($1) }
        optional(part.description) { $0.string($1) }
        date(part.date)
        string(part.bodyHTML)
        string(part.summary)
        string(part.plainText)
        location(part.source)
        links(part.links)
    }

    mutating func loaded(_ value: ThreadLoader.Loaded) {
        let thread = value.thread, question = thread.question
        string(thread.folder)
        string(thread.slug)
        strings(thread.attachments)
        string(question.title)
        date(question.date)
        optional(question.updated) { $0.date($1) }
        optional(question.review) { out, review in
            out.string(review.reviewerID)
            out.date(review.date)
        }
        optional(question.askedBy) { $0.string($1) }
        string(question.category)
        strings(question.tags)
        optional(question.votes) { $0.int($1) }
        strings(question.aliases)
        optional(question.description) { $0.string($1) }
        optional(question.citationTitle) { $0.string($1) }
        optional(question.sentenceCaseTitle) { $0.string($1) }
        optional(question.genre) { $0.string($1.rawValue) }
        bool(question.isDraft)
        string(question.bodyHTML)
        string(question.summary)
        string(question.plainText)
        location(question.source)
        locations(question.locations)
        links(question.links)
        withdrawal(question.withdrawal)
        optional(question.editedBy) { $0.string($1) }
        attribution(question.attribution)
        int(thread.answers.count)
        for answer in thread.answers {
            string(answer.id)
            string(answer.authorID)
            date(answer.date)
            optional(answer.updated) { $0.date($1) }
            optional(answer.votes) { $0.int($1) }
            bool(answer.isAccepted)
            bool(answer.isDraft)
            string(answer.bodyHTML)
            string(answer.plainText)
            location(answer.source)
            links(answer.links)
            withdrawal(answer.withdrawal)
            optional(answer.editedBy) { $0.string($1) }
            attribution(answer.attribution)
        }
        int(thread.translations.count)
        for translation in thread.translations {
            string(translation.language)
            translationPart(translation.question)
            int(translation.answers.count)
            for (id, part) in translation.answers.sorted(by: { $0.key < $1.key }) {
                string(id)
                translationPart(part)
            }
        }
        optional(value.reviewerLocation) { $0.location($1) }
        locations(value.answerAuthorLocations)
        location(value.aliasLocation)
    }

    mutating func author(_ value: Author) {
        for text in [value.id, value.name] { string(text) }
        for text in [value.given, value.family, value.suffix] { optional(text) { $0.string($1) } }
        string(value.kind.rawValue)
        bool(value.isReviewer)
        for text in [value.credentials, value.role, value.affiliation, value.orcid, value.url, value.photo] {
            optional(text) { $0.string($1) }
        }
        string(value.bioHTML)
        location(value.source)
        links(value.bioLinks)
        optional(value.language) { $0.string($1) }
    }

    mutating func page(_ value: FreePage) {
        string(value.slug)
        string(value.title)
        optional(value.description) { $0.string($1) }
        optional(value.date) { $0.date($1) }
        optional(value.updated) { $0.date($1) }
        bool(value.isDraft)
        string(value.bodyHTML)
        location(value.source)
        links(value.links)
    }
}
