import Foundation
import Synchronization

/// Text in any script spelled in Latin letters, for slugs: "Что такое тревога?" -> "chto takoe trevoga?",
/// "Τι είναι το άγχος;" -> "ti einai to anchos?", "什么是焦虑？" -> "shen me shi jiao lu?".
///
/// ICU does the work, through Foundation's `applyingTransform`: `Any-Latin` picks each script's transliterator
/// (Han-Latin gives pinyin, Hangul-Latin, Arabic-Latin, Hebrew-Latin, Devanagari-Latin, the kana, …) and
/// `Latin-ASCII` drops what is left of accents and spells ł, ø, æ, ß as l, o, ae, ss. Two scripts get a better
/// reading than `Any-Latin`'s: Greek goes through `Greek-Latin/UNGEGN` (modern Greek: "ευχαριστώ" ->
/// "efcharisto", not "eucharisto"), and Cyrillic letters that ICU's ISO 9 writes with diacritics (ч -> č, which
/// would fold to a bare "c") are spelled first as English readers write them (ч -> ch, ш -> sh, ю -> yu).
///
/// ICU transforms take microseconds each, and `Slug.make` runs for every category and tag of every thread, so
/// results are kept per distinct text.
enum SlugTransliteration {
    /// The slug made from `text`: `slugFromLatin` applied to `text` in Latin letters, remembered.
    static func slug(for text: String, slugFromLatin: (String) -> String) -> String {
        if let known = cache.withLock({ $0[text] }) { return known }
        let slug = slugFromLatin(latin(text))
        cache.withLock { remembered in
            // A site has a few thousand distinct names at most; a stream of distinct texts (a fuzzer) starts over.
            if remembered.count >= cacheLimit { remembered.removeAll(keepingCapacity: true) }
            remembered[text] = slug
        }
        return slug
    }

    /// `text` lowercased and in Latin letters (ASCII wherever ICU has a reading); letters of a script ICU cannot
    /// transliterate (Lao, Khmer, Sinhala, Mongolian, …) are left as they are, and make no slug.
    static func latin(_ text: String) -> String {
        var spelled = ""
        // NFC first: a title from a macOS file name may be decomposed (и + ◌̆ rather than й).
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if let latin = cyrillic[scalar] { spelled += latin } else { spelled.unicodeScalars.append(scalar) }
        }
        // nil only when ICU lacks the transforms; the slug is then made from the text as it is (other scripts dropped).
        return spelled.applyingTransform(StringTransform(transformID), reverse: false) ?? spelled
    }

    /// "Null" first, so that the filter belongs to the Greek step alone (a filter before the first step filters all).
    private static let transformID = "Null; [:Greek:] Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII"

    /// The Cyrillic letters that ICU writes with diacritics or marks, spelled as in English-language usage (BGN/PCGN,
    /// passports): "что" -> "chto", "щука" -> "shchuka", "юлия" -> "yuliya", "андрей" -> "andrey". The rest
    /// (а -> a, б -> b, … and Ukrainian, Serbian, Kazakh letters) is ICU's.
    private static let cyrillic: [Unicode.Scalar: String] = [
        "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ю": "yu", "я": "ya", "ё": "yo", "й": "y", "ы": "y", "э": "e",
        "ъ": "", "ь": "",  // hard and soft signs: no sound of their own
    ]

    private static let cacheLimit = 65_536
    private static let cache = Mutex<[String: String]>([:])
}
