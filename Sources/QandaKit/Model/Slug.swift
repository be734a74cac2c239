import Foundation

/// URL path segments made from names, and the rules that keep every written file inside the output folder.
public enum Slug {
    /// "Ask the Therapist" -> "ask-the-therapist"; "Ansiedad y Pánico" -> "ansiedad-y-panico";
    /// "Что такое тревога?" -> "chto-takoe-trevoga".
    /// Lowercase ASCII letters and digits joined by single hyphens; empty when nothing is left.
    ///
    /// Text whose letters fold to ASCII (accents dropped, case and width folded) keeps the slug it always had: a
    /// slug is a published URL. Only letters folding cannot turn into ASCII (Cyrillic, Greek, Arabic, Han, …, and
    /// Latin letters such as ł, ø, æ) are transliterated, by `SlugTransliteration`.
    /// - Parameter transliterating: false for the slugs that must stay as they were made before transliteration
    ///   existed, whatever the script (heading ids, which authors link to; citation keys): other scripts' letters
    ///   are then dropped.
    public static func make(from text: String, transliterating: Bool = true) -> String {
        // Folding goes through ICU, which is slow; ASCII text only needs lowercasing.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return hyphenated(text.lowercased()) }
        let folded = fold(text)
        guard transliterating, hasUnfoldedLetters(folded) else { return hyphenated(folded) }
        return SlugTransliteration.slug(for: text) { latin in
            hyphenated(fold(latin), dropping: { $0.properties.generalCategory == .modifierLetter })
        }
    }

    /// Whether `make` transliterates this text: it has letters or digits that folding leaves outside ASCII.
    public static func needsTransliteration(_ text: String) -> Bool {
        !text.utf8.allSatisfy { $0 < 0x80 } && hasUnfoldedLetters(fold(text))
    }

    /// Accents dropped, case and width folded: "Ça" -> "ca", "ＡＢＣ" -> "abc"; other scripts are left as they are.
    private static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Letters and decimal digits outside ASCII. Modifier letters (the ʻokina in "Hawaiʻi") are not counted: they
    /// have always been separators, and counting them would change such slugs.
    private static func hasUnfoldedLetters(_ folded: String) -> Bool {
        folded.unicodeScalars.contains { scalar in
            guard !scalar.isASCII else { return false }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .decimalNumber: return true
            default: return false
            }
        }
    }

    /// Runs of a-z and 0-9 joined by single hyphens; apostrophes (and `dropping`) join rather than separate.
    private static func hyphenated(_ folded: String, dropping: (Unicode.Scalar) -> Bool = { _ in false }) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let isWordCharacter = scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar))
            if isWordCharacter {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" || dropping(scalar) {
                continue  // "don't" -> "dont", as people expect
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// A folder name or `slug:` value is usable as one URL segment: a-z, 0-9, '-', '_' and '.',
    /// not starting with a dot (so never "." or ".." and never a hidden file).
    public static func isValidSegment(_ segment: String) -> Bool {
        guard let first = segment.unicodeScalars.first, first != "." else { return false }
        return segment.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
    }

    /// A name starting with a dot (`.DS_Store`, `.swp`): editor and OS litter, never published. Read as bytes: a
    /// combining mark after the dot makes one Character of both, which `hasPrefix(".")` does not match.
    public static func isHidden(_ name: some StringProtocol) -> Bool {
        name.utf8.first == UInt8(ascii: ".")
    }

    /// A relative path (`img/.cache/x.png`) with a hidden segment anywhere, read as bytes.
    public static func hasHiddenSegment(_ path: String) -> Bool {
        path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).contains { $0.first == UInt8(ascii: ".") }
    }

    /// An attachment's file name: any visible name without path separators, not hidden, not "..".
    /// Read as bytes, as `OutputPath.isSafe` reads them: compared as Characters, a combining mark after "/" or "."
    /// joins it into one Character that is neither, and "/" + U+065F passed here to be refused at write time.
    public static func isSafeFileName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: ".") else { return false }
        guard !name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }) else { return false }
        return !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// An alias path (`/ask/old-url/`): absolute on the site, made of valid segments, so it maps to a folder
    /// inside the output. Returns the segments, or nil when the path could escape or is malformed.
    public static func aliasSegments(_ path: String) -> [String]? {
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return nil }
        var trimmed = path.dropFirst()
        if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "index.html" || trimmed.hasSuffix("/index.html") { trimmed = trimmed.dropLast("index.html".count); if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() } }
        guard !trimmed.isEmpty else { return nil }
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard segments.allSatisfy(isValidSegment) else { return nil }
        return segments
    }
}
