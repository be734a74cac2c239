import Foundation

/// Text into search terms, the same way for the index and for a reader's query, so that they meet:
/// "Don't panic: Ça va? 不安 anxiety-attacks" -> dont, panic, ca, va, 不, 安, anxieti, attack.
public enum SearchTokenizer {
    /// Lowercased and folded like `Slug` (é -> e, ß -> ss, full-width -> ASCII); split on anything that is not a
    /// letter, digit or combining mark; apostrophes and Hebrew and Arabic vowel points dropped without splitting
    /// ("don't" -> "dont"); each Han, kana and Hangul character a term of its own, since those scripts do not put
    /// spaces between words; terms of ASCII letters only stemmed with `EnglishStemmer`. Other scripts' words are
    /// kept whole, folded but not stemmed.
    public static func terms(in text: String) -> [String] {
        // Folding goes through ICU, which is slow; ASCII text only needs lowercasing.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased()
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        func finishTerm() {
            guard !current.isEmpty else { return }
            terms.append(term(from: current))
            current = String.UnicodeScalarView()
        }
        for scalar in folded.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" || isOptionalVowelPoint(scalar) {
                continue
            } else if isWrittenWithoutSpaces(scalar) {
                finishTerm()
                terms.append(String(scalar))
            } else if isWordCharacter(scalar) {
                current.append(scalar)
            } else {
                finishTerm()
            }
        }
        finishTerm()
        return terms
    }

    private static func term(from scalars: String.UnicodeScalarView) -> String {
        let isEnglishLooking = scalars.allSatisfy { $0.isASCII && ("a"..."z").contains($0) }
        return isEnglishLooking ? EnglishStemmer.stem(String(scalars)) : String(scalars)
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return properties.isAlphabetic
        }
    }

    /// Hebrew and Arabic vowel points and cantillation, which most text leaves out and ICU's diacritic folding keeps:
    /// dropped, so pointed and unpointed spellings give the same term.
    private static func isOptionalVowelPoint(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0591...0x05C7, 0x064B...0x065F, 0x0670: scalar.properties.generalCategory == .nonspacingMark
        default: false
        }
    }

    /// Han (with its extensions and compatibility forms), Hiragana, Katakana (with half-width forms) and Hangul.
    private static func isWrittenWithoutSpaces(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: true  // Han
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: true  // Hiragana, Katakana
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF: true  // Hangul
        default: false
        }
    }
}
