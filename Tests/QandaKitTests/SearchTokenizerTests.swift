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
}
