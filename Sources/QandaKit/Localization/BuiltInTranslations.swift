import Foundation

/// The translation tables built into `qanda`: the files of Localization/Tables/ (`en.yml`, `es.yml`, …), embedded
/// at build time by Plugins/EmbedTheme and read once. English is the reference: it has every key, and any other
/// table's missing string falls back to it.
package enum BuiltInTranslations {
    /// The folder in Qanda's source, as findings about a built-in table name it.
    package static let folder = "Sources/QandaKit/Localization/Tables"
    package static let englishCode = "en"

    /// Every table as written, by file name without `.yml` (a language tag, lowercase).
    package static let sources: [String: String] = EmbeddedTranslations.base64.reduce(into: [:]) { sources, file in
        guard file.key.hasSuffix(".yml") else { return }
        sources[String(file.key.dropLast(4))] = String(decoding: Data(base64Encoded: file.value)!, as: UTF8.self)
    }

    /// The languages with a table, sorted.
    package static var languages: [String] { sources.keys.sorted() }

    /// The English table: every key, with the placeholders each may use.
    package static let english: TranslationTable = parse(englishCode).table

    /// Every table, read against English.
    package static let tables: [String: TranslationTable] = Dictionary(uniqueKeysWithValues: languages.map { ($0, parse($0).table) })

    /// A built-in table read as a site's would be, with its findings (tests hold them to none).
    package static func parse(_ language: String) -> (table: TranslationTable, diagnostics: [Diagnostic]) {
        let reference = language == englishCode ? nil : english
        return TranslationTable.parse(sources[language] ?? "", file: "\(folder)/\(language).yml",
                                      rules: PluralRules(language: language), reference: reference)
    }

    /// The built-in table for a language tag: the tag's own (`pt-pt`) or its language's (`pt` for `pt-BR`), else
    /// nil.
    package static func table(for language: String) -> (code: String, table: TranslationTable)? {
        let tag = language.lowercased().replacingOccurrences(of: "_", with: "-")
        if let table = tables[tag] { return (tag, table) }
        let base = String(tag.prefix { $0 != "-" })
        return tables[base].map { (base, $0) }
    }
}
