import Foundation
import Testing
@testable import QandaKit

/// The translation tables built into `qanda`, and what a Localization makes of them: strings, plurals, dates and
/// numbers as each language writes them.
@Suite struct LocalizationTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(BuiltInTranslations.folder).path

    /// The files of Localization/Tables/ are in the binary byte for byte, and nothing else is.
    @Test func theTablesFolderIsEmbeddedAsItIs() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.map { String($0.dropLast(4)) } == BuiltInTranslations.languages)
        for name in names {
            let bytes = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
            #expect(BuiltInTranslations.sources[String(name.dropLast(4))].map { Array($0.utf8) } == Array(bytes), "\(name)")
        }
        #expect(Set(["en", "es", "fr", "de", "pt", "it", "ar", "he"]).isSubset(of: BuiltInTranslations.languages))
    }

    /// English defines the keys: exactly the cases of TextKey, PatternKey and PluralKey, each of its kind.
    @Test func theEnglishTableHasExactlyTheKeysTheCodeNames() {
        let english = BuiltInTranslations.english.entries
        let named = TextKey.allCases.map(\.rawValue) + PatternKey.allCases.map(\.rawValue) + PluralKey.allCases.map(\.rawValue)
        #expect(Set(english.keys) == Set(named), "only in en.yml: \(Set(english.keys).subtracting(named).sorted()); only in code: \(Set(named).subtracting(english.keys).sorted())")
        #expect(named.count == Set(named).count)
        for key in TextKey.allCases {
            guard case .single(let pattern)? = english[key.rawValue] else { Issue.record("\(key.rawValue) is not one text"); continue }
            #expect(pattern.placeholders.isEmpty, "\(key.rawValue) has placeholders: it belongs in PatternKey")
        }
        for key in PatternKey.allCases {
            guard case .single(let pattern)? = english[key.rawValue] else { Issue.record("\(key.rawValue) is not one text"); continue }
            #expect(!pattern.placeholders.isEmpty, "\(key.rawValue) has no placeholders: it belongs in TextKey")
        }
        for key in PluralKey.allCases {
            guard case .plural(let forms)? = english[key.rawValue] else { Issue.record("\(key.rawValue) is not a plural"); continue }
            #expect(Set(forms.keys) == ["one", "other"], "\(key.rawValue)")
        }
    }

    /// Every built-in table reads without a finding, has every key, uses only each key's placeholders, gives
    /// every plural form its language's whole numbers take, and translates (a string left in English is a
    /// string nobody translated; the few that are the same word in both languages are listed).
    @Test(arguments: ["en", "es", "fr", "de", "pt", "it", "ar", "he"])
    func eachBuiltInTableIsComplete(_ language: String) {
        let (table, diagnostics) = BuiltInTranslations.parse(language)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let english = BuiltInTranslations.english.entries
        #expect(Set(table.entries.keys) == Set(english.keys), "missing: \(Set(english.keys).subtracting(table.entries.keys).sorted())")
        let rules = PluralRules(language: language)
        #expect(rules.isKnown)
        for key in PluralKey.allCases {
            guard case .plural(let forms)? = table.entries[key.rawValue] else { continue }
            for category in rules.categories {
                #expect(forms[category.rawValue] != nil, "\(language): \(key.rawValue) lacks '\(category.rawValue)'")
            }
        }
        guard language != "en" else { return }
        let sameAsEnglish: Set<String> = ["nav_label", "pager_label", "list_kind_questions", "nav_questions", "question_label",
                                          "feed_category_title", "answer_link", "website", "breadcrumb_home", "footer_tags",
                                          "tags_title", "list_kind_tag", "photo_alt"]
        for (key, entry) in table.entries where !sameAsEnglish.contains(key) {
            #expect(entry != english[key], "\(language): '\(key)' is the English text")
        }
    }

    @Test func messagePatternsSplitAtPlaceholdersOnly() {
        let pattern = MessagePattern("{count} of {total} {not a placeholder} {Upper} {x_1}")
        #expect(pattern.placeholders == ["count", "total", "x_1"])
        #expect(pattern.text(["count": "3", "total": "9", "x_1": "<b>"]) == "3 of 9 {not a placeholder} {Upper} <b>")
        #expect(pattern.html(["count": "<i>3</i>", "total": "9"]) == "<i>3</i> of 9 {not a placeholder} {Upper} {x_1}")
        #expect(MessagePattern("Tom & Jerry {name}").html(["name": "<a>x</a>"]) == "Tom &amp; Jerry <a>x</a>")
        #expect(MessagePattern("{").text() == "{" && MessagePattern("{}").placeholders.isEmpty)
    }

    /// Dates through Foundation, in the language's long form; the day as written, whatever the time zone of a
    /// timestamp and the locale's own calendar.
    @Test func datesAreTheLocalesLongForm() {
        let day = ContentDate.parse("2026-11-20")!
        #expect(Localization.builtIn("en").date(day) == "November 20, 2026")
        #expect(Localization.builtIn("es").date(day) == "20 de noviembre de 2026")
        #expect(Localization.builtIn("fr").date(day) == "20 novembre 2026")
        #expect(Localization.builtIn("de").date(day) == "20. November 2026")
        #expect(Localization.builtIn("it").date(day) == "20 novembre 2026")
        #expect(Localization.builtIn("pt").date(day) == "20 de novembro de 2026")
        #expect(Localization.builtIn("en-GB").date(day) == "20 November 2026")
        // Late in the evening west of Greenwich is still the 31st as written, not UTC's January 1.
        #expect(Localization.builtIn("en").date(ContentDate.parse("1999-12-31T23:30:00-05:00")!) == "December 31, 1999")
        // The Islamic calendar is ar-SA's default; content dates are Gregorian days.
        #expect(Localization.builtIn("ar-SA").date(day).contains("نوفمبر"), "November, not a month of the Islamic calendar")
        #expect(Localization.builtIn("he").date(day).contains("2026"))
    }

    @Test func countsFollowEachLanguagesPluralFormsAndNumbers() {
        let en = Localization.builtIn("en"), es = Localization.builtIn("es"), fr = Localization.builtIn("fr")
        let pt = Localization.builtIn("pt"), ar = Localization.builtIn("ar"), de = Localization.builtIn("de")
        #expect(en.plural(.answerCount, 1) == "1 answer" && en.plural(.answerCount, 0) == "0 answers")
        #expect(en.plural(.answerCount, 1204) == "1,204 answers")
        #expect(de.plural(.answerCount, 1204) == "1.204 Antworten")
        // Spanish groups digits from five on (CLDR's minimum grouping).
        #expect(es.number(7015) == "7015" && es.number(12_040) == "12.040")
        #expect(es.plural(.answerCount, 1) == "1 respuesta" && es.plural(.answerCount, 2) == "2 respuestas")
        #expect(es.plural(.answerCount, 1_000_000) == "1.000.000 de respuestas")
        #expect(fr.plural(.answerCount, 0) == "0 réponse" && fr.plural(.answerCount, 1) == "1 réponse")
        #expect(fr.plural(.answerCount, 2) == "2 réponses")
        // pt: CLDR puts 0 with 1; the table's "=0" keeps Portuguese's plural for zero.
        #expect(pt.plural(.answerCount, 0) == "0 respostas" && pt.plural(.answerCount, 1) == "1 resposta")
        #expect(ar.plural(.answerCount, 0) == "لا توجد إجابات" && ar.plural(.answerCount, 2) == "إجابتان")
        #expect(ar.plural(.answerCount, 3) == "3 إجابات" || ar.plural(.answerCount, 3) == "٣ إجابات")
    }

    @Test func forumTotalsAreShortInEveryLanguage() {
        let en = Localization.builtIn("en"), es = Localization.builtIn("es"), de = Localization.builtIn("de")
        #expect([0, 1, 950, 7_950, 12_345, 999_999, 1_250_000].map(en.shortPoints)
                == ["0 points", "1 point", "950 points", "7.9k points", "12k points", "999k points", "1.2M points"])
        #expect(es.shortPoints(7_950) == "7,9 mil puntos" && es.shortPoints(1) == "1 punto")
        #expect(de.shortPoints(2_700) == "2,7 Tsd. Punkte")
    }

    @Test func directionAndLanguage() {
        #expect(Localization.builtIn("ar").isRightToLeft && Localization.builtIn("he").isRightToLeft)
        #expect(Localization.builtIn("fa").isRightToLeft && Localization.builtIn("ar-EG").direction == "rtl")
        #expect(!Localization.builtIn("en").isRightToLeft && Localization.builtIn("es").direction == "ltr")
        // A region takes its language's table; a language without one takes English.
        #expect(Localization.builtIn("es-MX").text(.latestQuestions) == "Preguntas recientes")
        #expect(Localization.builtIn("pt-PT").text(.latestQuestions) == "Perguntas recentes")
        #expect(Localization.builtIn("nl").text(.latestQuestions) == "Latest questions")
    }

    /// A site's table wins over the built-in one, key by key; a plural it gives replaces the built-in forms.
    @Test func aSiteTableOverridesStringByString() {
        let text = "latest_questions: Lo último\nanswer_count:\n  one: una respuesta\n  many: \"{count} de respuestas\"\n  other: \"{count} respuestas\"\n"
        let (table, diagnostics) = TranslationTable.parse(text, file: "i18n/es.yml", rules: PluralRules(language: "es"),
                                                          reference: BuiltInTranslations.english)
        #expect(diagnostics.isEmpty)
        let es = Localization(language: "es", site: table)
        #expect(es.text(.latestQuestions) == "Lo último")
        #expect(es.text(.categoriesTitle) == "Categorías")
        #expect(es.plural(.answerCount, 1) == "una respuesta")
        #expect(es.fingerprint != Localization.builtIn("es").fingerprint)
        #expect(Localization.builtIn("es").fingerprint == Localization.builtIn("es").fingerprint)
    }

    @Test func languageTagsAreCheckedForTheirShape() {
        for good in ["en", "es", "pt-BR", "zh-Hant", "zh-Hant-TW", "es-419", "ar-u-nu-latn", "fil"] {
            #expect(LanguageTag.problem(good) == nil, "\(good)")
        }
        for bad in ["english", "e", "en_US", "en-", "-en", "en--US", "en US", "éé", "en-toolongsubtag"] {
            #expect(LanguageTag.problem(bad) != nil, "\(bad)")
        }
    }
}
