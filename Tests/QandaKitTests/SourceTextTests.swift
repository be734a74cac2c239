import Testing
@testable import QandaKit

@Suite struct SourceTextTests {
    private func decoded(_ bytes: [UInt8]) -> String? {
        if case .success(let source) = SourceText.decode(bytes) { return source.text }
        return nil
    }

    private func failure(_ bytes: [UInt8]) -> SourceText.Failure? {
        if case .failure(let failure) = SourceText.decode(bytes) { return failure }
        return nil
    }

    @Test func plainUTF8IsKeptAsIs() {
        #expect(decoded(Array("---\ntitle: Café\n---\nBody\n".utf8)) == "---\ntitle: Café\n---\nBody\n")
    }

    @Test func byteOrderMarkIsStripped() {
        let text = decoded([0xEF, 0xBB, 0xBF] + Array("---\nx: 1\n".utf8))
        #expect(text == "---\nx: 1\n")
        #expect(text?.unicodeScalars.first == "-")
    }

    @Test func byteOrderMarkOnlyAtTheStartIsStripped() {
        // A BOM in the middle is content (U+FEFF), not an encoding mark.
        #expect(decoded(Array("a".utf8) + [0xEF, 0xBB, 0xBF]) == "a\u{FEFF}")
    }

    @Test func crlfBecomesLF() {
        #expect(decoded(Array("---\r\ntitle: A\r\n---\r\nBody\r\n".utf8)) == "---\ntitle: A\n---\nBody\n")
    }

    @Test func loneCRBecomesLF() {
        #expect(decoded(Array("a\rb\rc".utf8)) == "a\nb\nc")
    }

    @Test func mixedLineEndingsAllBecomeLF() {
        #expect(decoded(Array("a\r\nb\rc\nd".utf8)) == "a\nb\nc\nd")
        // A lone CR directly before a CRLF is two line ends, not one.
        #expect(decoded(Array("a\r\r\nb".utf8)) == "a\n\nb")
        #expect(decoded(Array("a\r\rb".utf8)) == "a\n\nb")
    }

    @Test func invalidUTF8ReportsItsLine() {
        #expect(failure(Array("line one\nline two\n".utf8) + [0xFF] + Array(" three\nfour\n".utf8)) == .notUTF8(line: 3))
        #expect(failure([0xC3, 0x28] + Array("\nok\n".utf8)) == .notUTF8(line: 1))
    }

    @Test func invalidUTF8OnTheLastLineWithoutNewline() {
        #expect(failure(Array("a\nb\n".utf8) + [0xE2, 0x82]) == .notUTF8(line: 3))
    }

    @Test func invalidUTF8LineCountsCRLFAsOneLineEnd() {
        #expect(failure(Array("a\r\nb\r\n".utf8) + [0xFE] + Array("\r\n".utf8)) == .notUTF8(line: 3))
    }

    @Test func invalidUTF8LineCountsLoneCRAsALineEnd() {
        // Lines are those of the normalized text, the ones an editor shows.
        #expect(failure(Array("a\rb\r".utf8) + [0xFE] + Array("\rd".utf8)) == .notUTF8(line: 3))
    }

    @Test func emptyFileIsEmpty() {
        #expect(failure([]) == .empty)
    }

    @Test func whitespaceOnlyIsEmpty() {
        #expect(failure(Array(" \n\t\r\n  \n".utf8)) == .empty)
        #expect(failure([0xEF, 0xBB, 0xBF]) == .empty)
        #expect(failure([0xEF, 0xBB, 0xBF, 0x0A, 0x20]) == .empty)
    }

    @Test func aSingleVisibleCharacterIsNotEmpty() {
        #expect(decoded(Array("\n\nx\n".utf8)) == "\n\nx\n")
    }
}
