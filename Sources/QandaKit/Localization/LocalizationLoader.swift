import Foundation

/// Reads a site's translation table, `i18n/<language>.yml` (optional), and makes the site's Localization. Its
/// findings: the table's own (unknown keys with a "did you mean", placeholders a string cannot have, plural forms
/// the language does not use: errors), and `missing-translation` warnings for every string that would show in
/// English on a site in another language, and for every plural form the language needs that a table lacks.
package enum LocalizationLoader {
    package static let folderName = "i18n"

    /// The site's table for a language, as findings name it.
    package static func file(for language: String) -> String { "\(folderName)/\(language).yml" }

    package static func load(siteFolder: String, config: SiteConfig) -> (Localization, [Diagnostic]) {
        let language = config.language
        let file = file(for: language)
        var diagnostics: [Diagnostic] = []
        var siteTable: TranslationTable?
        if let bytes = FileBytes.read(siteFolder + "/" + file) {
            switch SourceText.decode(bytes) {
            case .success(let text):
                let (table, found) = TranslationTable.parse(text.text, file: file, rules: PluralRules(language: language),
                                                           reference: BuiltInTranslations.english)
                siteTable = table
                diagnostics += found
            case .failure(.notUTF8(let line, let column)):
                diagnostics.append(Diagnostic(.notUTF8, file: file, line: line, column: column,
                                              message: "the file is not UTF-8 text: the byte here (shown as \u{FFFD}) is not UTF-8",
                                              hint: "save it as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252)"))
            case .failure(.empty):
                siteTable = TranslationTable()
            }
        }
        guard !diagnostics.hasErrors else { return (Localization(language: language), diagnostics) }
        diagnostics += missing(language: language, site: siteTable, file: file, languageLocation: config.languageLocation)
        return (Localization(language: language, site: siteTable), diagnostics)
    }

    /// The strings that would show in English, and the plural forms a table lacks.
    static func missing(language: String, site: TranslationTable?, file: String,
                        languageLocation: SourceLocation?) -> [Diagnostic] {
        let rules = PluralRules(language: language)
        let builtIn = BuiltInTranslations.table(for: language)
        let name = displayName(of: language)
        var diagnostics: [Diagnostic] = []
        if builtIn?.code != BuiltInTranslations.englishCode {
            let english = BuiltInTranslations.english.entries.keys.filter { key in
                site?.entries[key] == nil && builtIn?.table.entries[key] == nil
            }.sorted()
            if !english.isEmpty {
                let total = BuiltInTranslations.english.entries.count
                let hint = "translate them in \(file) (README, \"Languages\"); `qanda templates eject i18n` writes that file with the English strings to start from"
                if site != nil {
                    let what = english.count == total
                        ? "None of the \(total) strings of the pages has a \(name) translation, so all show in English"
                        : "\(english.count) of the \(total) strings of the pages have no \(name) translation, so they show in English"
                    diagnostics.append(Diagnostic(.missingTranslation, .warning, file: file,
                                                  message: "\(what): \(english.joined(separator: ", "))",
                                                  hint: hint))
                } else {
                    let place = languageLocation ?? SourceLocation(file: SiteConfigLoader.fileName)
                    let builtIns = BuiltInTranslations.languages.joined(separator: ", ")
                    diagnostics.append(Diagnostic(.missingTranslation, .warning, at: place,
                                                  message: "Qanda has no \(name) translation (built in: \(builtIns)), so the pages' own words show in English",
                                                  hint: hint))
                }
            }
        }
        // A plural the site gives, or the built-in table of another language it falls back to (pt's for pt-PT),
        // without a form this language uses. English strings standing in for a missing table are reported above.
        for key in PluralKey.allCases.map(\.rawValue) {
            let forms: [String: MessagePattern], place: SourceLocation
            if case .plural(let given)? = site?.entries[key] {
                (forms, place) = (given, site?.keyLocations[key] ?? SourceLocation(file: file))
            } else if let builtIn, builtIn.code != BuiltInTranslations.englishCode, case .plural(let given)? = builtIn.table.entries[key] {
                (forms, place) = (given, languageLocation ?? SourceLocation(file: SiteConfigLoader.fileName))
            } else {
                continue
            }
            let lacking = rules.categories.filter { forms[$0.rawValue] == nil }
            guard !lacking.isEmpty else { continue }
            diagnostics.append(Diagnostic(
                .missingTranslation, .warning, at: place,
                message: "'\(key)' has no \(lacking.map { "'\($0.rawValue)'" }.joined(separator: ", ")) form, which \(name) numbers use (\(examples(lacking, rules: rules))); the 'other' form shows instead",
                hint: "add \(lacking.map { "`\($0.rawValue):`" }.joined(separator: ", ")) to '\(key)' in \(file)"))
        }
        return diagnostics
    }

    /// A few numbers of each category: "few: 3, 4, 5".
    private static func examples(_ categories: [PluralCategory], rules: PluralRules) -> String {
        categories.map { category in
            let numbers = ((0...200).map { $0 } + [1_000_000]).filter { rules.category(of: $0) == category }.prefix(3)
            return "\(category.rawValue): " + numbers.map { Plural.grouped($0) }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// "Dutch (nl)": the language's English name, for messages.
    static func displayName(of language: String) -> String {
        let name = Locale(identifier: "en").localizedString(forIdentifier: language)
        return name.map { "\($0) (\(language))" } ?? "'\(language)'"
    }
}
