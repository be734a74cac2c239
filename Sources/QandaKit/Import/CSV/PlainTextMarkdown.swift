/// Plain text (a CSV field scraped from a web page) as Markdown that shows exactly that text: every character that
/// Markdown would read as markup is escaped with a backslash, lines keep their breaks (a backslash at the end of a
/// line) and blank lines separate paragraphs. Leading and trailing spaces of a line are dropped, as a page shows
/// them anyway; four leading spaces would otherwise make a code block.
package enum PlainTextMarkdown {
    package static func markdown(_ text: String) -> String {
        var paragraphs: [[String]] = [[]]
        for raw in ImportedFileText.normalizedLineEnds(text).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            if line.isEmpty {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
                continue
            }
            paragraphs[paragraphs.count - 1].append(escape(String(line)))
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: "\\\n") }.joined(separator: "\n\n")
    }

    /// Characters that start or end inline markup anywhere: emphasis, code, links and images, raw HTML and
    /// autolinks, GFM strikethrough and tables, the backslash itself.
    private static let inline: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "~", "|"]
    /// Characters that start a block at the beginning of a line: headings, lists, quotes, setext underlines, fences.
    private static let lineStart: Set<Character> = ["#", "+", "-", "=", ">"]

    static func escape(_ line: String) -> String {
        let characters = Array(line)
        // "1. " or "1) " at the start is an ordered list (of up to nine digits): escape the punctuation.
        let digits = characters.prefix { $0.isASCII && $0.isNumber }.count
        if digits > 0, digits <= 9, digits < characters.count, characters[digits] == "." || characters[digits] == ")" {
            return String(characters[..<digits]) + "\\" + String(characters[digits]) + escapeInline(Array(characters[(digits + 1)...]))
        }
        if let first = characters.first, lineStart.contains(first), !inline.contains(first) {
            return "\\" + String(first) + escapeInline(Array(characters.dropFirst()))
        }
        return escapeInline(characters)
    }

    private static func escapeInline(_ characters: [Character]) -> String {
        var result = ""
        for (index, character) in characters.enumerated() {
            if inline.contains(character) {
                result += "\\"
            } else if character == "&", index + 1 < characters.count,
                      characters[index + 1] == "#" || (characters[index + 1].isASCII && characters[index + 1].isLetter) {
                result += "\\"  // an entity such as &amp; would be decoded
            }
            result.append(character)
        }
        return result
    }
}
