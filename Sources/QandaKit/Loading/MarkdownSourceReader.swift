import Yams

/// One .md file read up to its typed fields: bytes -> text -> front matter + body -> YAML mapping.
/// Every failure on the way becomes a diagnostic that names the file and the line.
struct MarkdownSource {
    var fields: FrontMatterFields
    var body: String
    var bodyFirstLine: Int
    var file: String
    /// Of the file's bytes: what tells a later build whether anything made from this file can change.
    var fingerprint: Fingerprint

    /// Links found in the body, placed in the file (the body starts after the front matter).
    func bodyLinks(_ links: [MarkdownLink]) -> [BodyLink] {
        links.map { BodyLink(url: $0.url, isImage: $0.isImage,
                             location: SourceLocation(file: file, line: bodyFirstLine - 1 + $0.line, column: $0.column)) }
    }

    /// An error when a published file's body still holds the sentence `qanda new` wrote as a placeholder
    /// (`NewContent.placeholders`), at that sentence's line: it would go live as the page's text, summary and
    /// structured data.
    func placeholderDiagnostic(isDraft: Bool) -> Diagnostic? {
        guard !isDraft else { return nil }
        for sentence in NewContent.placeholders {
            guard let range = body.range(of: sentence) else { continue }
            let line = bodyFirstLine + body[..<range.lowerBound].count(where: { $0 == "\n" })
            let column = body[..<range.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.count + 1 } ?? 1
            return Diagnostic(.placeholderText, file: file, line: line, column: column,
                              message: "'\(sentence)' is the placeholder `qanda new` wrote, and this page is published",
                              hint: "write the text in its place, or add `draft: true` to keep the page out of the site")
        }
        return nil
    }

    /// - Returns: the source, or nil with the diagnostics that explain why it could not be read.
    static func read(path: String, relativePath file: String, allowedKeys: [String]) -> (MarkdownSource?, [Diagnostic]) {
        guard let bytes = FileBytes.read(path) else {
            return (nil, [Diagnostic(.unreadableFile, file: file, message: "cannot read this file", hint: "check its permissions")])
        }
        let text: String
        switch SourceText.decode(bytes) {
        case .success(let source): text = source.text
        case .failure(.empty):
            return (nil, [Diagnostic(.emptyFile, file: file, line: 1, column: 1, message: "the file is empty",
                                     hint: "start it with front matter between two `---` lines, or delete it")])
        case .failure(.notUTF8(let line, let column)):
            return (nil, [Diagnostic(.notUTF8, file: file, line: line, column: column,
                                     message: "the file is not UTF-8 text: the byte here (shown as \u{FFFD}) is not UTF-8",
                                     hint: "save it as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252)")])
        }
        let block: FrontMatterBlock
        switch FrontMatterSplitter.split(text) {
        case .success(let value): block = value
        case .failure(.missingOpening):
            return (nil, [Diagnostic(.missingFrontMatter, file: file, line: 1, column: 1,
                                     message: "the file does not start with front matter",
                                     hint: "make `---` the first line, then the keys, then another `---` line")])
        case .failure(.unclosed(let line)):
            return (nil, [Diagnostic(.unclosedFrontMatter, file: file, line: line, column: 1,
                                     message: "the front matter is never closed",
                                     hint: "add a `---` line after the last key")])
        }
        let lineOffset = block.yamlFirstLine - 1
        switch YAMLMappingParser.parse(block.yaml, file: file, lineOffset: lineOffset) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let mapping):
            let fields = FrontMatterFields(mapping: mapping ?? Node.Mapping([]), allowedKeys: allowedKeys, file: file,
                                           lineOffset: lineOffset)
            return (MarkdownSource(fields: fields, body: block.body, bodyFirstLine: block.bodyFirstLine, file: file,
                                   fingerprint: Fingerprint(bytes)), [])
        }
    }
}
