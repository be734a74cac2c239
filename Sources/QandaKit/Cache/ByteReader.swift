import Foundation

/// Reads what `ByteWriter` wrote. A short or damaged file sets `failed` (and yields empty values) rather than
/// crashing: the cache is then ignored.
struct ByteReader {
    /// Held so that texts read lazily (`lazyText`) keep pointing at live bytes.
    let file: MappedFile
    private let bytes: UnsafeRawBufferPointer
    var offset = 0
    var failed = false
    private var files: [String] = []

    init(file: MappedFile) {
        self.file = file
        bytes = file.bytes
    }

    /// The next `count` bytes as a range of the file's.
    mutating func range(_ count: Int) -> Range<Int> {
        guard count >= 0, count <= bytes.count - offset else {
            failed = true
            offset = bytes.count
            return offset..<offset
        }
        defer { offset += count }
        return offset..<offset + count
    }

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[range(count)]) }

    /// Whether the next bytes are `expected`.
    mutating func expect(_ expected: [UInt8]) -> Bool { take(expected.count).elementsEqual(expected) }

    /// Whether the file starts with `ByteWriter.header(tag)` of this `CacheFormat.version`.
    mutating func expectHeader(_ tag: String) -> Bool { expect(Array(tag.utf8)) && int() == CacheFormat.version }

    mutating func int() -> Int {
        let at = range(8)
        guard at.count == 8 else { return 0 }
        return Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: at.lowerBound, as: Int64.self)))
    }
    mutating func bool() -> Bool { take(1).first == 1 }
    mutating func string() -> String { String(decoding: take(int()), as: UTF8.self) }
    /// A string left as bytes of the file until something reads it.
    mutating func lazyText() -> LazyText { LazyText(file, range(int())) }
    mutating func strings() -> [String] {
        let count = int()
        guard count >= 0, count <= bytes.count - offset else { failed = true; return [] }
        return (0..<count).map { _ in string() }
    }
    mutating func bytesArray() -> [UInt8]? {
        let count = int()
        return count < 0 ? nil : Array(take(count))
    }
    mutating func optional<T>(_ read: (inout ByteReader) -> T) -> T? { bool() ? read(&self) : nil }
    mutating func fingerprint() -> Fingerprint { Fingerprint(value: UInt64(bitPattern: Int64(int()))) }
    /// A count that cannot be larger than what is left (each item takes at least one byte).
    mutating func count() -> Int {
        let count = int()
        guard count >= 0, count <= bytes.count - offset else { failed = true; return 0 }
        return count
    }

    mutating func results<T>(_ read: (inout ByteReader) -> T) -> [String: LoadedSources.Result<T>] {
        let entries = count()
        var values: [String: LoadedSources.Result<T>] = [:]
        values.reserveCapacity(entries)
        for _ in 0..<entries {
            let name = string()
            let value = optional(read)
            let diagnostics = (0..<count()).map { _ in diagnostic() }
            values[name] = LoadedSources.Result(value, diagnostics, fingerprint())
        }
        return values
    }

    mutating func scan() -> SourceScan {
        var scan = SourceScan()
        scan.total = fingerprint()
        scan.authors = fingerprint()
        scan.pages = fingerprint()
        for _ in 0..<count() {
            let folder = string()
            scan.threads[folder] = fingerprint()
        }
        return scan
    }

    mutating func location() -> SourceLocation {
        var file = ""
        let index = int()
        if index == -1 {
            file = string()
            files.append(file)
        } else if files.indices.contains(index) {
            file = files[index]
        } else {
            failed = true
        }
        let line = int()
        return SourceLocation(file: file, line: line, column: int())
    }
    mutating func diagnostic() -> Diagnostic {
        let code = DiagnosticCode(rawValue: string())
        let severity = Diagnostic.Severity(rawValue: string())
        let file = string(), line = int(), column = int(), message = string()
        let hint = optional { $0.string() }
        if code == nil || severity == nil { failed = true }
        return Diagnostic(code ?? .unreadableFile, severity ?? .error, file: file, line: line, column: column, message: message, hint: hint)
    }
    mutating func date() -> ContentDate {
        let year = int(), month = int(), day = int()
        let instant = optional { Date(timeIntervalSince1970: Double($0.int()) / 1000) }
        return ContentDate(year: year, month: month, day: day, instant: instant, text: string())
    }
    mutating func links() -> [BodyLink] {
        (0..<count()).map { _ in
            let url = string()
            let isImage = bool()
            return BodyLink(url: url, isImage: isImage, location: location())
        }
    }
    mutating func withdrawal() -> Withdrawal? {
        optional { input in
            let date = input.date()
            return Withdrawal(date: date, reason: input.string())
        }
    }
    mutating func attribution() -> Attribution? {
        optional { input in
            let url = input.string(), license = input.optional { $0.string() }
            return Attribution(url: url, license: license, licenseURL: input.optional { $0.string() })
        }
    }
    mutating func locations() -> [String: SourceLocation] {
        let entries = count()
        var values: [String: SourceLocation] = [:]
        values.reserveCapacity(entries)  // grown one entry at a time, a dozen keys cost four reallocations
        for _ in 0..<entries {
            let key = string()
            values[key] = location()
        }
        return values
    }

    mutating func loaded() -> ThreadLoader.Loaded {
        let folder = string(), slug = string(), attachments = strings()
        let title = string(), askedOn = date(), updated = optional { $0.date() }
        let review = optional { input -> Review in
            let reviewer = input.string()
            return Review(reviewerID: reviewer, date: input.date())
        }
        let askedBy = optional { $0.string() }, category = string(), tags = strings(), votes = optional { $0.int() }
        let aliases = strings(), description = optional { $0.string() }, citationTitle = optional { $0.string() }
        let sentenceCaseTitle = optional { $0.string() }
        let genre = optional { CitationGenre(rawValue: $0.string()) } ?? nil
        let isDraft = bool(), bodyHTML = lazyText(), summary = string(), plainText = lazyText()
        let source = location(), keyLocations = locations(), bodyLinks = links(), questionWithdrawal = withdrawal()
        var question = Question(title: title, date: askedOn, updated: updated, review: review, askedBy: askedBy, category: category,
                                tags: tags, votes: votes, aliases: aliases, description: description, citationTitle: citationTitle,
                                sentenceCaseTitle: sentenceCaseTitle, genre: genre, isDraft: isDraft, bodyHTML: "", summary: summary, plainText: "",
                                source: source, locations: keyLocations, links: bodyLinks, withdrawal: questionWithdrawal)
        question.$bodyHTML = bodyHTML
        question.$plainText = plainText
        question.editedBy = optional { $0.string() }
        question.attribution = attribution()
        let answers = (0..<count()).map { _ -> Answer in
            let id = string(), authorID = string(), answeredOn = date(), updated = optional { $0.date() }, votes = optional { $0.int() }
            let isAccepted = bool(), isDraft = bool(), bodyHTML = lazyText(), plainText = lazyText()
            let source = location(), answerLinks = links(), answerWithdrawal = withdrawal()
            var answer = Answer(id: id, authorID: authorID, date: answeredOn, updated: updated, votes: votes, isAccepted: isAccepted,
                                isDraft: isDraft, bodyHTML: "", plainText: "", source: source, links: answerLinks,
                                withdrawal: answerWithdrawal)
            answer.$bodyHTML = bodyHTML
            answer.$plainText = plainText
            answer.editedBy = optional { $0.string() }
            answer.attribution = attribution()
            return answer
        }
        var thread = QuestionThread(folder: folder, slug: slug, question: question, answers: answers, attachments: attachments)
        thread.translations = (0..<count()).map { _ -> ThreadTranslation in
            let language = string(), question = translationPart()
            let answers = Dictionary(uniqueKeysWithValues: (0..<count()).map { _ in (string(), translationPart()) })
            return ThreadTranslation(language: language, question: question, answers: answers)
        }
        let reviewerLocation = optional { $0.location() }
        let answerAuthorLocations = locations()
        return ThreadLoader.Loaded(thread: thread, reviewerLocation: reviewerLocation, answerAuthorLocations: answerAuthorLocations,
                                   aliasLocation: location())
    }

    mutating func translationPart() -> ThreadTranslation.Part {
        let title = optional { $0.string() }, description = optional { $0.string() }, translatedOn = date()
        var part = ThreadTranslation.Part(title: title, description: description, date: translatedOn, bodyHTML: "", summary: "",
                                          plainText: "", source: SourceLocation(file: ""))
        part.$bodyHTML = lazyText()
        part.summary = string()
        part.$plainText = lazyText()
        part.source = location()
        part.links = links()
        return part
    }

    mutating func author() -> Author {
        let id = string(), name = string()
        let given = optional { $0.string() }, family = optional { $0.string() }, suffix = optional { $0.string() }
        let kind = Author.Kind(rawValue: string()) ?? .person
        let isReviewer = bool()
        let credentials = optional { $0.string() }, role = optional { $0.string() }, affiliation = optional { $0.string() }
        let orcid = optional { $0.string() }, url = optional { $0.string() }, photo = optional { $0.string() }
        let bioHTML = string(), source = location(), linksInBio = links(), language = optional { $0.string() }
        var author = Author(id: id, name: name, given: given, family: family, suffix: suffix, kind: kind, isReviewer: isReviewer,
                            credentials: credentials, role: role, affiliation: affiliation, orcid: orcid, url: url, photo: photo,
                            bioHTML: bioHTML, source: source, bioLinks: linksInBio)
        author.language = language
        return author
    }

    mutating func page() -> FreePage {
        let slug = string(), title = string(), description = optional { $0.string() }
        let written = optional { $0.date() }, updated = optional { $0.date() }
        let isDraft = bool(), bodyHTML = string(), source = location(), pageLinks = links()
        let page = FreePage(slug: slug, title: title, description: description, date: written, updated: updated, isDraft: isDraft,
                        bodyHTML: bodyHTML, source: source, links: pageLinks)
        return page
    }
}
