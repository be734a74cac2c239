import Foundation
import Yams

/// Reads a `--map` file into a `CSVMap`, reporting every problem at once as diagnostics (file, line, column, a
/// "did you mean" for a misspelt key), as the loaders of a site do.
package enum CSVMapLoader {
    static let topKeys = ["rows", "delimiter", "text", "ignore", "question", "answer", "author", "license", "genre"]
    static let fieldKeys = ["column", "value", "separator", "format", "time_zone"]
    static let licenseKeys = ["name", "url"]
    static let authorExtraKeys = ["split", "credentials_after", "kind"]
    static let nameGroups = ["name", "credentials", "role"]

    /// - Parameter file: the path as the user gave it, for messages.
    package static func load(path: String, file: String) -> (CSVMap?, [Diagnostic]) {
        guard let bytes = FileBytes.read(path) else {
            return (nil, [Diagnostic(.unreadableFile, file: file, message: "cannot read the map file", hint: "check the path given to --map")])
        }
        switch SourceText.decode(bytes) {
        case .success(let source): return load(text: source.text, file: file)
        case .failure(.notUTF8(let line, let column)):
            return (nil, [Diagnostic(.notUTF8, file: file, line: line, column: column, message: "the map is not UTF-8 text", hint: "save it as UTF-8")])
        case .failure(.empty):
            return (nil, [Diagnostic(.emptyFile, file: file, message: "the map file is empty", hint: "name the columns of each field (README, \"qanda import\")")])
        }
    }

    package static func load(text: String, file: String) -> (CSVMap?, [Diagnostic]) {
        let mapping: Node.Mapping
        switch YAMLMappingParser.parse(text, file: file, lineOffset: 0, what: "the map") {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(nil): return (nil, [Diagnostic(.missingKey, file: file, line: 1, column: 1, message: "the map is empty")])
        case .success(let value?): mapping = value
        }
        var map = CSVMap(file: file)
        var fields = FrontMatterFields(mapping: mapping, allowedKeys: topKeys, file: file, lineOffset: 0)
        map.rows = choice(&fields, "rows", default: .perAnswer)
        map.text = choice(&fields, "text", default: .markdown)
        if let delimiter = fields.string("delimiter") {
            let named = ["tab": "\t", "\\t": "\t"][delimiter] ?? delimiter
            if named.utf8.count == 1, let byte = named.utf8.first, byte != UInt8(ascii: "\""), byte != 0x0A, byte != 0x0D {
                map.delimiter = byte
            } else {
                fields.diagnostics.append(Diagnostic(.invalidValue, at: fields.valueLocation("delimiter"),
                                                     message: "'delimiter' must be one ASCII character, not '\(delimiter)'",
                                                     hint: "for example `delimiter: \";\"`, or `delimiter: tab`"))
            }
        }
        map.ignored = rawList(&fields, "ignore")
        map.genre = fields.genre("genre")?.rawValue
        if var license = fields.mapping("license", allowedKeys: licenseKeys, example: "{name: CC BY-SA 4.0, url: https://creativecommons.org/licenses/by-sa/4.0/}") {
            let name = license.string("name", required: true, hint: "add `name: CC BY-SA 4.0` under license: the licence's name")
            let url = license.string("url")
            if let url, let problem = Attribution.urlProblem(url) {
                license.diagnostics.append(Diagnostic(.invalidValue, at: license.valueLocation("url"),
                                                      message: "'license.url' \(problem): '\(url)'", hint: "the licence's address, such as https://opensource.org/license/mit"))
            }
            if let name { map.license = (name, url) }
            fields.diagnostics += license.diagnostics
        }
        let example = "{id: QuestionID, title: Title, body: Body, category: Topic}"
        if var question = fields.mapping("question", allowedKeys: CSVMap.QuestionField.allCases.map(\.rawValue), example: example) {
            for key in CSVMap.QuestionField.allCases {
                if let field = field(&question, key.rawValue) { map.question[key] = field }
            }
            for key in [CSVMap.QuestionField.id, .title, .body, .category] where map.question[key] == nil {
                question.missing(key.rawValue, hint: "name the column that holds it: `\(key.rawValue): ColumnName`"
                                 + (key == .category ? ", or one category for all: `category: {value: General}`" : ""))
            }
            fields.diagnostics += question.diagnostics
        } else if !fields.has("question") {
            fields.missing("question", hint: "map the question's columns: `question: \(example)`")
        }
        if var answer = fields.mapping("answer", allowedKeys: CSVMap.AnswerField.allCases.map(\.rawValue), example: "{body: AnswerText, votes: Upvotes}") {
            for key in CSVMap.AnswerField.allCases {
                if let field = field(&answer, key.rawValue) { map.answer[key] = field }
            }
            if map.answer[.body] == nil { answer.missing("body", hint: "name the column that holds the answer's text: `body: ColumnName`") }
            fields.diagnostics += answer.diagnostics
        } else if map.rows == .perAnswer && !fields.has("answer") {
            fields.missing("answer", hint: "map the answer's columns (`answer: {body: AnswerText}`), or write `rows: per-question` for a file of questions alone")
        }
        if var author = fields.mapping("author", allowedKeys: CSVMap.AuthorField.allCases.map(\.rawValue) + authorExtraKeys,
                                       example: "{name: AuthorName, url: AuthorURL}") {
            for key in CSVMap.AuthorField.allCases {
                if let field = field(&author, key.rawValue) { map.author[key] = field }
            }
            if map.author[.name] == nil && map.author[.id] == nil {
                author.missing("name", hint: "name the column with the author's name (`name: ColumnName`) or id (`id: ColumnName`)")
            }
            map.authorKind = choice(&author, "kind", default: .person)
            map.credentialsAfter = author.string("credentials_after")
            map.nameRules = nameRules(&author)
            if (!map.nameRules.isEmpty || map.credentialsAfter != nil) && map.author[.name] == nil {
                author.diagnostics.append(Diagnostic(.missingKey, at: author.keyLocation(map.nameRules.isEmpty ? "credentials_after" : "split"),
                                                     message: "a rule to split the author's name, but no `name:` column to split",
                                                     hint: "add `name: ColumnName` under author"))
            }
            fields.diagnostics += author.diagnostics
        } else if map.answer[.body] != nil && !fields.has("author") {
            fields.missing("author", hint: "map the author's columns: `author: {name: AuthorName}`")
        }
        return fields.diagnostics.hasErrors ? (nil, fields.diagnostics) : (map, fields.diagnostics)
    }

    /// One of an enum's names, or its default.
    private static func choice<T: RawRepresentable & CaseIterable>(_ fields: inout FrontMatterFields, _ key: String, default value: T) -> T
    where T.RawValue == String {
        guard let text = fields.string(key) else { return value }
        if let chosen = T(rawValue: text) { return chosen }
        let names = T.allCases.map(\.rawValue)
        fields.diagnostics.append(Diagnostic(.invalidValue, at: fields.valueLocation(key),
                                             message: "'\(fields.keyPrefix)\(key)' must be \(names.joined(separator: " or ")), not '\(text)'"
                                                + (Suggestion.closest(to: text, in: names).map { " (did you mean '\($0)'?)" } ?? ""),
                                             hint: nil))
        return value
    }

    /// `key: Column` (a column name, `""` for a column with an empty header), or `key: {column: …, value: …, …}`.
    private static func field(_ fields: inout FrontMatterFields, _ key: String) -> CSVMap.Field? {
        guard let entry = fields.entries[key] else { return nil }
        let location = fields.valueLocation(key)
        if case .scalar(let scalar) = entry.value {
            if scalar.style == .plain && ["", "~", "null"].contains(scalar.string) { return nil }
            return CSVMap.Field(value: .column(scalar.string), location: location)
        }
        guard var options = fields.mapping(key, allowedKeys: fieldKeys, example: "{column: ColumnName}") else { return nil }
        let isDate = key == "date" || key == "updated"
        var value: CSVMap.Field.Value?
        if let column = options.entries["column"], case .scalar(let scalar) = column.value { value = .column(scalar.string) }
        if let constant = options.string("value") {
            if value != nil {
                options.diagnostics.append(Diagnostic(.invalidValue, at: options.valueLocation("value"),
                                                      message: "'\(options.keyPrefix)value' and 'column' together; a field takes one",
                                                      hint: "keep `column:` to read each row, or `value:` for one text for all"))
            }
            value = .constant(constant)
        }
        if value == nil { options.missing("column", hint: "name the column: `\(key): {column: ColumnName}`") }
        let valueLocation = options.valueLocation(options.entries["column"] != nil ? "column" : "value")
        var field = value.map { CSVMap.Field(value: $0, location: valueLocation) }
        if let separator = options.string("separator") {
            if key == "tags" { field?.separator = separator } else { notFor(&options, "separator", key: key, what: "tags") }
        }
        if let format = options.string("format") {
            if isDate { field?.dateFormat = format } else { notFor(&options, "format", key: key, what: "dates") }
        }
        if let zone = options.string("time_zone") {
            if !isDate { notFor(&options, "time_zone", key: key, what: "dates") } else if let timeZone = TimeZone(identifier: zone) {
                field?.timeZone = timeZone
            } else {
                options.diagnostics.append(Diagnostic(.invalidValue, at: options.valueLocation("time_zone"),
                                                      message: "'\(options.keyPrefix)time_zone' is not a time zone: '\(zone)'",
                                                      hint: "an IANA name such as UTC, Europe/Paris or America/New_York"))
            }
        }
        fields.diagnostics += options.diagnostics
        return options.diagnostics.hasErrors ? nil : field
    }

    private static func notFor(_ fields: inout FrontMatterFields, _ option: String, key: String, what: String) {
        fields.diagnostics.append(Diagnostic(.unknownKey, at: fields.keyLocation(option),
                                             message: "'\(fields.keyPrefix)\(option)' is only for \(what)",
                                             hint: "remove it from \(key)"))
    }

    /// A list of texts as written, empty ones included (`ignore: ["", views]`: a column may have an empty header).
    private static func rawList(_ fields: inout FrontMatterFields, _ key: String) -> [(name: String, location: SourceLocation)] {
        guard let entry = fields.entries[key] else { return [] }
        switch entry.value {
        case .scalar(let scalar):
            return [(scalar.string, fields.valueLocation(key))]
        case .sequence(let sequence):
            var items: [(String, SourceLocation)] = []
            for node in sequence {
                guard case .scalar(let scalar) = node else {
                    fields.wrongType(key, expected: "a list of column names", example: "[\"\", Views, Split]")
                    return []
                }
                items.append((scalar.string, fields.location(node.mark)))
            }
            return items
        default:
            fields.wrongType(key, expected: "a list of column names", example: "[\"\", Views, Split]")
            return []
        }
    }

    /// `split:` one regular expression or a list of them, each with a named group `name`.
    private static func nameRules(_ fields: inout FrontMatterFields) -> [CSVMap.NameRule] {
        var rules: [CSVMap.NameRule] = []
        for (pattern, location) in rawList(&fields, "split") {
            do {
                let regex = try Regex(pattern)
                let unknown = Self.groupNames(in: pattern).filter { !nameGroups.contains($0) }
                if !regex.contains(captureNamed: "name") || !unknown.isEmpty {
                    fields.diagnostics.append(Diagnostic(.invalidValue, at: location,
                                                         message: unknown.isEmpty ? "this rule has no group named 'name' (?<name>…)"
                                                             : "group '\(unknown[0])' is not one of \(nameGroups.joined(separator: ", "))"
                                                                 + (Suggestion.closest(to: unknown[0], in: nameGroups).map { " (did you mean '\($0)'?)" } ?? ""),
                                                         hint: "name the parts: (?<name>…), and optionally (?<credentials>…) and (?<role>…)"))
                    continue
                }
                rules.append(CSVMap.NameRule(pattern: pattern, regex: regex, location: location))
            } catch {
                fields.diagnostics.append(Diagnostic(.invalidValue, at: location,
                                                     message: "not a regular expression: \(error)",
                                                     hint: "Swift's regular expressions (like Perl's): check brackets and escapes; in YAML, quote the pattern with single quotes"))
            }
        }
        return rules
    }

    /// The names of `(?<name>…)` groups written in a pattern.
    static func groupNames(in pattern: String) -> [String] {
        pattern.matches(of: /\(\?<([A-Za-z_][A-Za-z0-9_]*)>/).map { String($0.output.1) }
    }
}
