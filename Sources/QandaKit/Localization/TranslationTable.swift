import Yams

/// One translation table as written: a built-in `Tables/<language>.yml` or a site's `i18n/<language>.yml`. Each
/// key holds a string or, for a number's words, a mapping of plural forms (CLDR categories, or `"=N"` for one
/// exact number). Read against the English table, the reference for which keys exist and which placeholders
/// each may use; every problem is a diagnostic with its place.
package struct TranslationTable: Sendable {
    package enum Entry: Sendable, Equatable {
        case single(MessagePattern)
        /// By form: "one", "other", "=0".
        case plural([String: MessagePattern])

        package var patterns: [MessagePattern] {
            switch self {
            case .single(let pattern): [pattern]
            case .plural(let forms): forms.keys.sorted().map { forms[$0]! }
            }
        }
    }

    package var entries: [String: Entry] = [:]
    /// Where each key is written, for findings about it after reading (a plural form a language needs).
    package var keyLocations: [String: SourceLocation] = [:]
    /// A site table's `categories:` and `tags:`: the names its pages show for the site's categories and tags.
    package var taxonomyNames = TaxonomyNames()

    /// The two sections of a site's table that name the site's own categories and tags, not Qanda's strings.
    static let taxonomySections = ["categories", "tags"]

    /// An exact-number form: `=0`, `=1`, ….
    static func exactNumber(_ form: String) -> Int? {
        guard form.hasPrefix("="), form.count > 1 else { return nil }
        return Int(form.dropFirst()).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// Reads a table's YAML text.
    /// - Parameters:
    ///   - file: its path as findings name it.
    ///   - rules: the plural rule of the table's language: a form the language never uses is an error.
    ///   - reference: the English table; nil when reading English itself, which defines the keys.
    package static func parse(_ text: String, file: String, rules: PluralRules,
                              reference: TranslationTable?) -> (TranslationTable, [Diagnostic]) {
        var table = TranslationTable()
        var diagnostics: [Diagnostic] = []
        let mapping: Node.Mapping
        switch YAMLMappingParser.parse(text, file: file, lineOffset: 0, what: "the translation table") {
        case .failure(let diagnostic): return (table, [diagnostic])
        case .success(nil): return (table, [])
        case .success(let value?): mapping = value
        }
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        let knownKeys = reference.map { ($0.entries.keys + Self.taxonomySections).sorted() } ?? []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.append(Diagnostic(.wrongType, at: location(keyNode), message: "a key must be a plain name",
                                              hint: "write `key: text`, such as `latest_questions: Latest questions`"))
                continue
            }
            if reference != nil, Self.taxonomySections.contains(key) {
                diagnostics += table.taxonomyNames.read(value, section: key, location: location)
                table.keyLocations[key] = location(keyNode)
                continue
            }
            let expected = reference?.entries[key]
            if reference != nil && expected == nil {
                let suggestion = Suggestion.closest(to: key, in: knownKeys)
                diagnostics.append(Diagnostic(
                    .unknownKey, at: location(keyNode),
                    message: "unknown translation key '\(key)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                    hint: "the keys are those of Qanda's English table (README, \"Languages\"); remove this one or correct its name"))
                continue
            }
            // Placeholders a translation may use: those of the English string (for plurals, of any of its forms).
            let allowed = expected.map { Set($0.patterns.flatMap(\.placeholders)) }
            func pattern(_ node: Node, name: String) -> MessagePattern? {
                guard case .scalar(let scalar) = node, !(scalar.style == .plain && ["~", "null", "Null", "NULL", ""].contains(scalar.string)) else {
                    diagnostics.append(Diagnostic(.wrongType, at: location(node), message: "'\(name)' must be a text",
                                                  hint: "write the text after the colon; quote it (\"…\") when it starts with { or contains ': '"))
                    return nil
                }
                let pattern = MessagePattern(scalar.string)
                if let allowed {
                    for placeholder in pattern.placeholders where !allowed.contains(placeholder) {
                        let suggestion = Suggestion.closest(to: placeholder, in: allowed.sorted())
                        diagnostics.append(Diagnostic(
                            .invalidValue, at: location(node),
                            message: "'\(name)' has no placeholder {\(placeholder)}" + (suggestion.map { " (did you mean {\($0)}?)" } ?? ""),
                            hint: allowed.isEmpty ? "this text takes no placeholders: write it without braces"
                                : "its placeholders are " + allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")))
                        return nil
                    }
                }
                return pattern
            }
            switch (value, expected) {
            case (.mapping(let forms), nil), (.mapping(let forms), .plural?):
                var read: [String: MessagePattern] = [:]
                var formsOK = true
                for (formNode, formValue) in forms {
                    guard let form = formNode.scalar?.string else { formsOK = false; continue }
                    if let category = PluralCategory(rawValue: form) {
                        guard rules.categories.contains(category) else {
                            diagnostics.append(Diagnostic(
                                .invalidValue, at: location(formNode),
                                message: "'\(key)' has a '\(form)' form, which numbers in '\(rules.language)' never take",
                                hint: "its forms are \(rules.categories.map(\.rawValue).joined(separator: ", ")); for one exact number write \"=N\" (\"=0\": …)"))
                            formsOK = false
                            continue
                        }
                    } else if exactNumber(form) == nil {
                        let suggestion = Suggestion.closest(to: form, in: PluralCategory.allCases.map(\.rawValue))
                        diagnostics.append(Diagnostic(
                            .unknownKey, at: location(formNode),
                            message: "'\(form)' is not a plural form" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                            hint: "plural forms are CLDR's zero, one, two, few, many and other (those the language uses), or \"=N\" for one exact number"))
                        formsOK = false
                        continue
                    }
                    if let text = pattern(formValue, name: "\(key).\(form)") { read[form] = text } else { formsOK = false }
                }
                guard formsOK else { continue }
                guard read["other"] != nil else {
                    diagnostics.append(Diagnostic(.missingKey, at: location(keyNode), message: "'\(key)' has no 'other' form",
                                                  hint: "add `other:`, the form every language has (\"{count} …\")"))
                    continue
                }
                table.entries[key] = .plural(read)
            case (.mapping, .single?):
                diagnostics.append(Diagnostic(.wrongType, at: location(value), message: "'\(key)' must be one text, not plural forms",
                                              hint: "write `\(key): text`"))
                continue
            case (_, .plural?):
                diagnostics.append(Diagnostic(
                    .wrongType, at: location(value), message: "'\(key)' depends on a number: it must be a mapping of plural forms",
                    hint: "for example `\(key): {one: \"{count} …\", other: \"{count} …\"}`, with the forms the language uses (\(rules.categories.map(\.rawValue).joined(separator: ", ")))"))
                continue
            default:
                guard let text = pattern(value, name: key) else { continue }
                table.entries[key] = .single(text)
            }
            table.keyLocations[key] = location(keyNode)
        }
        return (table, diagnostics)
    }
}
