import Foundation

/// The text of one source file, decoded the way editors' files arrive: UTF-8 with or without a BOM,
/// with LF, CRLF or lone CR line endings. Line numbers in diagnostics count lines of this normalized text,
/// which are the lines an editor sees.
public struct SourceText: Sendable {
    public var text: String

    public enum Failure: Error, Equatable {
        /// Where the first byte that is not UTF-8 is: its line, and its column (Unicode scalars before it on that line, plus one).
        case notUTF8(line: Int, column: Int)
        case empty
    }

    public static func decode(_ bytes: [UInt8]) -> Result<SourceText, Failure> {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return .failure(.empty) }
        guard let text = String(validating: slice, as: UTF8.self) else {
            let (line, column) = firstInvalidPosition(slice)
            return .failure(.notUTF8(line: line, column: column))
        }
        return .success(SourceText(text: normalizingLineEnds(text, slice)))
    }

    /// The text with every byte that is not UTF-8 shown as U+FFFD: only for quoting a line of a file that `decode`
    /// refused, so the editor sees where the bad byte is.
    public static func decodeForDisplay(_ bytes: [UInt8]) -> String {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        return normalizingLineEnds(String(decoding: slice, as: UTF8.self), slice)
    }

    /// CRLF and lone CR made LF.
    private static func normalizingLineEnds(_ text: String, _ slice: ArraySlice<UInt8>) -> String {
        // memchr: a byte-by-byte search here was 4% of `qanda check`.
        guard slice.withUnsafeBufferPointer({ $0.baseAddress.map { memchr($0, 0x0D, slice.count) != nil } ?? false }) else { return text }
        // Byte by byte: Foundation's replacingOccurrences matches whole characters, so it skipped a CR or CRLF
        // followed by a combining mark ("\r\u{34A}" stayed, "\r\n\u{301}" became two line breaks).
        var normalized: [UInt8] = []
        normalized.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A && afterCR { afterCR = false; continue }
            afterCR = byte == 0x0D
            normalized.append(afterCR ? 0x0A : byte)
        }
        return String(decoding: normalized, as: UTF8.self)
    }

    /// The line and column of the first byte that is not valid UTF-8, so the editor knows where to look.
    /// Lines end at LF, CRLF or a lone CR, as in the normalized text; columns count Unicode scalars, as every
    /// diagnostic's do.
    private static func firstInvalidPosition(_ bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index <= bytes.endIndex {
            if index == bytes.endIndex || bytes[index] == 0x0A || bytes[index] == 0x0D {
                let lineBytes = bytes[lineStart..<index]
                if String(validating: lineBytes, as: UTF8.self) == nil { return (line, validScalarCount(lineBytes) + 1) }
                if index == bytes.endIndex { break }
                if bytes[index] == 0x0D, index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, 1)
    }

    /// How many Unicode scalars decode before the first ill-formed sequence.
    private static func validScalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var count = 0
        while case .scalarValue = decoder.decode(&iterator) { count += 1 }
        return count
    }
}
