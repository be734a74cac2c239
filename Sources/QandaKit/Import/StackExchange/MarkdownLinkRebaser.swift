import Foundation

/// The links and images of a post's Markdown that point into its original site (`/questions/1`, `//i.sstatic.net/a.png`,
/// `b.png`) made absolute: on the imported site they would lead nowhere, and `qanda build` stops at such links.
/// Inline links, reference definitions and `href`/`src` of raw HTML are rewritten; code blocks and code spans are
/// left alone.
enum MarkdownLinkRebaser {
    static func rebase(_ markdown: String, resolve: (String) -> String) -> String {
        // Most posts have no link at all: a cheap look first.
        guard markdown.contains("](") || markdown.contains("]:") || markdown.contains("=\"") else { return markdown }
        var lines: [String] = []
        var fence: (character: Character, count: Int)?
        var previousBlank = true
        var inIndentedCode = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if let open = fence {
                if indent < 4, trimmed.prefix(while: { $0 == open.character }).count >= open.count,
                   trimmed.drop(while: { $0 == open.character }).allSatisfy({ $0 == " " || $0 == "\t" }) { fence = nil }
                lines.append(String(line))
                continue
            }
            if indent < 4, let first = trimmed.first, first == "`" || first == "~" {
                let run = trimmed.prefix { $0 == first }.count
                if run >= 3 { fence = (first, run); lines.append(String(line)); previousBlank = false; continue }
            }
            let isBlank = trimmed.allSatisfy { $0 == " " || $0 == "\t" }
            inIndentedCode = !isBlank && (line.hasPrefix("    ") || line.hasPrefix("\t")) && (previousBlank || inIndentedCode)
            previousBlank = isBlank
            lines.append(inIndentedCode ? String(line) : rebaseLine(String(line), resolve: resolve))
        }
        return lines.joined(separator: "\n")
    }

    static func needsRebasing(_ address: String) -> Bool {
        address.hasPrefix("//") || MarkdownLink.isInternal(address)
    }

    private static func rebaseLine(_ line: String, resolve: (String) -> String) -> String {
        var characters = Array(line)
        var index = 0
        var output = ""
        // A reference definition: `[label]: /address`.
        if let definition = referenceDefinition(characters) {
            let address = String(characters[definition])
            if needsRebasing(address) {
                characters.replaceSubrange(definition, with: Array(resolve(address)))
            }
            return String(characters)
        }
        while index < characters.count {
            let character = characters[index]
            if character == "`" {  // a code span: copied as it is
                let run = characters[index...].prefix { $0 == "`" }.count
                if let close = closingRun(characters, length: run, from: index + run) {
                    output += String(characters[index..<(close + run)])
                    index = close + run
                    continue
                }
                output += String(repeating: "`", count: run)
                index += run
                continue
            }
            if character == "\\" && index + 1 < characters.count {
                output += String(characters[index...(index + 1)])
                index += 2
                continue
            }
            if character == "]" && index + 1 < characters.count && characters[index + 1] == "(" {
                output += "]("
                index += 2
                let start = index
                while index < characters.count && characters[index] == " " { index += 1 }
                output += String(characters[start..<index])
                let bracketed = index < characters.count && characters[index] == "<"
                let addressStart = bracketed ? index + 1 : index
                var addressEnd = addressStart
                var depth = 0
                while addressEnd < characters.count {
                    let next = characters[addressEnd]
                    if bracketed { if next == ">" { break } } else {
                        if next == " " { break }
                        if next == "(" { depth += 1 }
                        if next == ")" { if depth == 0 { break }; depth -= 1 }
                    }
                    addressEnd += 1
                }
                let address = String(characters[addressStart..<addressEnd])
                if bracketed { output += "<" }
                output += needsRebasing(address) ? resolve(address) : address
                index = addressEnd
                continue
            }
            for attribute in ["href=\"", "src=\""] where characters[index...].starts(with: attribute) {
                let valueStart = index + attribute.count
                if let valueEnd = characters[valueStart...].firstIndex(of: "\"") {
                    let address = String(characters[valueStart..<valueEnd])
                    output += attribute + (needsRebasing(address) ? resolve(address) : address)
                    index = valueEnd
                }
                break
            }
            if index < characters.count {
                output.append(characters[index])
                index += 1
            }
        }
        return output
    }

    /// Where the address of a reference definition (`   [label]: address "title"`) is.
    private static func referenceDefinition(_ characters: [Character]) -> Range<Int>? {
        var index = 0
        while index < characters.count && index < 3 && characters[index] == " " { index += 1 }
        guard index < characters.count, characters[index] == "[" else { return nil }
        guard let close = characters[index...].firstIndex(of: "]"), close + 1 < characters.count, characters[close + 1] == ":",
              close > index + 1 else { return nil }
        var start = close + 2
        while start < characters.count && characters[start] == " " { start += 1 }
        var bracketed = false
        if start < characters.count && characters[start] == "<" { start += 1; bracketed = true }
        var end = start
        while end < characters.count && !(bracketed ? characters[end] == ">" : characters[end] == " ") { end += 1 }
        return end > start ? start..<end : nil
    }

    private static func closingRun(_ characters: [Character], length: Int, from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            guard characters[index] == "`" else { index += 1; continue }
            let run = characters[index...].prefix { $0 == "`" }.count
            if run == length { return index }
            index += run
        }
        return nil
    }
}
