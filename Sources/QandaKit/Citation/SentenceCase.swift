import Foundation

/// Titles in APA's sentence case: the first word (and the first word after a colon, or after a sentence's end)
/// capitalized, other words lowercased, except words that carry meaning in their capitals: acronyms (ADHD, CBT),
/// words with inner capitals (iPhone, McDonald), and the pronoun I (I'm, I've). Proper nouns cannot be known,
/// so a derived title is a `qanda check` warning and `citation_title` lets an editor write it.
public enum SentenceCase {
    public static func convert(_ title: String) -> String {
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
}
