import Foundation

/// The text of one source file, decoded the way editors' files arrive: UTF-8 with or without a BOM,
/// with LF, CRLF or lone CR line endings. Line numbers in diagnostics count lines of this normalized text,
/// which are the lines an editor sees.
public struct SourceText: Sendable {
    public var text: String

    public enum Failure: Error, Equatable {
        case notUTF8(line: Int)
        case empty
    }

    public static func decode(_ bytes: [UInt8]) -> Result<SourceText, Failure> {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return .failure(.empty) }
        guard var text = String(validating: slice, as: UTF8.self) else {
            return .failure(.notUTF8(line: firstInvalidLine(slice)))
        }
        // memchr: a byte-by-byte search here was 4% of `qanda check`.
        if slice.withUnsafeBufferPointer({ $0.baseAddress.map { memchr($0, 0x0D, slice.count) != nil } ?? false }) {
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
            text = String(decoding: normalized, as: UTF8.self)
        }
        return .success(SourceText(text: text))
    }

    /// The line holding the first byte that is not valid UTF-8, so the editor knows where to look.
    /// Lines end at LF, CRLF or a lone CR, as in the normalized text.
    private static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { return line }
                if bytes[index] == 0x0D, index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return line
    }
}
