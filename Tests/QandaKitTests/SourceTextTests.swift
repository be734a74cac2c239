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
        #expect(failure(Array("line one\nline two\n".utf8) + [0xFF] + Array(" three\nfour\n".utf8)) == .notUTF8(line: 3, column: 1))
        #expect(failure([0xC3, 0x28] + Array("\nok\n".utf8)) == .notUTF8(line: 1, column: 1))
    }

    /// The column is the bad byte's, counted in Unicode scalars as every diagnostic's column is: "Caf\xE9" (Latin-1)
    /// is column 4, and a valid "é" before it counts once.
    @Test func invalidUTF8ReportsItsColumn() {
        #expect(failure(Array("a\nb\nCaf".utf8) + [0xE9] + Array(" au lait\n".utf8)) == .notUTF8(line: 3, column: 4))
        #expect(failure(Array("né ".utf8) + [0xE9]) == .notUTF8(line: 1, column: 4))
        #expect(failure(Array("x\r\n\tab".utf8) + [0xE2, 0x82, 0x20]) == .notUTF8(line: 2, column: 4))
    }

    /// For quoting the line of a refused file: each bad byte a U+FFFD, so the caret under the column falls on it.
    @Test func displayTextShowsBadBytesAsReplacementCharacters() {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("a\r\nCaf".utf8) + [0xE9] + Array(" au lait\r\n".utf8)
        let text = SourceText.decodeForDisplay(bytes)
        #expect(text == "a\nCaf\u{FFFD} au lait\n")
        #expect(Array(text.split(separator: "\n")[1].unicodeScalars)[3] == "\u{FFFD}")
    }

    @Test func invalidUTF8OnTheLastLineWithoutNewline() {
        #expect(failure(Array("a\nb\n".utf8) + [0xE2, 0x82]) == .notUTF8(line: 3, column: 1))
    }

    @Test func invalidUTF8LineCountsCRLFAsOneLineEnd() {
        #expect(failure(Array("a\r\nb\r\n".utf8) + [0xFE] + Array("\r\n".utf8)) == .notUTF8(line: 3, column: 1))
    }

    @Test func invalidUTF8LineCountsLoneCRAsALineEnd() {
        // Lines are those of the normalized text, the ones an editor shows.
        #expect(failure(Array("a\rb\r".utf8) + [0xFE] + Array("\rd".utf8)) == .notUTF8(line: 3, column: 1))
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
