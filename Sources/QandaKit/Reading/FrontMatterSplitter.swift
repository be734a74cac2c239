/// A Markdown source split into its YAML front matter and its body, keeping line numbers:
/// `yamlFirstLine` is the file line of the first YAML line, `bodyFirstLine` that of the first body line.
public struct FrontMatterBlock: Sendable, Equatable {
    public var yaml: String
    public var yamlFirstLine: Int
    public var body: String
    public var bodyFirstLine: Int
}

public enum FrontMatterSplitter {
    public enum Failure: Error, Equatable {
        /// The file does not start with a `---` line.
        case missingOpening
        /// No closing `---` line; `openingLine` is where the front matter began.
        case unclosed(openingLine: Int)
    }

    /// The first line must be `---` (trailing spaces allowed); the front matter ends at the next line that is
    /// `---` or `...`. A `---` later in the body (a thematic break, a code block) is body text.
    public static func split(_ text: String) -> Result<FrontMatterBlock, Failure> {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let isDelimiter = isFence(utf8[lineStart..<lineEnd], allowDots: yamlStart != nil)
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if let start = yamlStart {
                if isDelimiter {
                    return .success(FrontMatterBlock(
                        yaml: String(text[start..<lineStart]), yamlFirstLine: 2,
                        body: String(text[next...]), bodyFirstLine: lineNumber + 1))
                }
            } else {
                guard isDelimiter else { return .failure(.missingOpening) }
                yamlStart = next
            }
            lineStart = next
            lineNumber += 1
        }
        return .failure(yamlStart == nil ? .missingOpening : .unclosed(openingLine: 1))
    }

    private static func isFence(_ line: Substring.UTF8View, allowDots: Bool) -> Bool {
        var bytes = line[...]
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8) || (allowDots && bytes.elementsEqual("...".utf8))
    }
}
