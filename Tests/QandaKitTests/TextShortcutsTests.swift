import Foundation
import Testing
@testable import QandaKit

/// The hand-written fast paths give what the Foundation and character-based code they replaced gave.
struct TextShortcutsTests {
    static let samples = [
        "", " ", "plain", "  both ends\n", "\t\ttabs\tinside\t", "line\nbreaks\r\nand\u{2028}separators\u{2029}",
        "no\u{00A0}break\u{00A0}spaces\u{00A0}", "\u{3000}ideographic\u{3000}", "curly ‘quotes’ — and “dashes”",
        "emoji 👩🏽‍⚕️ and café", "\u{85}next line\u{85}", "<b>&amp; \"quoted\" 'single'</b>", "a\u{0B}b\u{0C}c",
    ]

    @Test(arguments: samples)
    func trimmingMatchesFoundation(_ text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test(arguments: samples)
    func collapsingMatchesSplittingCharacters(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace)
        #expect(text.collapsingWhitespace() == words.joined(separator: " "))
        #expect(text.collapsingWhitespace(maxWords: 2) == words.prefix(2).joined(separator: " "))
    }

    @Test func firstWordsStopsAtTheCount() {
        let text = (1...30).map { "word\($0)" }.joined(separator: " \n\t")
        #expect(CitationRecord.firstWords(text, count: 20) == (1...20).map { "word\($0)" }.joined(separator: " "))
        #expect(CitationRecord.firstWords("Can I — really — cope?", count: 3) == "Can I —")
    }

    @Test(arguments: samples)
    func htmlEscapingMatchesTheScalarByScalarRule(_ text: String) {
        let expected = text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: String(scalar)
            }
        }.joined()
        #expect(HTML.escape(text) == expected)
    }
}

/// Sentence case over bytes gives what the rules over Characters give, on every mix of the cases the rules name.
struct SentenceCaseShortcutTests {
    static let words = [
        "I", "I'm", "Im", "Ive", "Ill", "ill", "Id", "ID", "IVE", "iPhone", "eBay", "McDonald", "ADHD", "CBT-based",
        "a.m.", "U.S.", "Dr.", "DR.", "(Dr.)", "\"No.\"", "'quoted'", "St.", "vs.", "etc.", "e.g.", "What?", "Why:",
        "Stop!", "end.", "Ok.", "J.", "x.", "Mt.", "(J.)", ":", "-", "--", "self-esteem", "Self-Esteem", "X-Ray", "-leading", "trailing-", "a--b",
        "2020", "4", "A", "a", "x", "OK", "mIxEd", "Hello", "WORLD", "(paren)", "", "#1", "co-parent's", "It's",
    ]

    @Test func asciiTitlesMatchTheCharacterRules() {
        var generator = SystemRandomNumberGenerator()
        var titles = Self.words + ["The Title: A Subtitle", "Why Do I Feel This Way? Nobody Knows", "  Two  Spaces  "]
        for _ in 0..<3_000 {
            titles.append((0..<Int.random(in: 1...8, using: &generator)).map { _ in Self.words.randomElement(using: &generator)! }
                .joined(separator: " "))
        }
        for title in titles {
            #expect(SentenceCase.convertASCII(title) == SentenceCase.convertCharacters(title), "\(title)")
        }
    }

    @Test func otherTitlesTakeTheCharacterRules() {
        #expect(SentenceCase.convertASCII("Café Society") == nil)
        #expect(SentenceCase.convertASCII("Tabs\tInside") == nil)
        #expect(SentenceCase.convert("Ending — And Beginning") == SentenceCase.convertCharacters("Ending — And Beginning"))
    }
}
