import Testing
@testable import QandaKit

/// The plural rules against CLDR's published rules for whole numbers
/// (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html), case by case: the
/// numbers below are picked at each rule's edges (0, 1, 2, the ends of each range, the hundreds that restart
/// a range, exact millions), with the category the rule's conditions give for n = i, v = 0, e = 0.
@Suite struct PluralRulesTests {
    typealias Case = (language: String, number: Int, category: PluralCategory)

    static let cases: [Case] = [
        // en, de, it (one: i = 1 and v = 0); it also has many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0.
        ("en", 0, .other), ("en", 1, .one), ("en", 2, .other), ("en", 11, .other), ("en", 21, .other), ("en", 1_000_000, .other),
        ("de", 0, .other), ("de", 1, .one), ("de", 2, .other), ("de", 101, .other), ("de", 1_000_000, .other),
        ("it", 0, .other), ("it", 1, .one), ("it", 2, .other), ("it", 1_000_000, .many), ("it", 3_000_000, .many),
        ("it", 1_000_001, .other), ("it", 100_000, .other),
        // es: one: n = 1; many: as it.
        ("es", 0, .other), ("es", 1, .one), ("es", 2, .other), ("es", 21, .other), ("es", 1_000_000, .many),
        ("es", 2_000_000, .many), ("es", 1_500_000, .other), ("es", 10_000_000, .many),
        // fr: one: i = 0,1; many as it. 0 is "one" ("0 réponse").
        ("fr", 0, .one), ("fr", 1, .one), ("fr", 2, .other), ("fr", 999_999, .other), ("fr", 1_000_000, .many),
        // pt (Brazil): one: i = 0..1; many as it. pt-PT: one: i = 1 and v = 0.
        ("pt", 0, .one), ("pt", 1, .one), ("pt", 2, .other), ("pt", 1_000_000, .many),
        ("pt-BR", 0, .one), ("pt-PT", 0, .other), ("pt-PT", 1, .one), ("pt-PT", 2, .other), ("pt-PT", 1_000_000, .many),
        // ar: zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99; other.
        ("ar", 0, .zero), ("ar", 1, .one), ("ar", 2, .two), ("ar", 3, .few), ("ar", 10, .few), ("ar", 11, .many),
        ("ar", 99, .many), ("ar", 100, .other), ("ar", 101, .other), ("ar", 102, .other), ("ar", 103, .few),
        ("ar", 110, .few), ("ar", 111, .many), ("ar", 199, .many), ("ar", 200, .other), ("ar", 1000, .other),
        ("ar", 1003, .few), ("ar-EG", 11, .many),
        // he: one: i = 1 and v = 0; two: i = 2 and v = 0; other (CLDR 42 dropped "many" for 20, 30, …).
        ("he", 0, .other), ("he", 1, .one), ("he", 2, .two), ("he", 3, .other), ("he", 10, .other), ("he", 20, .other),
        ("he", 102, .other),
        // ru: one: v = 0 and i % 10 = 1 and i % 100 != 11; few: i % 10 = 2..4 and i % 100 != 12..14; many: the rest.
        ("ru", 0, .many), ("ru", 1, .one), ("ru", 2, .few), ("ru", 4, .few), ("ru", 5, .many), ("ru", 11, .many),
        ("ru", 12, .many), ("ru", 14, .many), ("ru", 21, .one), ("ru", 22, .few), ("ru", 111, .many), ("ru", 101, .one),
        // pl: one: i = 1; few: as ru; many: the rest of the integers (21 is many, unlike ru).
        ("pl", 0, .many), ("pl", 1, .one), ("pl", 2, .few), ("pl", 5, .many), ("pl", 12, .many), ("pl", 21, .many), ("pl", 22, .few),
        // cs: one: i = 1; few: i = 2..4; other.
        ("cs", 1, .one), ("cs", 3, .few), ("cs", 5, .other), ("cs", 22, .other),
        // ja: other only.
        ("ja", 0, .other), ("ja", 1, .other), ("ja", 2, .other),
        // A language without a rule here takes English's.
        ("xx", 1, .one), ("xx", 2, .other),
    ]

    @Test func everyCaseHasCLDRsCategory() {
        for (language, number, category) in Self.cases {
            #expect(PluralRules(language: language).category(of: number) == category, "\(language) \(number)")
        }
    }

    @Test func eachLanguageListsTheCategoriesItsWholeNumbersUse() {
        let expected: [String: [PluralCategory]] = [
            "en": [.one, .other], "de": [.one, .other], "es": [.one, .many, .other], "fr": [.one, .many, .other],
            "it": [.one, .many, .other], "pt": [.one, .many, .other], "ar": [.zero, .one, .two, .few, .many, .other],
            "he": [.one, .two, .other], "ru": [.one, .few, .many], "ja": [.other],
        ]
        for (language, categories) in expected {
            #expect(PluralRules(language: language).categories == categories, "\(language)")
        }
        #expect(PluralRules(language: "pt-BR").language == "pt")
        #expect(PluralRules(language: "pt-PT").language == "pt-pt")
        #expect(PluralRules(language: "es-MX").isKnown && !PluralRules(language: "xx").isKnown)
    }
}
