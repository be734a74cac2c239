import Yams

/// Typed reading of one YAML mapping, recording a diagnostic (file, line, column, key, hint) for every
/// unknown key, missing key and wrong type, instead of stopping at the first.
struct FrontMatterFields {
    let file: String
    /// Added to YAML line numbers to get file line numbers (the front matter starts after `---`).
    let lineOffset: Int
    /// For messages: "in authors/x.md" style context such as "reviewed".
    let keyPrefix: String
    private(set) var entries: [String: (key: Node, value: Node)] = [:]
    private let mappingMark: Mark?
    var diagnostics: [Diagnostic] = []

    init(mapping: Node.Mapping, allowedKeys: [String], file: String, lineOffset: Int, keyPrefix: String = "") {
        self.file = file
        self.lineOffset = lineOffset
        self.keyPrefix = keyPrefix
        self.mappingMark = mapping.mark
        for (key, value) in mapping {
            guard let name = key.string, key.scalar != nil else {
                diagnostics.append(Diagnostic(.wrongType, at: location(key.mark),
                                              message: "a key must be a plain name", hint: "write `name: value`"))
                continue
            }
            guard allowedKeys.contains(name) else {
                let suggestion = Suggestion.closest(to: name, in: allowedKeys)
                diagnostics.append(Diagnostic(
                    .unknownKey, at: location(key.mark),
                    message: "unknown key '\(keyPrefix)\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                    hint: suggestion == nil ? "allowed keys here: \(allowedKeys.joined(separator: ", "))" : nil))
                continue
            }
            entries[name] = (key, value)
        }
    }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Where the key itself is written (or where the mapping starts, for a missing key).
    func keyLocation(_ key: String) -> SourceLocation {
        location(entries[key]?.key.mark ?? mappingMark)
    }

    /// Where the key's value is written: what a value error points at.
    func valueLocation(_ key: String) -> SourceLocation {
        location(entries[key]?.value.mark ?? entries[key]?.key.mark ?? mappingMark)
    }

    /// Where each present key's value is written, kept in the model for checks that run after loading.
    var valueLocations: [String: SourceLocation] {
        Dictionary(uniqueKeysWithValues: entries.keys.map { ($0, valueLocation($0)) })
    }

    func has(_ key: String) -> Bool { entries[key] != nil && !isNull(entries[key]!.value) }

    /// True when the key holds one value rather than a group or a list (for keys that take either form).
    func isScalar(_ key: String) -> Bool {
        if case .scalar? = entries[key]?.value { return true }
        return false
    }

    private func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return true }
        return false
    }

    mutating func missing(_ key: String, hint: String) {
        diagnostics.append(Diagnostic(.missingKey, at: location(mappingMark),
                                      message: "missing required key '\(keyPrefix)\(key)'", hint: hint))
    }

    mutating func wrongType(_ key: String, expected: String, example: String) {
        diagnostics.append(Diagnostic(.wrongType, at: valueLocation(key),
                                      message: "'\(keyPrefix)\(key)' must be \(expected)", hint: "for example `\(key): \(example)`"))
    }

    /// A scalar's text. Numbers and dates written bare are accepted as text (a title of `1984` is a title).
    mutating func string(_ key: String, required: Bool = false, hint: String = "") -> String? {
        guard has(key) else {
            if required { missing(key, hint: hint.isEmpty ? "add `\(key): ...` to the front matter" : hint) }
            return nil
        }
        guard case .scalar(let scalar) = entries[key]!.value else {
            wrongType(key, expected: "text", example: "Some text")
            return nil
        }
        let text = scalar.string.trimmingWhitespace()
        if text.isEmpty {
            if required { missing(key, hint: hint.isEmpty ? "give '\(key)' a value" : hint) }
            return nil
        }
        return text
    }

    mutating func int(_ key: String) -> Int? {
        guard has(key) else { return nil }
        guard case .scalar(let scalar) = entries[key]!.value, scalar.style == .plain, let value = Int(scalar.string) else {
            wrongType(key, expected: "a whole number", example: "12")
            return nil
        }
        return value
    }

    mutating func bool(_ key: String) -> Bool? {
        guard has(key) else { return nil }
        guard case .scalar(let scalar) = entries[key]!.value, scalar.style == .plain else {
            wrongType(key, expected: "true or false", example: "true")
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            wrongType(key, expected: "true or false", example: "true")
            return nil
        }
    }

    mutating func date(_ key: String, required: Bool = false) -> ContentDate? {
        guard has(key) else {
            if required { missing(key, hint: "add `\(key): 2024-05-01` (ISO 8601: YYYY-MM-DD)") }
            return nil
        }
        guard case .scalar(let scalar) = entries[key]!.value else {
            wrongType(key, expected: "a date", example: "2024-05-01")
            return nil
        }
        guard let date = ContentDate.parse(scalar.string) else {
            diagnostics.append(Diagnostic(
                .invalidDate, at: valueLocation(key),
                message: "'\(keyPrefix)\(key)' is not a valid date: '\(scalar.string)'",
                hint: "write a real calendar day as YYYY-MM-DD, or a timestamp with offset such as 2018-04-26T09:30:00-05:00"))
            return nil
        }
        return date
    }

    /// A list of texts: `[a, b]` or a block list. A single text is accepted as a list of one, or, with
    /// `splitsCommas`, as the comma-separated list it was meant to be (`tags: sleep, first steps` is two tags).
    mutating func stringList(_ key: String, splitsCommas: Bool = false) -> [String]? {
        guard has(key) else { return nil }
        switch entries[key]!.value {
        case .scalar(let scalar):
            guard splitsCommas else { return [scalar.string] }
            return scalar.string.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .sequence(let sequence):
            var items: [String] = []
            for node in sequence {
                guard case .scalar(let scalar) = node else {
                    wrongType(key, expected: "a list of texts", example: "[first, second]")
                    return nil
                }
                items.append(scalar.string.trimmingCharacters(in: .whitespaces))
            }
            return items.filter { !$0.isEmpty }
        default:
            wrongType(key, expected: "a list of texts", example: "[first, second]")
            return nil
        }
    }

    /// A nested mapping (`reviewed:`), read with its own allowed keys.
    mutating func mapping(_ key: String, allowedKeys: [String], example: String) -> FrontMatterFields? {
        guard has(key) else { return nil }
        guard case .mapping(let mapping) = entries[key]!.value else {
            wrongType(key, expected: "a group of keys", example: example)
            return nil
        }
        return FrontMatterFields(mapping: mapping, allowedKeys: allowedKeys, file: file, lineOffset: lineOffset,
                                 keyPrefix: "\(keyPrefix)\(key).")
    }
}

/// Parsing a YAML text into a mapping, turning Yams' errors into diagnostics with file positions.
enum YAMLMappingParser {
    /// - Parameter what: what the messages call the text: "front matter", or "qanda.yml" for the settings.
    static func parse(_ yaml: String, file: String, lineOffset: Int, what: String = "front matter") -> Result<Node.Mapping?, Diagnostic> {
        let node: Node?
        do {
            // No tag resolution (Qanda reads every value itself; the resolver's regular expressions serialize
            // threads), and the encoding given (Yams' default reads the process environment on every call).
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset, what: what))
        } catch {
            return .failure(Diagnostic(.yamlSyntax, file: file, line: lineOffset + 1, column: 1,
                                       message: "\(what) is not valid YAML: \(error)"))
        }
        guard let node else { return .success(nil) }
        guard case .mapping(let mapping) = node else {
            let (line, column) = position(node.mark?.line ?? 1, node.mark?.column ?? 1, in: yaml)
            return .failure(Diagnostic(.frontMatterNotMapping, file: file, line: line + lineOffset, column: column,
                                       message: "\(what) must be a set of `key: value` lines, not a single value or a list",
                                       hint: "write for example `title: My question`"))
        }
        return .success(mapping)
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int, what: String = "front matter") -> Diagnostic {
        var yamlText = ""
        if case let .scanner(_, _, _, yaml) = error { yamlText = yaml }
        if case let .parser(_, _, _, yaml) = error { yamlText = yaml }
        if case let .composer(_, _, _, yaml) = error { yamlText = yaml }
        let lastLine = yamlText.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        func make(_ problem: String, _ problemMark: Mark, _ context: YamlError.Context?) -> Diagnostic {
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            // At the end of the text, the parser's problem position is the closing `---`; where the unclosed
            // construct began (the context) is what the editor needs to see.
            let mark = problemMark.line > lastLine && context != nil ? context!.mark : problemMark
            let (line, column) = position(mark.line, mark.column, in: yamlText)
            if let tab = tabPosition(near: (line, column), problem: problem, in: yamlText) {
                return Diagnostic(.yamlSyntax, file: file, line: tab.line + lineOffset, column: tab.column,
                                  message: "\(what) has a tab character here, and YAML allows only spaces to indent or to separate a key from its value",
                                  hint: "replace the tab with spaces (two per level of indentation); most editors can turn tabs into spaces")
            }
            return Diagnostic(.yamlSyntax, file: file, line: line + lineOffset, column: column,
                              message: "\(what) is not valid YAML: \(detail)",
                              hint: "check quotes, colons and indentation on this line; quote values that contain ': ' or start with a special character")
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return make(problem, mark, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.yamlSyntax, file: file, line: context.mark.line + lineOffset, column: context.mark.column,
                              message: "key '\(duplicates.sorted().joined(separator: "', '"))' is written more than once",
                              hint: "keep one of them")
        case let .reader(problem, _, _, _):
            return Diagnostic(.yamlSyntax, file: file, line: lineOffset + 1, column: 1, message: "\(what) cannot be read: \(problem)")
        default:
            return Diagnostic(.yamlSyntax, file: file, line: lineOffset + 1, column: 1, message: "\(what) is not valid YAML: \(error)")
        }
    }

    /// Where a tab caused the error: libyaml says "found character that cannot start any token" at a tab that
    /// indents a key, which names no tab; after indenting spaces a tab is read as one more column, and the error
    /// ("mapping values are not allowed") points past it; some messages name a tab but point elsewhere on its line.
    private static func tabPosition(near position: (line: Int, column: Int), problem: String,
                                    in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard position.line >= 1, position.line <= lines.count else { return nil }
        let scalars = Array(lines[position.line - 1].unicodeScalars)
        if position.column >= 1, position.column <= scalars.count, scalars[position.column - 1] == "\t" { return position }
        let indentation = scalars.prefix { $0 == " " || $0 == "\t" }
        if let index = indentation.firstIndex(of: "\t") { return (position.line, index + 1) }
        guard problem.contains("tab"), let index = scalars.firstIndex(of: "\t") else { return nil }
        return (position.line, index + 1)
    }

    /// libyaml ends the stream on a line of its own, which a text without a final newline (qanda.yml) lacks: a
    /// position there is the end of the last line.
    private static func position(_ line: Int, _ column: Int, in yaml: String) -> (line: Int, column: Int) {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        return line > lines.count ? (lines.count, (lines.last?.unicodeScalars.count ?? 0) + 1) : (line, column)
    }
}
