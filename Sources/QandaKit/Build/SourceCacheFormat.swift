import Foundation

/// What a build read, file by file, written for the next build: the parsed threads, authors and pages with their
/// diagnostics, so that after an edit only changed files are read and parsed again. A plain binary layout written
/// and read field by field: Codable through JSON made a cache larger and slower to read than the sources
/// themselves. Any change to the models must bump `version` (old caches are then ignored) and is held by
/// `SourceCacheFormatTests`, which compares builds from the cache with clean builds.
///
/// `.qanda-cache/sources.bin` holds the scan, qanda.yml, authors and pages; the threads are spread over
/// `shardCount` files `threads-NN.bin` by their folder name, so that after one edit a build rewrites one
/// shard (2 MB at 10,000 questions) rather than the whole 125 MB, and reads the shards on all cores.
enum SourceCacheFormat {
    static let version: UInt32 = 4
    static let magic = Array("QSRC".utf8)
    static let threadsMagic = Array("QTHR".utf8)
    static let shardCount = 64

    /// The shard that holds a thread folder's record.
    static func shard(of folder: String) -> Int {
        var key = Fingerprint()
        key.add(folder)
        return Int(key.value % UInt64(shardCount))
    }

    static func shardFileName(_ shard: Int) -> String { "threads-\(shard < 10 ? "0" : "")\(shard).bin" }

    /// Per shard, what its file's contents follow from: the format, what every thread's loading depends on
    /// (qanda.yml, the loader options, which author ids exist; `SiteLoader.load(reusing:)` reads every thread
    /// again when one of them changed) and each of its folders' scan. Equal identities mean equal bytes, so a
    /// shard whose identity did not change since the cache was read is not written again.
    static func shardIdentities(scan: SourceScan, loaded: LoadedSources) -> [UInt64] {
        var common = Fingerprint()
        common.add(Int(version))
        common.add(loaded.configBytes ?? [])
        common.add(loaded.options?.baseURLOverride)
        common.add(loaded.options?.linksOnly ?? false)
        for id in loaded.authorIDs.sorted() { common.add(id) }
        // Each folder's part is added up, so that the order the folders come in does not matter.
        var sums = Array(repeating: UInt64(0), count: shardCount)
        for (folder, key) in scan.threads {
            var part = Fingerprint()
            part.add(folder)
            part.add(key.value)
            sums[shard(of: folder)] &+= part.value
        }
        return sums.map { sum in
            var identity = common
            identity.add(sum)
            return identity.value
        }
    }

    /// - Parameter flush: called with the bytes written so far whenever they pass a megabyte, and at the end:
    ///   the cache is streamed to its file rather than held whole in memory.
    static func encode(scan: SourceScan, loaded: LoadedSources, flush: @escaping ([UInt8]) throws -> Void) throws {
        var out = ByteWriter(flush: flush)
        out.bytes += magic
        out.int(Int(version))
        out.scan(scan)
        out.bytesArray(loaded.configBytes)
        out.optional(loaded.options) { out, key in
            out.optional(key.baseURLOverride) { $0.string($1) }
            out.bool(key.linksOnly)
        }
        out.strings(loaded.authorIDs.sorted())
        out.strings(loaded.authorPhotos.sorted())
        out.results(loaded.authors) { $0.author($1) }
        out.results(loaded.pages) { $0.page($1) }
        try out.flushAll()
    }

    /// Everything but the threads, which `decodeThreads` reads from the shards.
    static let listingsMagic = Array("QLST".utf8)

    /// `listings.bin`: per thread folder, its name, its stamp and its file names.
    static func encodeListings(_ listings: [String: SourceScan.FolderListing]) -> [UInt8] {
        var out = ByteWriter()
        out.bytes = listingsMagic
        out.int(Int(version))
        out.int(listings.count)
        for (folder, listing) in listings {  // in no particular order: read back into a dictionary
            out.string(folder)
            out.int(listing.stamp.count)
            for value in listing.stamp { out.int(value) }
            out.strings(listing.names)
        }
        return out.bytes
    }

    static func decodeListings(_ file: MappedFile) -> [String: SourceScan.FolderListing]? {
        var input = ByteReader(file: file)
        guard input.expect(listingsMagic), input.int() == Int(version) else { return nil }
        var listings: [String: SourceScan.FolderListing] = [:]
        let count = input.count()
        listings.reserveCapacity(count)
        for _ in 0..<count {
            let folder = input.string()
            let stamp = (0..<input.count()).map { _ in input.int() }
            listings[folder] = SourceScan.FolderListing(stamp: stamp, names: input.strings())
        }
        return input.failed ? nil : listings
    }

    static func decode(_ file: MappedFile) -> (SourceScan, LoadedSources)? {
        var input = ByteReader(file: file)
        guard input.expect(magic), input.int() == Int(version) else { return nil }
        let scan = input.scan()
        var loaded = LoadedSources()
        loaded.configBytes = input.bytesArray()
        loaded.options = input.optional { input in
            let override = input.optional { $0.string() }
            var key = LoadedSources.OptionsKey(SiteLoader.Options())
            key.baseURLOverride = override
            key.linksOnly = input.bool()
            return key
        }
        loaded.authorIDs = Set(input.strings())
        loaded.authorPhotos = Set(input.strings())
        loaded.authors = input.results { $0.author() }
        loaded.pages = input.results { $0.page() }
        return input.failed ? nil : (scan, loaded)
    }

    /// One shard: the threads of `loaded` whose folder falls in it.
    static func encodeThreads(_ threads: [String: LoadedSources.Result<ThreadLoader.Loaded>],
                              flush: @escaping ([UInt8]) throws -> Void) throws {
        var out = ByteWriter(flush: flush)
        out.bytes += threadsMagic
        out.int(Int(version))
        out.results(threads) { $0.loaded($1) }
        try out.flushAll()
    }

    /// The bodies stay bytes of `file` until read (`LazyText`).
    static func decodeThreads(_ file: MappedFile) -> [String: LoadedSources.Result<ThreadLoader.Loaded>]? {
        var input = ByteReader(file: file)
        guard input.expect(threadsMagic), input.int() == Int(version) else { return nil }
        let threads = input.results { $0.loaded() }
        return input.failed ? nil : threads
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []
    /// File names of source locations, written once each: a file has a location per key and per link.
    private var files: [String: Int] = [:]
    private var flush: (([UInt8]) throws -> Void)?
    private var flushError: Error?

    init(flush: (([UInt8]) throws -> Void)? = nil) { self.flush = flush }

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
    mutating func locations(_ values: [String: SourceLocation]) {
        int(values.count)
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            string(key)
            location(value)
        }
    }

    mutating func loaded(_ value: ThreadLoader.Loaded) {
        let thread = value.thread, question = thread.question
        string(thread.folder)
        string(thread.slug)
        strings(thread.attachments)
        fingerprint(thread.fingerprint)
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
        fingerprint(question.fingerprint)
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
            fingerprint(answer.fingerprint)
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
        fingerprint(value.fingerprint)
    }

    mutating func page(_ value: Page) {
        string(value.slug)
        string(value.title)
        optional(value.description) { $0.string($1) }
        optional(value.date) { $0.date($1) }
        optional(value.updated) { $0.date($1) }
        bool(value.isDraft)
        string(value.bodyHTML)
        location(value.source)
        links(value.links)
        fingerprint(value.fingerprint)
    }
}

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
            values[name] = LoadedSources.Result(value, diagnostics)
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
        let folder = string(), slug = string(), attachments = strings(), threadFingerprint = fingerprint()
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
        let source = location(), keyLocations = locations(), bodyLinks = links(), questionFingerprint = fingerprint()
        var question = Question(title: title, date: askedOn, updated: updated, review: review, askedBy: askedBy, category: category,
                                tags: tags, votes: votes, aliases: aliases, description: description, citationTitle: citationTitle,
                                sentenceCaseTitle: sentenceCaseTitle, genre: genre, isDraft: isDraft, bodyHTML: "", summary: summary, plainText: "",
                                source: source, locations: keyLocations, links: bodyLinks)
        question.fingerprint = questionFingerprint
        question.$bodyHTML = bodyHTML
        question.$plainText = plainText
        let answers = (0..<count()).map { _ -> Answer in
            let id = string(), authorID = string(), answeredOn = date(), updated = optional { $0.date() }, votes = optional { $0.int() }
            let isAccepted = bool(), isDraft = bool(), bodyHTML = lazyText(), plainText = lazyText()
            let source = location(), answerLinks = links()
            var answer = Answer(id: id, authorID: authorID, date: answeredOn, updated: updated, votes: votes, isAccepted: isAccepted,
                                isDraft: isDraft, bodyHTML: "", plainText: "", source: source, links: answerLinks)
            answer.$bodyHTML = bodyHTML
            answer.$plainText = plainText
            answer.fingerprint = fingerprint()
            return answer
        }
        var thread = Thread(folder: folder, slug: slug, question: question, answers: answers, attachments: attachments)
        thread.fingerprint = threadFingerprint
        let reviewerLocation = optional { $0.location() }
        let answerAuthorLocations = locations()
        return ThreadLoader.Loaded(thread: thread, reviewerLocation: reviewerLocation, answerAuthorLocations: answerAuthorLocations,
                                   aliasLocation: location())
    }

    mutating func author() -> Author {
        let id = string(), name = string()
        let given = optional { $0.string() }, family = optional { $0.string() }, suffix = optional { $0.string() }
        let kind = Author.Kind(rawValue: string()) ?? .person
        let isReviewer = bool()
        let credentials = optional { $0.string() }, role = optional { $0.string() }, affiliation = optional { $0.string() }
        let orcid = optional { $0.string() }, url = optional { $0.string() }, photo = optional { $0.string() }
        let bioHTML = string(), source = location(), linksInBio = links()
        var author = Author(id: id, name: name, given: given, family: family, suffix: suffix, kind: kind, isReviewer: isReviewer,
                            credentials: credentials, role: role, affiliation: affiliation, orcid: orcid, url: url, photo: photo,
                            bioHTML: bioHTML, source: source, bioLinks: linksInBio)
        author.fingerprint = fingerprint()
        return author
    }

    mutating func page() -> Page {
        let slug = string(), title = string(), description = optional { $0.string() }
        let written = optional { $0.date() }, updated = optional { $0.date() }
        let isDraft = bool(), bodyHTML = string(), source = location(), pageLinks = links()
        var page = Page(slug: slug, title: title, description: description, date: written, updated: updated, isDraft: isDraft,
                        bodyHTML: bodyHTML, source: source, links: pageLinks)
        page.fingerprint = fingerprint()
        return page
    }
}
