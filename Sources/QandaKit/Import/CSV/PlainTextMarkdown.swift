/// Plain text (a CSV field scraped from a web page) as Markdown that shows exactly that text: every character that
/// Markdown would read as markup is escaped with a backslash, lines keep their breaks (a backslash at the end of a
/// line) and blank lines separate paragraphs. Spaces and tabs at either end of a line are dropped, as a page shows
/// them anyway; four leading spaces would otherwise make a code block.
///
/// Works on UTF-8 bytes: every character it escapes is ASCII, and no byte of a longer character is.
package enum PlainTextMarkdown {
    package static func markdown(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var pendingBreak: [UInt8] = []
        for line in Array(ByteText.unixLineEnds(text).utf8).split(separator: 0x0A, omittingEmptySubsequences: false) {
            let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
            guard let first = line.firstIndex(where: { !isBlank($0) }) else {
                if !output.isEmpty { pendingBreak = Array("\n\n".utf8) }  // a paragraph ends
                continue
            }
            let last = line.lastIndex(where: { !isBlank($0) })!
            if !output.isEmpty { output += pendingBreak.isEmpty ? Array("\\\n".utf8) : pendingBreak }
            pendingBreak = []
            escape(line[first...last], into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Characters that start or end inline markup anywhere: emphasis, code, links and images, raw HTML and
    /// autolinks, GFM strikethrough and tables, the backslash itself.
    private static let inline: Set<UInt8> = Set("\\`*_[]<>~|".utf8)
    /// Characters that start a block at the beginning of a line: headings, lists, quotes, setext underlines.
    private static let lineStart: Set<UInt8> = Set("#+-=".utf8)

    static func escape(_ line: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var index = line.startIndex
        // "1. " or "1) " at the start is an ordered list (of up to nine digits): escape the punctuation.
        let digits = line.prefix { (0x30...0x39).contains($0) }.count
        if digits > 0, digits <= 9, line.startIndex + digits < line.endIndex,
           line[line.startIndex + digits] == UInt8(ascii: ".") || line[line.startIndex + digits] == UInt8(ascii: ")") {
            output += line[index..<(index + digits)]
            output.append(UInt8(ascii: "\\"))
            output.append(line[index + digits])
            index += digits + 1
        } else if let first = line.first, lineStart.contains(first) {
            output.append(UInt8(ascii: "\\"))
            output.append(first)
            index += 1
        }
        while index < line.endIndex {
            let byte = line[index]
            if inline.contains(byte) {
                output.append(UInt8(ascii: "\\"))
            } else if byte == UInt8(ascii: "&"), index + 1 < line.endIndex {
                let next = line[index + 1]
                // An entity such as &amp; would be decoded.
                if next == UInt8(ascii: "#") || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next) { output.append(UInt8(ascii: "\\")) }
            }
            output.append(byte)
            index += 1
        }
    }
}
