import Foundation

/// `qanda import csv`: reads a CSV file once, row by row, and hands its questions, authors and answers to a sink
/// in the order the sink needs (a question and the author before an answer). Rows with the same question id form
/// one thread wherever they are in the file; authors are handed over once per id. What it keeps between rows is
/// small: per question id, the thread(s) it made; per author, the id it gave.
package struct CSVImporter {
    package let map: CSVMap
    /// The date of every post whose row has none (`--date`).
    package let fallbackDate: ContentDate?
    private let path: String
    /// The CSV file as messages name it.
    private let file: String

    package init(map: CSVMap, csvPath: String, displayName: String, fallbackDate: ContentDate?) {
        self.map = map
        self.path = csvPath
        self.file = displayName
        self.fallbackDate = fallbackDate
    }

    /// A thread made from rows with one question id: what makes the question (title and body) and its original id.
    private struct Thread {
        var fingerprint: UInt64
        var originalID: String
        var line: Int
    }

    /// Every problem with the file's header against the map, at once: a column the map names that the file lacks
    /// (at the map's line), a column of the file the map does not name, a column named twice in the header.
    package func headerProblems(_ header: [String], headerLine: Int) -> [ImportError] {
        var problems: [ImportError] = []
        var seen: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if let first = seen[name] {
                problems.append(ImportError(location: "\(file):\(headerLine)",
                                            message: "column \(index + 1) has the same name as column \(first + 1): \(describe(name))",
                                            hint: "give each column its own name in the header"))
            }
            seen[name] = seen[name] ?? index
        }
        let named = map.namedColumns
        let namedSet = Set(named.map(\.name))
        for (name, location) in named where seen[name] == nil {
            let suggestion = Suggestion.closest(to: name, in: header)
            problems.append(ImportError(location: Self.position(location),
                                        message: "column \(describe(name)) is not in \(file)" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                                        hint: "its columns are: " + header.map(describe).joined(separator: ", ")))
        }
        for (index, name) in header.enumerated() where !namedSet.contains(name) {
            problems.append(ImportError(location: "\(file):\(headerLine)",
                                        message: "column \(index + 1), \(describe(name)), is not in the map \(map.file)",
                                        hint: "map it to a field, or list it under `ignore:` in \(map.file) (`ignore: [\(name.isEmpty ? "\"\"" : name)]`) to leave it out"))
        }
        if map.question[.date] == nil && fallbackDate == nil {
            problems.append(ImportError(location: map.file,
                                        message: "the map names no date column (`date:` under question), and --date is not given",
                                        hint: "pass --date YYYY-MM-DD, the day to give every post, or map the column that holds the dates"))
        }
        return problems
    }

    private func describe(_ name: String) -> String { name.isEmpty ? "the column with no name (\"\")" : "'\(name)'" }

    static func position(_ location: SourceLocation) -> String {
        location.line > 0 ? "\(location.file):\(location.line):\(location.column)" : location.file
    }

    /// The file's header against the map, before anything is written: throws every problem at once.
    package func checkHeader() throws {
        var reader = try CSVRecordReader(path: path, displayName: file, delimiter: map.delimiter)
        guard let header = try reader.next() else {
            throw ImportError(location: file, message: "the file is empty", hint: "export the CSV again, with a header row")
        }
        let problems = headerProblems(header.fields, headerLine: header.line)
        if !problems.isEmpty { throw ImportErrors(problems) }
    }

    /// Reads the file and hands everything to `sink`. Throws at the first row that cannot be read (not UTF-8,
    /// unbalanced quotes, the wrong number of fields, a missing date): what was handed over before stays handed over.
    package func run(into sink: inout some ImportSink) throws {
        var reader = try CSVRecordReader(path: path, displayName: file, delimiter: map.delimiter)
        guard let header = try reader.next() else {
            throw ImportError(location: file, message: "the file is empty", hint: "export the CSV again, with a header row")
        }
        let problems = headerProblems(header.fields, headerLine: header.line)
        if !problems.isEmpty { throw ImportErrors(problems) }
        let index = Dictionary(header.fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var threads: [String: [Thread]] = [:]
        var authorIDs: [String: String] = [:]
        var takenAuthorIDs: Set<String> = []
        let dates = (question: map.question[.date].map(CSVDateReader.init), questionUpdated: map.question[.updated].map(CSVDateReader.init),
                     answer: map.answer[.date].map(CSVDateReader.init), answerUpdated: map.answer[.updated].map(CSVDateReader.init))

        while let record = try reader.next() {
            let location = "\(file):\(record.line)"
            guard record.fields.count == header.fields.count else {
                throw ImportError(location: location,
                                  message: "row \(record.row) has \(record.fields.count) fields, the header \(header.fields.count)",
                                  hint: "a field with the delimiter or a line break in it must be in double quotes")
            }
            func value(_ field: CSVMap.Field?) -> String? {
                guard let field else { return nil }
                switch field.value {
                case .constant(let text): return text
                case .column(let name): return index[name].map { record.fields[$0] }
                }
            }
            func text(_ field: CSVMap.Field?) -> String? {
                value(field).map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            }
            func body(_ field: CSVMap.Field?) -> String {
                let raw = value(field) ?? ""
                return map.text == .plain ? PlainTextMarkdown.markdown(raw) : ByteText.unixLineEnds(raw).trimmingWhitespace()
            }
            func date(_ field: CSVMap.Field?, _ reader: CSVDateReader?, required: Bool, fallback: ContentDate?) throws -> ContentDate? {
                guard let field, let reader, let written = text(field) else {
                    if let fallback { return fallback }
                    guard required else { return nil }
                    throw ImportError(location: location,
                                      message: "row \(record.row) has no date" + (field?.column.map { " (column '\($0)' is empty)" } ?? ""),
                                      hint: "pass --date YYYY-MM-DD to date the posts that have none")
                }
                guard let date = reader.date(written) else {
                    throw ImportError(location: location,
                                      message: "row \(record.row), column \(describe(field.column ?? "")): '\(written)' is not a date in \(CSVDateReader.describe(field))",
                                      hint: "give the column's date format in the map (`date: {column: \(field.column ?? "…"), format: \"MM/dd/yyyy\"}`)")
                }
                return date
            }
            func number(_ field: CSVMap.Field?, _ what: String) -> Int? {
                guard let written = text(field) else { return nil }
                if let number = Int(written) { return number }
                if let decimal = Double(written), decimal == decimal.rounded(), abs(decimal) < 1e15 { return Int(decimal) }
                sink.note(ImportNote(location: location, message: "\(what) '\(written)' is not a whole number; left out"))
                return nil
            }
            func source(_ field: CSVMap.Field?) -> ImportedSource? {
                text(field).map { ImportedSource(url: $0, license: map.license?.name, licenseURL: map.license?.url) }
            }

            // The question: new, the same as an earlier row's, or another question under an id already used.
            guard let questionID = text(map.question[.id]) else {
                sink.skip(ImportSkip(location: location, reason: "row \(record.row) has no question id"))
                continue
            }
            let title = text(map.question[.title]) ?? ""
            let questionBody = body(map.question[.body])
            var identity = Fingerprint()
            identity.add(title)
            identity.add(questionBody)
            var originalID: String
            if let thread = threads[questionID]?.first(where: { $0.fingerprint == identity.value }) {
                originalID = thread.originalID
            } else {
                guard !title.isEmpty else {
                    sink.skip(ImportSkip(location: location, reason: "row \(record.row): question '\(questionID)' has no title"))
                    continue
                }
                let earlier = threads[questionID] ?? []
                originalID = earlier.isEmpty ? questionID : "\(questionID)~\(earlier.count + 1)"
                if let first = earlier.first {
                    sink.note(ImportNote(location: location,
                                         message: "question id '\(questionID)' is also the id of a different question (line \(first.line)); this one is imported as a thread of its own"))
                }
                threads[questionID, default: []].append(Thread(fingerprint: identity.value, originalID: originalID, line: record.line))
                let questionDate = try date(map.question[.date], dates.question, required: true, fallback: fallbackDate)!
                var tags: [String] = []
                if let written = value(map.question[.tags]) {
                    let separator = map.question[.tags]?.separator ?? ","
                    tags = written.components(separatedBy: separator).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                }
                try sink.question(ImportedQuestion(
                    originalID: originalID, title: title, date: questionDate,
                    updated: try date(map.question[.updated], dates.questionUpdated, required: false, fallback: nil),
                    category: text(map.question[.category]) ?? "", tags: tags, votes: number(map.question[.votes], "votes"),
                    askedBy: text(map.question[.askedBy]), genre: map.genre, body: questionBody,
                    source: source(map.question[.source]), location: location))
            }

            // The answer, when the row has one.
            let answerBody = body(map.answer[.body])
            guard map.answer[.body] != nil, !answerBody.isEmpty else {
                if map.rows == .perAnswer {
                    sink.skip(ImportSkip(location: location, reason: "row \(record.row) has no answer text (its question was imported)"))
                }
                continue
            }
            let nameText = text(map.author[.name])
            let idText = text(map.author[.id])
            guard nameText != nil || idText != nil else {
                sink.skip(ImportSkip(location: location, reason: "row \(record.row) names no author; the answer is left out"))
                continue
            }
            let parts = nameText.map { AuthorNameSplit.split($0, rules: map.nameRules, credentialsAfter: map.credentialsAfter) }
            let key = idText ?? parts!.name
            var authorID: String
            if let known = authorIDs[key] {
                authorID = known
            } else {
                var base = idText.map(Self.authorID(fromValue:)) ?? Slug.make(from: parts!.name)
                if base.isEmpty {
                    var hash = Fingerprint()
                    hash.add(key)
                    base = "author-" + String(String(hash.value, radix: 16).prefix(8))
                }
                authorID = NewContent.uniqueName(String(base.prefix(ImportWriter.maxSlugLength))) { takenAuthorIDs.contains($0) }
                authorIDs[key] = authorID
                takenAuthorIDs.insert(authorID)
                let name = parts?.name ?? idText!
                try sink.author(ImportedAuthor(
                    id: authorID, name: name, naming: AuthorNameSplit.naming(name, kind: map.authorKind),
                    credentials: text(map.author[.credentials]) ?? parts?.credentials, role: text(map.author[.role]) ?? parts?.role,
                    url: text(map.author[.url]), bio: map.author[.bio] == nil ? "" : body(map.author[.bio]), location: location))
            }
            let answerDate = try date(map.answer[.date], dates.answer, required: true,
                                      fallback: try date(map.question[.date], dates.question, required: false, fallback: fallbackDate))!
            try sink.answer(ImportedAnswer(
                originalID: text(map.answer[.id]) ?? String(record.row), authorID: authorID, date: answerDate,
                updated: try date(map.answer[.updated], dates.answerUpdated, required: false, fallback: nil),
                votes: number(map.answer[.votes], "votes"), accepted: Self.isTrue(text(map.answer[.accepted])),
                body: answerBody, source: source(map.answer[.source]), location: location), toQuestion: originalID)
        }
    }

    /// An author id from the id column: a profile address gives its last path segment
    /// (`https://counselchat.com/therapists/sherry-katz-lcsw` -> `sherry-katz-lcsw`), anything else its slug.
    static func authorID(fromValue value: String) -> String {
        if Attribution.urlProblem(value) == nil, let components = URLComponents(string: value),
           let segment = components.path.split(separator: "/").last {
            let slug = Slug.make(from: String(segment))
            if !slug.isEmpty { return slug }
        }
        return Slug.make(from: value)
    }

    static func isTrue(_ text: String?) -> Bool {
        guard let text else { return false }
        return ["true", "yes", "1", "y", "x", "accepted"].contains(text.lowercased())
    }
}

/// Several problems found at once (a CSV header against its map): each its own line.
package struct ImportErrors: Error, CustomStringConvertible {
    package var errors: [ImportError]

    package init(_ errors: [ImportError]) {
        self.errors = errors
    }

    package var description: String { errors.map(\.description).joined(separator: "\n") }
}
