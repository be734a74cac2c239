import Foundation

/// Everything a page needs to speak one language: the translated strings (the site's i18n/<language>.yml over the
/// built-in table for the language, over English), the plural rule, the text direction and the locale's dates and
/// numbers. Made once per build and language, and handed to whatever renders pages (ContextBuilder, the feeds,
/// the search index): never a global, so that a site in several languages can hold one per language.
package struct Localization: Sendable {
    /// The language tag as qanda.yml writes it (`es`, `pt-BR`): the pages' `lang`.
    package let language: String
    package let locale: Locale
    /// Arabic, Hebrew and the other right-to-left scripts: pages get `dir="rtl"`.
    package let isRightToLeft: Bool
    package let pluralRules: PluralRules
    /// Every key of the English table, resolved.
    private let entries: [String: TranslationTable.Entry]
    /// Of the language and every string: part of every page's key, so that an edit of a translation renders
    /// what shows it.
    package let fingerprint: Fingerprint
    let formats: LocaleFormats
    /// What templates see as `t`.
    let translations: Translations
    /// The site's names for its categories and tags in this language (`categories:`/`tags:` of its table).
    package let taxonomyNames: TaxonomyNames

    /// - Parameters:
    ///   - language: a BCP 47 tag.
    ///   - site: the site's own table (i18n/<language>.yml), whose strings win.
    package init(language: String, site: TranslationTable? = nil) {
        self.language = language
        locale = Locale(identifier: language)
        isRightToLeft = Locale.Language(identifier: language).characterDirection == .rightToLeft
        pluralRules = PluralRules(language: language)
        let builtIn = BuiltInTranslations.table(for: language)?.table
        var entries: [String: TranslationTable.Entry] = [:]
        var fingerprint = Fingerprint()
        fingerprint.add(language)
        for key in BuiltInTranslations.english.entries.keys.sorted() {
            let entry = site?.entries[key] ?? builtIn?.entries[key] ?? BuiltInTranslations.english.entries[key]!
            entries[key] = entry
            fingerprint.add(key)
            switch entry {
            case .single(let pattern):
                fingerprint.add(pattern.source)
            case .plural(let forms):
                for form in forms.keys.sorted() {
                    fingerprint.add(form)
                    fingerprint.add(forms[form]!.source)
                }
            }
        }
        taxonomyNames = site?.taxonomyNames ?? TaxonomyNames()
        for (slug, entry) in taxonomyNames.categories.sorted(by: { $0.key < $1.key }) { fingerprint.add("category " + slug + " " + entry.name) }
        for (slug, entry) in taxonomyNames.tags.sorted(by: { $0.key < $1.key }) { fingerprint.add("tag " + slug + " " + entry.name) }
        self.entries = entries
        self.fingerprint = fingerprint
        formats = LocaleFormats(locale: locale)
        translations = Translations(texts: Dictionary(uniqueKeysWithValues: TextKey.allCases.map { key in
            guard case .single(let pattern)? = entries[key.rawValue] else { return (key, "") }
            return (key, pattern.text())
        }))
    }

    /// The built-in strings of a language, with no site table: what tests and `qanda cite` use.
    package static func builtIn(_ language: String) -> Localization { Localization(language: language) }

    /// `ltr` or `rtl`, for `dir`.
    package var direction: String { isRightToLeft ? "rtl" : "ltr" }

    // MARK: Strings

    package func text(_ key: TextKey) -> String { translations.text(key) }

    private func pattern(_ key: PatternKey) -> MessagePattern {
        guard case .single(let pattern)? = entries[key.rawValue] else { return MessagePattern(key.rawValue) }
        return pattern
    }

    /// A pattern filled in with plain values.
    package func text(_ key: PatternKey, _ values: [String: String]) -> String { pattern(key).text(values) }

    /// A pattern as HTML: its own text escaped, the values (HTML already) put in.
    package func html(_ key: PatternKey, _ values: [String: String]) -> String { pattern(key).html(values) }

    /// The form of a plural string for `count`: its exact-number form (`=0`) if it has one, else the form of the
    /// count's category, else `other`.
    func pluralPattern(_ key: PluralKey, count: Int) -> MessagePattern {
        guard case .plural(let forms)? = entries[key.rawValue] else { return MessagePattern(key.rawValue) }
        return forms["=\(count)"] ?? forms[pluralRules.category(of: count).rawValue] ?? forms["other"]!
    }

    /// "4 answers", "1 respuesta", "إجابتان": `{count}` is the count as the locale writes it.
    package func plural(_ key: PluralKey, _ count: Int, _ values: [String: String] = [:]) -> String {
        pluralPattern(key, count: count).text(values.merging(["count": number(count)]) { $1 })
    }

    /// Every form of a plural string, by form name (for the search page's script, which picks them itself).
    package func pluralForms(_ key: PluralKey) -> [String: String] {
        guard case .plural(let forms)? = entries[key.rawValue] else { return [:] }
        return forms.mapValues(\.source)
    }

    /// A pattern's text as written, placeholders and all (for the search page's script).
    package func source(_ key: PatternKey) -> String { pattern(key).source }

    // MARK: Dates and numbers

    /// A content date as readers of this language write it: "April 26, 2018", "26 de abril de 2018".
    package func date(_ date: ContentDate) -> String { formats.date(date) }

    /// 1204 -> "1,204" (en), "1204" (es: no separator below 10,000), "1.204" (de).
    package func number(_ value: Int) -> String { formats.number(value) }

    /// A forum total beside a name: "950 points", "7.9k points", "12k points", "1.2M points"; one decimal below ten
    /// units, none from there, rounded down (999,999 is "999k"). The plural form is that of the whole total.
    package func shortPoints(_ points: Int) -> String {
        func compact(_ unit: Int, _ key: PatternKey) -> String {
            let whole = points / unit, tenth = (points % unit) * 10 / unit
            let number = whole >= 10 || tenth == 0 ? self.number(whole)
                : self.number(whole) + formats.decimalSeparator + self.number(tenth)
            return text(key, ["number": number])
        }
        let shown: String
        switch points {
        case ..<1000: shown = number(points)
        case ..<1_000_000: shown = compact(1000, .pointsThousands)
        default: shown = compact(1_000_000, .pointsMillions)
        }
        return pluralPattern(.points, count: points).text(["count": shown])
    }

    /// A `<time>` element for a content date, for the `…_html` values.
    package func timeHTML(_ date: ContentDate) -> String {
        "<time datetime=\"\(HTML.escape(date.text))\">\(HTML.escape(self.date(date)))</time>"
    }
}
