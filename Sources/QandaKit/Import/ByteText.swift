/// Small edits of text done on its UTF-8 bytes: Foundation's `replacingOccurrences` and `contains` go through
/// NSString on Linux, and were most of an import's time.
enum ByteText {
    /// The text with each ASCII byte that `replacement` maps replaced by the string it gives; the text itself when
    /// none is.
    static func replacing(_ text: String, _ replacement: (UInt8) -> String?) -> String {
        guard text.utf8.contains(where: { $0 < 0x80 && replacement($0) != nil }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if byte < 0x80, let replaced = replacement(byte) { bytes += replaced.utf8 } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// CRLF and lone CR made LF, byte by byte as `SourceText` reads them (Foundation's replacing matches whole
    /// characters, and a CR followed by a combining mark is one character with it).
    static func unixLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A && afterCR { afterCR = false; continue }
            afterCR = byte == 0x0D
            bytes.append(afterCR ? 0x0A : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The longest run of one ASCII byte (backticks in code).
    static func longestRun(of target: UInt8, in text: String) -> Int {
        var longest = 0, current = 0
        for byte in text.utf8 {
            if byte == target { current += 1; longest = max(longest, current) } else { current = 0 }
        }
        return longest
    }
}
