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
