import Foundation

/// Text into search terms, the same way for the index and for a reader's query (the search script does exactly
/// this too, docs/SEARCH.md), so that they meet:
/// "Don't panic: Ça va? 不安 anxiety-attacks" -> dont, panic, ca, va, 不, 安, anxieti, attack.
package enum SearchTokenizer {
    /// A word longer than this (in Unicode scalars) keeps only its beginning: no real word is this long, and a
    /// 10,000-letter "word" must not cost the stemmer or the index more than a normal one.
    package static let longestTerm = 40

    /// Folded (compatibility decomposition, accents and Hebrew and Arabic points dropped, recomposed, lowercased:
    /// é -> e, ﬁ -> fi, full-width -> ASCII); split on anything that is not a letter, digit or mark; apostrophes
    /// dropped without splitting ("don't" -> "dont"); each Han, kana and Hangul character a term of its own, since
    /// those scripts do not put spaces between words; terms of ASCII letters only stemmed with `EnglishStemmer`.
    package static func terms(in text: String) -> [String] {
        var terms: [String] = [], stems: [String: String] = [:]
        forEachWord(in: text) { word, isEnglish in terms.append(isEnglish ? stem(word, stems: &stems) : word) }
        return terms
    }

    /// The stem of a word of ASCII letters, remembered in `stems`.
    static func stem(_ word: String, stems: inout [String: String]) -> String {
        if let stem = stems[word] { return stem }
        let stem = EnglishStemmer.stem(word)
        stems[word] = stem
        return stem
    }

    /// Calls `body` with each word of `text` before stemming, and whether it is to be stemmed (ASCII letters only):
    /// a document counts its words first and stems each different word once.
    ///
    /// The text is cut at ASCII bytes that are not part of a word (spaces, punctuation); a piece of ASCII letters,
    /// digits and apostrophes is one word, read straight from the bytes (most text); a piece with other characters
    /// is folded and split as the rules say. Folding never joins or splits across such bytes, so the words are
    /// those of folding the whole text first.
    static func forEachWord(in text: String, _ body: (String, Bool) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0, isASCII = true, index = 0
            while index <= bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                var separatorLength = 0
                if byte < 0x80 {
                    if asciiKind[Int(byte)] == 0 { separatorLength = 1 }
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
                    // General Punctuation (U+2000-206F: spaces, dashes, quotes, ellipsis...): no letter or digit
                    // even once folded, so a separator like a space; but U+2019 is an apostrophe, inside a word.
                    let third = bytes[index + 2]
                    if bytes[index + 1] == 0x80 && third == 0x99 {
                        index += 3
                        continue
                    }
                    if bytes[index + 1] == 0x80 || third <= 0xAF { separatorLength = 3 } else { isASCII = false }
                } else {
                    isASCII = false
                }
                if separatorLength > 0 {
                    if index > start {
                        let piece = UnsafeBufferPointer(rebasing: bytes[start..<index])
                        if isASCII { asciiWord(piece, body) } else { otherWords(piece, body) }
                    }
                    start = index + separatorLength
                    isASCII = true
                }
                index += max(1, separatorLength)
            }
        }
    }

    /// Per ASCII byte: 0 ends a word, 1 is a lowercase letter or digit, 2 an uppercase letter, 3 an apostrophe.
    private static let asciiKind: [UInt8] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): 1
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): 2
        case UInt8(ascii: "'"): 3
        default: 0
        }
    }

    /// A piece of ASCII letters, digits and apostrophes: lowercased, without apostrophes, cut to `longestTerm`.
    private static func asciiWord(_ piece: UnsafeBufferPointer<UInt8>, _ body: (String, Bool) -> Void) {
        // Most words are lowercase letters already: taken as they are, without a copy.
        if piece.count <= longestTerm, piece.allSatisfy({ $0 < 0x80 && asciiKind[Int($0)] == 1 }) {
            return body(String(decoding: piece, as: UTF8.self), !piece.contains { $0 < UInt8(ascii: "a") })
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestTerm) { word in
            var count = 0, lettersOnly = true
            for byte in piece where count < longestTerm && byte < 0x80 {  // bytes >= 0x80: the apostrophe U+2019
                switch asciiKind[Int(byte)] {
                case 1:
                    word[count] = byte
                    count += 1
                    if byte < UInt8(ascii: "a") { lettersOnly = false }
                case 2:
                    word[count] = byte + 32
                    count += 1
                default: continue  // an apostrophe
                }
            }
            if count > 0 { body(String(decoding: UnsafeBufferPointer(rebasing: word[..<count]), as: UTF8.self), lettersOnly) }
        }
    }

    /// A piece with characters beyond ASCII: folded, then split scalar by scalar.
    private static func otherWords(_ piece: UnsafeBufferPointer<UInt8>, _ body: (String, Bool) -> Void) {
        var current = String.UnicodeScalarView()
        var length = 0
        func finishTerm() {
            guard !current.isEmpty else { return }
            body(String(current), current.allSatisfy { $0.isASCII && ("a"..."z").contains($0) })
            current = String.UnicodeScalarView()
            length = 0
        }
        for scalar in fold(String(decoding: piece, as: UTF8.self)).unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if isWrittenWithoutSpaces(scalar) {
                finishTerm()
                body(String(scalar), false)
            } else if isWordCharacter(scalar) {
                if length < longestTerm { current.append(scalar) }
                length += 1
            } else {
                finishTerm()
            }
        }
        finishTerm()
    }

    /// The rules applied literally (fold all of `text`, then split): what `terms(in:)` must give, for tests.
    static func termsFoldingFirst(in text: String) -> [String] {
        var stems: [String: String] = [:], terms: [String] = []
        var text = text
        text.withUTF8 { otherWords($0) { word, isEnglish in terms.append(isEnglish ? stem(word, stems: &stems) : word) } }
        return terms
    }

    /// Case and accents folded. ASCII text (most of it) only needs lowercasing.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var kept = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars where !isDroppedMark(scalar) {
            kept.append(scalar)
        }
        return String(kept).precomposedStringWithCanonicalMapping.lowercased()
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

    /// The accents of Latin, Greek and Cyrillic letters (the combining diacritics blocks) and Hebrew and Arabic
    /// vowel points: most text leaves them out, so "café" and "cafe" meet. Other scripts' marks (Devanagari's vowel
    /// signs) are part of the word and stay.
    static func isDroppedMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
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
