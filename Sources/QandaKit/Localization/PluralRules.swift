/// The CLDR plural categories (https://cldr.unicode.org/index/cldr-spec/plural-rules): the forms a language's
/// words take after a number. Each language uses some of them; `other` is always one.
package enum PluralCategory: String, CaseIterable, Sendable {
    case zero, one, two, few, many, other
}

/// A language's CLDR plural rule for whole numbers (the counts Qanda prints), from the published rules
/// (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html). For a whole number the
/// operands are n = i (the number), v = 0 (no visible fraction digits) and e = 0 (no compact exponent: counts are
/// printed in full). A language missing here takes English's rule (one for 1, other for the rest) and
/// `isKnown` is false.
package struct PluralRules: Sendable {
    /// The language subtag the rule is for (`pt` also for `pt-BR`; `pt-PT` has its own).
    package let language: String
    package let isKnown: Bool
    /// The categories whole numbers reach in this language, in CLDR's order: the forms a table must give.
    package let categories: [PluralCategory]
    private let rule: Rule

    private enum Rule: Sendable {
        case otherOnly, oneForOne, oneForZeroOrOne, romance, romanceZeroAndOne, arabic, hebrew,
             eastSlavic, polish, czech, romanian
    }

    /// - Parameter language: a BCP 47 tag (`fr`, `pt-BR`, `pt-PT`, `ar-EG`).
    package init(language: String) {
        let tag = language.lowercased().replacingOccurrences(of: "_", with: "-")
        let base = String(tag.prefix { $0 != "-" })
        let lookup = Self.rules[tag] ?? Self.rules[base]
        self.language = Self.rules[tag] != nil ? tag : base
        isKnown = lookup != nil
        rule = lookup ?? .oneForOne
        categories = Self.categories(of: rule)
    }

    private static let rules: [String: Rule] = {
        var rules: [String: Rule] = [:]
        for language in ["ja", "zh", "ko", "th", "vi", "id", "ms", "yue", "lo", "my", "km"] { rules[language] = .otherOnly }
        for language in ["en", "de", "nl", "sv", "da", "nb", "nn", "no", "fi", "et", "el", "hu", "tr", "bg", "ka", "sw"] {
            rules[language] = .oneForOne
        }
        for language in ["hi", "bn", "fa", "gu", "kn", "mr", "zu", "am"] { rules[language] = .oneForZeroOrOne }
        for language in ["es", "it", "ca", "pt-pt"] { rules[language] = .romance }
        for language in ["fr", "pt"] { rules[language] = .romanceZeroAndOne }
        rules["ar"] = .arabic
        rules["he"] = .hebrew
        rules["ru"] = .eastSlavic
        rules["uk"] = .eastSlavic
        rules["be"] = .eastSlavic
        rules["pl"] = .polish
        rules["cs"] = .czech
        rules["sk"] = .czech
        rules["ro"] = .romanian
        return rules
    }()

    /// The category of `count` (negative counts take the category of their magnitude).
    package func category(of count: Int) -> PluralCategory { Self.category(of: count, rule: rule) }

    private static func category(of count: Int, rule: Rule) -> PluralCategory {
        let i = count.magnitude
        let tens = i % 10, hundreds = i % 100
        // es, fr, it, pt: "many" for exact millions ("1 000 000 de réponses"): e = 0 and i != 0 and i % 1000000 = 0.
        let isMillions = i != 0 && i % 1_000_000 == 0
        switch rule {
        case .otherOnly: return .other
        case .oneForOne: return i == 1 ? .one : .other
        case .oneForZeroOrOne: return i <= 1 ? .one : .other    // hi, fa: i = 0 or n = 1
        case .romance: return i == 1 ? .one : isMillions ? .many : .other
        case .romanceZeroAndOne: return i <= 1 ? .one : isMillions ? .many : .other   // fr: i = 0,1; pt: i = 0..1
        case .arabic:
            switch (i, hundreds) {
            case (0, _): return .zero
            case (1, _): return .one
            case (2, _): return .two
            case (_, 3...10): return .few
            case (_, 11...99): return .many
            default: return .other
            }
        case .hebrew: return i == 1 ? .one : i == 2 ? .two : .other
        case .eastSlavic:
            if tens == 1 && hundreds != 11 { return .one }
            if (2...4).contains(tens) && !(12...14).contains(hundreds) { return .few }
            return .many
        case .polish:
            if i == 1 { return .one }
            if (2...4).contains(tens) && !(12...14).contains(hundreds) { return .few }
            return .many
        case .czech: return i == 1 ? .one : (2...4).contains(i) ? .few : .other
        case .romanian:
            if i == 1 { return .one }
            return i == 0 || (1...19).contains(hundreds) ? .few : .other
        }
    }

    /// Every rule's categories show within 0...1,200 but the exact millions of "many".
    private static func categories(of rule: Rule) -> [PluralCategory] {
        let reached = Set(((0...1_200).map { $0 } + [1_000_000, 2_000_000]).map { category(of: $0, rule: rule) })
        return PluralCategory.allCases.filter(reached.contains)
    }
}
