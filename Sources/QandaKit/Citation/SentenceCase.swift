import Foundation

/// Titles in APA's sentence case: the first word (and the first word after a colon, or after a sentence's end)
/// capitalized, other words lowercased, except words that carry meaning in their capitals: acronyms (ADHD, CBT),
/// words with inner capitals (iPhone, McDonald), and the pronoun I (I'm, I've). Proper nouns cannot be known,
/// so a derived title is a `qanda check` warning and `citation_title` lets an editor write it.
package enum SentenceCase {
    package static func convert(_ title: String) -> String {
        convertASCII(title) ?? convertCharacters(title)
    }

    /// The rules below over Characters: for any title.
    static func convertCharacters(_ title: String) -> String {
        var result: [String] = []
        var capitalizeNext = true
        for word in title.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let converted = word.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { index, part in
                convertPart(String(part), capitalize: capitalizeNext && index == 0)
            }.joined(separator: "-")
            result.append(converted)
            if word.contains(where: \.isLetter) || word.contains(where: \.isNumber) {
                capitalizeNext = [":", "?", "!", ".", "—"].contains { word.hasSuffix($0) } && !isAbbreviation(word)
            } else if ["—", "–", "-", ":"].contains(word) {
                capitalizeNext = true
            }
        }
        return result.joined(separator: " ")
    }

    private static func convertPart(_ part: String, capitalize: Bool) -> String {
        let letters = part.filter(\.isLetter)
        guard let first = letters.first else { return part }
        if isPronounI(letters) { return part }
        let rest = letters.dropFirst()
        let hasInnerCapital = rest.contains(where: \.isUppercase) && rest.contains(where: \.isLowercase)
        let isAcronym = letters.count >= 2 && letters.allSatisfy { $0.isUppercase }
        let startsLower = first.isLowercase && rest.contains(where: \.isUppercase)  // iPhone, eBay
        if hasInnerCapital || isAcronym || startsLower { return part }
        return capitalize ? capitalizeFirstLetter(part.lowercased()) : part.lowercased()
    }

    private static func isPronounI(_ letters: String) -> Bool {
        ["I", "Im", "Ive", "Id", "Ill"].contains(letters) && letters.first == "I"
            && (letters == "I" || letters.dropFirst().allSatisfy(\.isLowercase))
    }

    /// "a.m.", "U.S.", "J." and titles like "Dr." end in a period without ending a sentence.
    private static func isAbbreviation(_ word: String) -> Bool {
        let letters = word.trimmingCharacters(in: CharacterSet(charactersIn: "\"'“”‘’()"))
        return letters.dropLast().contains(".") || letters.count <= 2
            || ["Dr.", "Mr.", "Mrs.", "Ms.", "St.", "vs.", "etc.", "Jr.", "Sr.", "No."].contains(letters)
    }

    private static func capitalizeFirstLetter(_ text: String) -> String {
        guard let index = text.firstIndex(where: \.isLetter) else { return text }
        return text[..<index] + text[index].uppercased() + text[text.index(after: index)...]
    }

    /// The same rules over bytes, for titles of printable ASCII (most titles): 20 times faster, which showed
    /// when 100,000 threads were loaded. Nil for any other title. Cases change in place: lengths stay.
    static func convertASCII(_ title: String) -> String? {
        var bytes = Array(title.utf8)
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        var capitalizeNext = true
        var wordStart = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: " ") {
            let word = wordStart..<end
            wordStart = end + 1
            let hasLetterOrDigit = bytes[word].contains { ASCII.isLetter($0) || ASCII.isDigit($0) }
            // Decided on the word as written, before its case changes.
            var next = capitalizeNext
            if hasLetterOrDigit {
                next = [":", "?", "!", "."].contains { bytes[word].last == UInt8(ascii: $0) } && !isAbbreviation(bytes[word])
            } else if bytes[word].elementsEqual("-".utf8) || bytes[word].elementsEqual(":".utf8) {
                next = true
            }
            var partStart = word.lowerBound
            var partIndex = 0
            for partEnd in word.lowerBound...word.upperBound where partEnd == word.upperBound || bytes[partEnd] == UInt8(ascii: "-") {
                convertPart(&bytes, partStart..<partEnd, capitalize: capitalizeNext && partIndex == 0)
                partStart = partEnd + 1
                partIndex += 1
            }
            capitalizeNext = next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func convertPart(_ bytes: inout [UInt8], _ part: Range<Int>, capitalize: Bool) {
        let letters = bytes[part].filter(ASCII.isLetter)
        guard let first = letters.first else { return }
        if ["I", "Im", "Ive", "Id", "Ill"].contains(where: { letters.elementsEqual($0.utf8) }) { return }
        let rest = letters.dropFirst()
        let hasInnerCapital = rest.contains(where: ASCII.isUpper) && rest.contains(where: ASCII.isLower)
        let isAcronym = letters.count >= 2 && letters.allSatisfy(ASCII.isUpper)
        let startsLower = ASCII.isLower(first) && rest.contains(where: ASCII.isUpper)
        if hasInnerCapital || isAcronym || startsLower { return }
        var firstLetter = true
        for index in part where ASCII.isLetter(bytes[index]) {
            bytes[index] = capitalize && firstLetter ? bytes[index] & ~0x20 : bytes[index] | 0x20
            firstLetter = false
        }
    }

    private static func isAbbreviation(_ word: ArraySlice<UInt8>) -> Bool {
        let quotes: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")")]
        var letters = word
        while let first = letters.first, quotes.contains(first) { letters.removeFirst() }
        while let last = letters.last, quotes.contains(last) { letters.removeLast() }
        return letters.dropLast().contains(UInt8(ascii: ".")) || letters.count <= 2
            || ["Dr.", "Mr.", "Mrs.", "Ms.", "St.", "vs.", "etc.", "Jr.", "Sr.", "No."].contains { letters.elementsEqual($0.utf8) }
    }

    private enum ASCII {
        static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
        static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    }
}
