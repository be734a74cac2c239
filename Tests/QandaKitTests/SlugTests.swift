import Testing
@testable import QandaKit

@Suite struct SlugTests {
    @Test(arguments: [
        ("Ask the Therapist", "ask-the-therapist"),
        ("Ansiedad y Pánico", "ansiedad-y-panico"),
        ("Ça va? Ångström!", "ca-va-angstrom"),
        ("Don't Panic", "dont-panic"),
        ("Don\u{2019}t Panic", "dont-panic"),
        ("  Hello,  World!!  ", "hello-world"),
        ("C++ & Rust: 2024 edition", "c-rust-2024-edition"),
        ("already-a-slug", "already-a-slug"),
        ("snake_case_name", "snake-case-name"),
        ("ＡＢＣ１２３", "abc123"),
        ("!!!", ""),
        ("", ""),
    ])
    func make(_ input: String, _ expected: String) {
        #expect(Slug.make(from: input) == expected)
    }

    /// Other scripts are transliterated into readable ASCII (ICU through Foundation; see SlugTransliteration).
    /// The values are what this ICU gives, pinned: a change of ICU that changes one changes published URLs.
    @Test(arguments: [
        // Russian and other Cyrillic: ч, ш, щ, ж, х, ц, ю, я, ё, й spelled as English readers write them
        ("Что такое тревога?", "chto-takoe-trevoga"),
        ("Тревога и паника", "trevoga-i-panika"),
        ("Щука, ёж, объём, Цой, Хабаровск, Юлия, Андрей, Эхо, Быть", "shchuka-yozh-obyom-tsoy-khabarovsk-yuliya-andrey-ekho-byt"),
        ("ЧТО ТАКОЕ ТРЕВОГА", "chto-takoe-trevoga"),
        ("Київ, Їжак", "kiiv-izhak"),
        ("Қазақстан", "kazakstan"),
        // Greek, as modern Greek reads (UNGEGN)
        ("Τι είναι το άγχος;", "ti-einai-to-anchos"),
        ("Ευχαριστώ", "efcharisto"),
        ("Ψυχολογία", "psychologia"),
        // Arabic and Hebrew: consonants, as written (short vowels are not written)
        ("ما هو القلق؟", "ma-hw-alqlq"),
        ("كيف أتعامل مع القلق", "kyf-ataml-m-alqlq"),
        ("מהי חרדה?", "mhy-hrdh"),
        ("איך מתמודדים עם אבל", "yk-mtmwddym-m-bl"),
        // Japanese: kana as Hepburn-like romaji; kanji as Chinese pinyin (ICU has no Japanese readings)
        ("ふあんとは", "fuantoha"),
        ("コーヒー", "kohi"),
        ("不安とは何ですか？", "bu-antoha-hedesuka"),
        // Chinese (pinyin), Korean, Hindi
        ("什么是焦虑？", "shen-me-shi-jiao-lu"),
        ("불안이란 무엇인가요?", "bul-an-ilan-mueos-ingayo"),
        ("चिंता क्या है?", "cinta-kya-hai"),
        // Digits of other scripts, and scripts beside Latin
        ("٣ أسئلة", "3-asylt"),
        ("Café тревога", "cafe-trevoga"),
        // Latin letters that accent folding leaves as they are (they were separators): now spelled out
        ("Łódź", "lodz"),
        ("Smørrebrød", "smorrebrod"),
        ("Æble og Þór", "aeble-og-thor"),
        // Nothing readable: emoji, symbols, a script ICU cannot transliterate (Lao)
        ("😀🎉", ""),
        ("☕ ★ ♥", ""),
        ("ພາສາລາວ", ""),
    ])
    func transliterates(_ input: String, _ expected: String) {
        let slug = Slug.make(from: input)
        #expect(slug == expected)
        #expect(Slug.make(from: input) == slug, "the remembered slug is the same")
        #expect(slug.isEmpty || (Slug.isValidSegment(slug) && Slug.make(from: slug) == slug))
    }

    /// Text whose letters fold to ASCII keeps the slug it had before transliteration existed (its URL is published):
    /// it is not transliterated at all, not even the modifier letter in "Hawaiʻi" that has always separated words.
    @Test(arguments: [
        ("Straße", "strasse"), ("İstanbul", "istanbul"), ("Hawaiʻi", "hawai-i"), ("Việt Nam", "viet-nam"),
        ("Ｃａｆé ５", "cafe-5"), ("½ ℃ 5㎏", "5"), ("e\u{301}te\u{301}", "ete"), ("naïve—café", "naive-cafe"),
    ])
    func foldableTextIsNotTransliterated(_ input: String, _ expected: String) {
        #expect(!Slug.needsTransliteration(input))
        #expect(Slug.make(from: input) == expected)
        #expect(Slug.make(from: input, transliterating: false) == expected)
    }

    @Test func transliterationCanBeLeftOut() {
        #expect(Slug.needsTransliteration("Что такое тревога?"))
        #expect(Slug.needsTransliteration("Łódź"))
        #expect(!Slug.needsTransliteration("😀🎉"))
        #expect(!Slug.needsTransliteration("Ansiedad y Pánico"))
        // Heading ids and citation keys keep dropping other scripts, as they always did.
        #expect(Slug.make(from: "Что такое тревога?", transliterating: false) == "")
        #expect(Slug.make(from: "Café тревога", transliterating: false) == "cafe")
        #expect(Slug.make(from: "Łódź", transliterating: false) == "odz")
    }

    /// Heading ids do not move: authors link to `#section-1` under headings in other scripts.
    @Test func headingIDsAreNotTransliterated() {
        let html = MarkdownRenderer().render("## Что делать?\n\n## Τι κάνω;\n\n## Café тревога\n").html
        #expect(html == "<h2 id=\"section\">Что делать?</h2>\n<h2 id=\"section-1\">Τι κάνω;</h2>\n<h2 id=\"cafe\">Café тревога</h2>\n")
    }

    /// Many threads slug the same few names at once, from every core.
    @Test func transliterationFromManyTasksAgrees() async {
        let names = ["Тревога", "Сон", "Τι είναι", "不安", "불안", "चिंता", "قلق", "חרדה"]
        let slugs = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { (0..<200).map { Slug.make(from: names[$0 % names.count]) } } }
            var all: [[String]] = []
            for await result in group { all.append(result) }
            return all
        }
        let expected = (0..<200).map { ["trevoga", "son", "ti-einai", "bu-an", "bul-an", "cinta", "qlq", "hrdh"][$0 % names.count] }
        #expect(slugs.count == 8 && slugs.allSatisfy { $0 == expected })
    }

    @Test(arguments: ["ask-the-therapist", "a_b.c", "2018", "x", "v1.2"])
    func validSegments(_ segment: String) {
        #expect(Slug.isValidSegment(segment))
    }

    @Test(arguments: ["", ".", "..", ".hidden", "a/b", "a\\b", "Upper", "has space", "café", "a?b", "a#b", "a%2e"])
    func invalidSegments(_ segment: String) {
        #expect(!Slug.isValidSegment(segment))
    }

    @Test func safeFileNames() {
        #expect(Slug.isSafeFileName("Handout 1 (español).pdf"))
        #expect(Slug.isSafeFileName("photo.jpg"))
        #expect(!Slug.isSafeFileName(""))
        #expect(!Slug.isSafeFileName(".DS_Store"))
        #expect(!Slug.isSafeFileName(".."))
        #expect(!Slug.isSafeFileName("a/b.pdf"))
        #expect(!Slug.isSafeFileName("a\\b.pdf"))
        #expect(!Slug.isSafeFileName("bell\u{7}.pdf"))
        // A combining mark after "/", "\\" or "." makes one Character of both; the bytes still hold the separator
        // (FuzzRegressions/FuzzSlugsAndURLs/slash-before-combining-mark).
        #expect(!Slug.isSafeFileName("/\u{65F}-CS"))
        let backslashAndMark = "a\\" + "\u{301}b"
        #expect(!Slug.isSafeFileName(backslashAndMark))
        #expect(!Slug.isSafeFileName(".\u{65F}rc"))
        #expect(Slug.isSafeFileName("e\u{301}.pdf"))
    }

    @Test func aliasSegmentsAccepted() {
        #expect(Slug.aliasSegments("/ask/old-url/") == ["ask", "old-url"])
        #expect(Slug.aliasSegments("/ask/old-url") == ["ask", "old-url"])
        #expect(Slug.aliasSegments("/ask/old-url/index.html") == ["ask", "old-url"])
        #expect(Slug.aliasSegments("/old.php") == ["old.php"])
    }

    @Test func aliasEndingInIndexHTMLOnlyDropsAWholeSegment() {
        #expect(Slug.aliasSegments("/ask/notindex.html") == ["ask", "notindex.html"])
    }

    @Test(arguments: ["../x", "/a/../b", "//host/x", "/%2e%2e/x", "relative/x", "/", "", "/index.html", "/a//b",
                      "/Ask/x/", "/a/./b", "/.git/", "/a b/", "/a\\b/"])
    func aliasSegmentsRejected(_ path: String) {
        #expect(Slug.aliasSegments(path) == nil)
    }
}
