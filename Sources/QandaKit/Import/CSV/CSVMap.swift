import Foundation

/// Which column of a CSV file fills which field of the content format: the `--map` file of `qanda import csv`,
/// read by `CSVMapLoader`. README ("qanda import") documents each key.
package struct CSVMap {
    /// `rows: per-answer`: each row is one answer, with its question's columns repeated; `per-question`: each row is
    /// one question, its answer (if any) in the answer columns of the same row. Either way rows with the same
    /// question id form one thread.
    package enum Layout: String, CaseIterable, Sendable {
        case perAnswer = "per-answer", perQuestion = "per-question"
    }

    /// How bodies are written: Markdown as it is, or plain text shown as written (`PlainTextMarkdown`).
    package enum TextFormat: String, CaseIterable, Sendable {
        case markdown, plain
    }

    /// How an author's name reads: a person's (given and family names, split at the last word), or a screen name
    /// or organization printed as written. `person` takes a one-word name as a screen name.
    package enum AuthorKind: String, CaseIterable, Sendable {
        case person, screenName = "screen-name", organization
    }

    package enum QuestionField: String, CaseIterable, Sendable {
        case id, title, body, category, tags, date, updated, votes, askedBy = "asked_by", source
    }

    package enum AnswerField: String, CaseIterable, Sendable {
        case id, body, date, updated, votes, accepted, source
    }

    package enum AuthorField: String, CaseIterable, Sendable {
        case id, name, url, credentials, role, bio
    }

    /// Where one field's value comes from.
    package struct Field: Sendable, Equatable {
        package enum Value: Sendable, Equatable {
            case column(String)
            /// The same text for every row (`category: {value: General}`).
            case constant(String)
        }

        package var value: Value
        /// Tags: what separates them in the column (default ",").
        package var separator: String?
        /// Dates: a pattern of Foundation's DateFormatter (`MM/dd/yyyy HH:mm`), or `unix` (seconds since 1970);
        /// nil for ISO 8601 as the content format writes dates.
        package var dateFormat: String?
        /// Dates with a time of day: the zone they are in (default UTC).
        package var timeZone: TimeZone?
        /// Where the map names it (`map.yml:12:9`).
        package var location: SourceLocation

        package var column: String? {
            if case .column(let name) = value { name } else { nil }
        }
    }

    /// A rule that splits the author name column: a regular expression with named groups `name` (required),
    /// `credentials` and `role`. The first rule that matches the whole text wins; with none, the text is the name.
    package struct NameRule: @unchecked Sendable {
        package var pattern: String
        package var regex: Regex<AnyRegexOutput>
        package var location: SourceLocation
    }

    package var rows: Layout = .perAnswer
    package var delimiter: UInt8 = UInt8(ascii: ",")
    package var text: TextFormat = .markdown
    /// Columns deliberately left out, with where the map names them.
    package var ignored: [(name: String, location: SourceLocation)] = []
    package var question: [QuestionField: Field] = [:]
    package var answer: [AnswerField: Field] = [:]
    package var author: [AuthorField: Field] = [:]
    package var authorKind: AuthorKind = .person
    package var nameRules: [NameRule] = []
    /// Text after the first of these separators in the name column is credentials (`credentials_after: ","`).
    package var credentialsAfter: String?
    /// The licence of every post (`license: {name, url}`).
    package var license: (name: String, url: String?)?
    /// `genre:` of every question (`forum-post` for a community's archive).
    package var genre: String?
    /// The map's file as messages name it.
    package var file: String

    package init(file: String) {
        self.file = file
    }

    /// Every column the map names, with where: each must be a column of the CSV file.
    package var namedColumns: [(name: String, location: SourceLocation)] {
        let fields = Array(question.values) + Array(answer.values) + Array(author.values)
        return fields.compactMap { field in field.column.map { ($0, field.location) } } + ignored
    }
}
