import Testing
@testable import QandaKit

@Suite struct SearchTokenizerTests {
    @Test(arguments: [
        ("Don't panic: Ça va? 不安 anxiety-attacks", ["dont", "panic", "ca", "va", "不", "安", "anxieti", "attack"]),
        ("Don\u{2019}t PANIC", ["dont", "panic"]),
        ("Running with anxieties", ["run", "with", "anxieti"]),
        ("Straße ÉCOLE naïve ﬁne", ["straße", "ecol", "naiv", "fine"]),
        ("ＡＢＣ１２３ full-width", ["abc123", "full", "width"]),
        ("Take 20mg at 4 a.m., 2024-01-15", ["take", "20mg", "at", "4", "a", "m", "2024", "01", "15"]),
        ("眠れない夜", ["眠", "れ", "な", "い", "夜"]),
        ("불안 장애", ["불", "안", "장", "애"]),
        ("Тревога и паника", ["тревога", "и", "паника"]),
        ("user@example.com", ["user", "exampl", "com"]),
        ("snake_case_name", ["snake", "case", "name"]),
        ("'quoted' words", ["quot", "word"]),
        ("القلق والتوتر", ["القلق", "والتوتر"]),
        ("الْقَلَق שָׁלוֹם", ["القلق", "שלום"]),
        ("चिंता और डर", ["चिंता", "और", "डर"]),
        ("Ελληνικά ΚΕΙΜΕΝΑ", ["ελληνικα", "κειμενα"]),
        ("naïve\u{0}NUL\u{202E}rtl", ["naiv", "nul", "rtl"]),
    ])
    func terms(_ text: String, _ expected: [String]) {
        #expect(SearchTokenizer.terms(in: text) == expected)
    }

    @Test(arguments: ["", "   ", "!!! ... ---", "' \u{2019} '", "\u{0}\t\n", "🙂🙂"])
    func nothingToSearch(_ text: String) {
        #expect(SearchTokenizer.terms(in: text).isEmpty)
    }

    /// A 10,000-letter word is one term: its first 40 letters, stemmed like any other word.
    @Test func longWord() {
        let word = String(repeating: "ab", count: 5_000) + "ing"
        let terms = SearchTokenizer.terms(in: "x " + word + " y")
        #expect(terms == ["x", String(repeating: "ab", count: 20), "y"])
    }

    /// A query and the text it should find meet on the same terms, whatever the case, accents or word form.
    @Test func queryMeetsText() {
        #expect(SearchTokenizer.terms(in: "ANXIETIES, Panicking") == SearchTokenizer.terms(in: "anxieties panicking"))
        #expect(SearchTokenizer.terms(in: "connected") == SearchTokenizer.terms(in: "connecting"))
        #expect(SearchTokenizer.terms(in: "Café") == ["cafe"])
    }

    /// The fast path (ASCII pieces read from bytes) gives the terms of folding the whole text first, on seeded
    /// random text mixing ASCII words and punctuation with accents, ligatures, full-width and circled forms, CJK,
    /// apostrophes, marks and long words.
    @Test func piecesGiveTheTermsOfFoldingEverything() {
        let parts = ["anxiety", "Worries", "don't", "’", "'", " ", ", ", ".", "-", "café", "ÉCOLE", "ﬁne", "ＡＢＣ", "①", "⑴",
                     "½", "不安", "불안", "Straße", "naïve", "e\u{301}", "\u{301}", "Σίσυφος", "x²", "\u{0}", "\t", "🙂",
                     String(repeating: "long", count: 15), "12ab", "ǅ", "İstanbul", "ﬀ", "\u{202e}", "שָׁלוֹם", "चिंता",
                     "—", "…", "‼", "\u{2009}", "\u{2070}", "⁹", "\u{206F}", "‘", "“x”", "it’s"]
        var random = SplitMix(seed: 20)
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in parts[Int(random.next() % UInt64(parts.count))] }.joined()
            #expect(SearchTokenizer.terms(in: text) == SearchTokenizer.termsFoldingFirst(in: text), "\(text.debugDescription)")
        }
    }
}

/// A seeded generator for the tests (SplitMix64).
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
