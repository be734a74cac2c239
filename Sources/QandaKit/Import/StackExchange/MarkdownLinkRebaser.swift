import Foundation

/// The links and images of a post's Markdown that point into its original site (`/questions/1`, `//i.sstatic.net/a.png`,
/// `b.png`) made absolute: on the imported site they would lead nowhere, and `qanda build` stops at such links.
/// Inline links, reference definitions and `href`/`src` of raw HTML are rewritten; code blocks and code spans are
/// left alone. Works on the UTF-8 bytes (every mark it looks for is ASCII): a million posts go through it.
enum MarkdownLinkRebaser {
    static func rebase(_ markdown: String, resolve: (String) -> String) -> String {
        guard mayHaveLink(markdown.utf8[...]) else { return markdown }  // most posts: no link at all
        let bytes = Array(markdown.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var fence: (byte: UInt8, count: Int)?
        var previousBlank = true
        var inIndentedCode = false
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            let indent = line.prefix { $0 == space }.count
            let trimmed = line.dropFirst(indent)
            if let open = fence {
                if indent < 4, trimmed.prefix(while: { $0 == open.byte }).count >= open.count,
                   trimmed.drop(while: { $0 == open.byte }).allSatisfy({ $0 == space || $0 == tab }) { fence = nil }
                output += line
            } else if indent < 4, let first = trimmed.first, first == backtick || first == tilde,
                      trimmed.prefix(while: { $0 == first }).count >= 3 {
                fence = (first, trimmed.prefix { $0 == first }.count)
                previousBlank = false
                output += line
            } else {
                let isBlank = trimmed.allSatisfy { $0 == space || $0 == tab }
                inIndentedCode = !isBlank && (indent >= 4 || line.first == tab) && (previousBlank || inIndentedCode)
                previousBlank = isBlank
                output += inIndentedCode || !mayHaveLink(line) ? Array(line) : rebaseLine(line, resolve: resolve)
            }
            if lineEnd < bytes.count { output.append(0x0A) }
            lineStart = lineEnd + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func needsRebasing(_ address: String) -> Bool {
        address.hasPrefix("//") || MarkdownLink.isInternal(address)
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), backtick = UInt8(ascii: "`"), tilde = UInt8(ascii: "~")

    /// `](`, `]:` or `="`: where a link's address can start.
    private static func mayHaveLink(_ bytes: some Collection<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if (previous == UInt8(ascii: "]") && (byte == UInt8(ascii: "(") || byte == UInt8(ascii: ":")))
                || (previous == UInt8(ascii: "=") && byte == UInt8(ascii: "\"")) { return true }
            previous = byte
        }
        return false
    }

    /// The address as `resolve` makes it, when it needs it.
    private static func rebased(_ address: ArraySlice<UInt8>, _ resolve: (String) -> String) -> [UInt8] {
        let text = String(decoding: address, as: UTF8.self)
        return needsRebasing(text) ? Array(resolve(text).utf8) : Array(address)
    }

    private static func rebaseLine(_ line: ArraySlice<UInt8>, resolve: (String) -> String) -> [UInt8] {
        // A reference definition: `[label]: /address`.
        if let definition = referenceDefinition(line) {
            return Array(line[..<definition.lowerBound]) + rebased(line[definition], resolve) + Array(line[definition.upperBound...])
        }
        var output: [UInt8] = []
        output.reserveCapacity(line.count + 64)
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == backtick {  // a code span: copied as it is
                let run = line[index...].prefix { $0 == backtick }.count
                let end = closingRun(line, length: run, from: index + run).map { $0 + run } ?? index + run
                output += line[index..<end]
                index = end
                continue
            }
            if byte == UInt8(ascii: "\\") && index + 1 < line.endIndex {
                output += line[index...(index + 1)]
                index += 2
                continue
            }
            if byte == UInt8(ascii: "]") && index + 1 < line.endIndex && line[index + 1] == UInt8(ascii: "(") {
                index += 2
                let start = index
                while index < line.endIndex && line[index] == space { index += 1 }
                output += line[(start - 2)..<index]
                let bracketed = index < line.endIndex && line[index] == UInt8(ascii: "<")
                let addressStart = bracketed ? index + 1 : index
                var addressEnd = addressStart
                var depth = 0
                while addressEnd < line.endIndex {
                    let next = line[addressEnd]
                    if bracketed {
                        if next == UInt8(ascii: ">") { break }
                    } else {
                        if next == space { break }
                        if next == UInt8(ascii: "(") { depth += 1 }
                        if next == UInt8(ascii: ")") { if depth == 0 { break }; depth -= 1 }
                    }
                    addressEnd += 1
                }
                if bracketed { output.append(UInt8(ascii: "<")) }
                output += rebased(line[addressStart..<addressEnd], resolve)
                index = addressEnd
                continue
            }
            // href="..." and src="..." of raw HTML.
            if byte == UInt8(ascii: "h") || byte == UInt8(ascii: "s") {
                let attribute: [UInt8] = byte == UInt8(ascii: "h") ? Array("href=\"".utf8) : Array("src=\"".utf8)
                if line[index...].starts(with: attribute),
                   let valueEnd = line[(index + attribute.count)...].firstIndex(of: UInt8(ascii: "\"")) {
                    output += attribute + rebased(line[(index + attribute.count)..<valueEnd], resolve)
                    index = valueEnd
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// Where the address of a reference definition (`   [label]: address "title"`) is.
    private static func referenceDefinition(_ line: ArraySlice<UInt8>) -> Range<Int>? {
        var index = line.startIndex
        while index < line.endIndex && index - line.startIndex < 3 && line[index] == space { index += 1 }
        guard index < line.endIndex, line[index] == UInt8(ascii: "["),
              let close = line[index...].firstIndex(of: UInt8(ascii: "]")), close > index + 1,
              close + 1 < line.endIndex, line[close + 1] == UInt8(ascii: ":") else { return nil }
        var start = close + 2
        while start < line.endIndex && line[start] == space { start += 1 }
        let bracketed = start < line.endIndex && line[start] == UInt8(ascii: "<")
        if bracketed { start += 1 }
        var end = start
        while end < line.endIndex && line[end] != (bracketed ? UInt8(ascii: ">") : space) { end += 1 }
        return end > start ? start..<end : nil
    }

    private static func closingRun(_ line: ArraySlice<UInt8>, length: Int, from start: Int) -> Int? {
        var index = start
        while index < line.endIndex {
            guard line[index] == backtick else { index += 1; continue }
            let run = line[index...].prefix { $0 == backtick }.count
            if run == length { return index }
            index += run
        }
        return nil
    }
}
