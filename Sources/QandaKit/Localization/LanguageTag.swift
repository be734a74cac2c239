/// The shape of a BCP 47 language tag (RFC 5646), as `lang` attributes, feeds and the i18n file names use it:
/// a language subtag of 2 or 3 letters (ISO 639: BCP 47's longer language subtags are reserved or unused, and
/// `english` is a mistake, not a tag), then subtags of 1 to 8 letters or digits
/// separated by hyphens (`en`, `pt-BR`, `zh-Hant-TW`, `es-419`, `ar-u-nu-latn`). Only the syntax is checked:
/// whether a subtag is registered is the IANA registry's business.
package enum LanguageTag {
    /// Why `tag` is not a language tag, or nil.
    package static func problem(_ tag: String) -> String? {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = subtags.first, (2...3).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return "is not a language tag: it must start with a language code of letters, such as en, es or pt"
        }
        for subtag in subtags.dropFirst() {
            guard (1...8).contains(subtag.count), subtag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                return "is not a language tag: after the language come subtags of 1 to 8 letters or digits, joined by hyphens (pt-BR, zh-Hant)"
            }
        }
        return nil
    }
}
