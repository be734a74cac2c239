import Foundation

/// HTML bodies (a Stack Exchange post without its Markdown source, a user's "about me") as Markdown that renders
/// the same text, links, code and lists: paragraphs, emphasis, links, images, inline code, code blocks (with their
/// language), quotes, lists (tight or loose, numbered from their start), headings, rules, line breaks, strikethrough
/// and simple tables. Inline HTML that Markdown has no syntax for (`<kbd>`, `<sup>`, `<sub>`, ...) is kept as HTML,
/// and so is a table Markdown cannot hold (merged cells, blocks in cells); other elements (`<div>`, `<span>`) give
/// their content.
package struct HTMLToMarkdown {
    /// The address of the page the HTML was on: relative links (`/questions/1`, `//i.stack.imgur.com/a.png`,
    /// `b.png`) are made absolute against it, since on the imported site they would lead nowhere.
    package var pageURL: URL?

    package init(pageURL: String? = nil) {
        self.pageURL = pageURL.flatMap(URL.init(string:))
    }

    package func convert(_ html: String) -> String {
        let text = join(blocks(of: HTMLFragment.parse(html).children), tight: false)
        return text.isEmpty ? "" : text + "\n"
    }

    // MARK: Blocks

    struct Block {
        var text: String
        var list: ListMarker? = nil
        /// The first number of an ordered list not starting at 1 (which cannot interrupt a paragraph).
        var firstNumber: Int? = nil
    }

    enum ListMarker: Equatable {
        case bullet(Character)
        case ordered(Character)
    }

    static let blockElements: Set<String> = HTMLFragment.closesParagraph.union(["li", "dt", "dd", "figcaption", "summary", "center",
                                                                                 "tbody", "thead", "tfoot", "tr", "caption"])

    func blocks(of nodes: [HTMLFragment]) -> [Block] {
        var result: [Block] = []
        var run: [HTMLFragment] = []
        func flushRun() {
            let text = paragraph(run)
            if !text.isEmpty { result.append(Block(text: text)) }
            run = []
        }
        for node in nodes {
            guard let name = node.name, Self.blockElements.contains(name) else { run.append(node); continue }
            flushRun()
            switch name {
            case "p":
                let text = paragraph(node.children)
                if !text.isEmpty { result.append(Block(text: text)) }
            case "h1", "h2", "h3", "h4", "h5", "h6":
                result.append(Block(text: heading(node, level: Int(String(name.last!))!)))
            case "pre":
                result.append(Block(text: codeBlock(node)))
            case "blockquote":
                let inner = join(blocks(of: node.children), tight: false)
                result.append(Block(text: inner.isEmpty ? ">" : prefixLines(inner, first: "> ", rest: "> ", blank: ">")))
            case "ul", "ol":
                if let list = list(node, ordered: name == "ol", after: result.last?.list) { result.append(list) }
            case "hr":
                result.append(Block(text: "* * *"))
            case "table":
                result.append(Block(text: table(node)))
            default:
                result += blocks(of: node.children)
            }
        }
        flushRun()
        return result
    }

    /// Blocks one after the other: a blank line between them, or (inside a tight list item) a line break where that
    /// keeps them apart.
    func join(_ blocks: [Block], tight: Bool) -> String {
        var text = ""
        for (index, block) in blocks.enumerated() {
            if index > 0 {
                let previous = blocks[index - 1]
                let needsBlank = !tight || previous.list != nil || (block.firstNumber.map { $0 != 1 } ?? false)
                text += needsBlank ? "\n\n" : "\n"
            }
            text += block.text
        }
        return text
    }

    /// Inline Markdown on one line: hard breaks and line breaks become spaces (headings, table cells).
    private static func oneLine(_ text: String) -> String {
        ByteText.replacing(text.replacingOccurrences(of: "\\\n", with: " ")) { $0 == 0x0A ? " " : nil }
    }

    private func prefixLines(_ text: String, first: String, rest: String, blank: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            line.isEmpty ? blank : (index == 0 ? first : rest) + line
        }.joined(separator: "\n")
    }

    private func heading(_ node: HTMLFragment, level: Int) -> String {
        var text = Self.oneLine(inline(node.children).text)
        // A closing run of #s would be taken for the heading's optional closing sequence.
        if text.hasSuffix("#") { text = String(text.dropLast()) + "\\#" }
        text = escapeLineStart(Substring(text))
        return String(repeating: "#", count: level) + (text.isEmpty ? "" : " " + text)
    }

    private func codeBlock(_ node: HTMLFragment) -> String {
        var code = node.textContent
        if code.hasPrefix("\n") { code.removeFirst() }  // HTML drops a line break right after <pre>
        if code.hasSuffix("\n") { code.removeLast() }
        code = ByteText.unixLineEnds(code)
        let fence = String(repeating: "`", count: max(3, ByteText.longestRun(of: UInt8(ascii: "`"), in: code) + 1))
        return fence + codeLanguage(node) + "\n" + (code.isEmpty ? "" : code + "\n") + fence
    }

    /// `<pre class="lang-js">` or `<code class="language-javascript">`, as Stack Exchange marks a block's language.
    private func codeLanguage(_ pre: HTMLFragment) -> String {
        let code = pre.children.first { $0.name == "code" }
        let classes = ((code?.attribute("class") ?? "") + " " + (pre.attribute("class") ?? "")).split(separator: " ")
        for prefix in ["language-", "lang-"] {
            if let found = classes.first(where: { $0.hasPrefix(prefix) }) {
                let language = found.dropFirst(prefix.count)
                if !language.isEmpty, language != "none", !language.contains("`") { return String(language) }
            }
        }
        return ""
    }

    private func list(_ node: HTMLFragment, ordered: Bool, after previous: ListMarker?) -> Block? {
        let items = node.children.filter { $0.name != nil || !$0.textContent.allSatisfy(\.isWhitespace) }
        guard !items.isEmpty else { return nil }
        // Two lists in a row with the same marker would be read as one list.
        let marker: ListMarker = ordered
            ? (previous == .ordered(".") ? .ordered(")") : .ordered("."))
            : (previous == .bullet("-") ? .bullet("*") : .bullet("-"))
        let loose = items.contains { item in item.children.contains { $0.name == "p" } }
        let start = ordered ? min(max(Int(node.attribute("start") ?? "") ?? 1, 0), 999_999_999) : 1
        var texts: [String] = []
        for (index, item) in items.enumerated() {
            let label: String
            switch marker {
            case .bullet(let character): label = "\(character) "
            case .ordered(let delimiter): label = "\(start + index)\(delimiter) "
            }
            let content = item.name == "li" ? item.children : [item]
            let body = join(blocks(of: content), tight: !loose)
            texts.append(body.isEmpty ? String(label.dropLast())
                         : prefixLines(body, first: label, rest: String(repeating: " ", count: label.count), blank: ""))
        }
        return Block(text: texts.joined(separator: loose ? "\n\n" : "\n"), list: marker, firstNumber: ordered ? start : nil)
    }

    // MARK: Tables

    /// A table of inline cells as a GitHub table; any other as HTML.
    private func table(_ node: HTMLFragment) -> String {
        var rows: [HTMLFragment] = []
        func collectRows(_ parent: HTMLFragment) {
            for child in parent.children {
                if child.name == "tr" { rows.append(child) } else if ["thead", "tbody", "tfoot"].contains(child.name ?? "") { collectRows(child) }
            }
        }
        collectRows(node)
        let cells = rows.map { $0.children.filter { $0.name == "td" || $0.name == "th" } }
        let simple = !rows.isEmpty && cells.allSatisfy { !$0.isEmpty } && cells.joined().allSatisfy { cell in
            cell.attribute("colspan").map { $0 == "1" } ?? true && cell.attribute("rowspan").map { $0 == "1" } ?? true
                && !containsBlock(cell)
        } && !node.children.contains { $0.name == "caption" }
        guard simple else { return serialize(node) }
        let columns = cells.map(\.count).max()!
        func line(_ texts: [String]) -> String { "| " + texts.joined(separator: " | ") + " |" }
        let header = cells[0]
        var lines = [line((0..<columns).map { $0 < header.count ? cellText(header[$0]) : "" })]
        lines.append(line((0..<columns).map { column in
            switch column < header.count ? alignment(header[column]) : nil {
            case "left": ":---"
            case "right": "---:"
            case "center": ":---:"
            default: "---"
            }
        }))
        for row in cells.dropFirst() { lines.append(line((0..<columns).map { $0 < row.count ? cellText(row[$0]) : "" })) }
        return lines.joined(separator: "\n")
    }

    private func cellText(_ cell: HTMLFragment) -> String {
        var context = InlineContext()
        context.inTableCell = true
        return Self.oneLine(inline(cell.children, context: context).text)
    }

    private func alignment(_ cell: HTMLFragment) -> String? {
        if let align = cell.attribute("align")?.lowercased() { return align }
        guard let style = cell.attribute("style")?.lowercased(), let range = style.range(of: "text-align:") else { return nil }
        return style[range.upperBound...].trimmingCharacters(in: .whitespaces).prefix { $0.isLetter }.description
    }

    private func containsBlock(_ node: HTMLFragment) -> Bool {
        node.children.contains { child in
            guard let name = child.name else { return false }
            return Self.blockElements.contains(name) || containsBlock(child)
        }
    }

    /// The element as HTML on lines without a blank one between them (a blank line ends an HTML block in Markdown).
    private func serialize(_ node: HTMLFragment) -> String {
        switch node.kind {
        case .text(let text):
            return escapeHTML(text).split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n")
        case .entity(let entity): return entity
        case .comment: return ""
        case .element(let name):
            let attributes = node.attributes.map { " \($0.name)=\"\(escapeHTML($0.value))\"" }.joined()
            let inner = node.children.map(serialize).joined()
            if HTMLFragment.voidElements.contains(name) { return "<\(name)\(attributes)>" }
            return "<\(name)\(attributes)>\(inner)</\(name)>"
        }
    }

    private func escapeHTML(_ text: String) -> String {
        ByteText.replacing(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            default: nil
            }
        }
    }

    // MARK: Inline

    struct InlineContext {
        var inEmphasis = false
        var inStrong = false
        var inStrikethrough = false
        var inLink = false
        var inTableCell = false
    }

    /// Inline HTML that Markdown has no syntax for, kept as it is.
    static let keptInline: Set<String> = ["kbd", "sup", "sub", "abbr", "mark", "ins", "u", "small", "q", "var", "samp", "dfn",
                                          "bdi", "bdo", "ruby", "rt", "rp"]

    /// A paragraph's Markdown: inline content, trimmed, each line safe from being read as a block marker.
    private func paragraph(_ nodes: [HTMLFragment]) -> String {
        let text = inline(nodes).text
        guard !text.isEmpty else { return "" }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { escapeLineStart($0) }
        // A line starting with a code span of three backticks would open a code block: it joins the line before.
        var index = 1
        while index < lines.count {
            if lines[index].hasPrefix("```") && !lines[index - 1].hasSuffix("\\") {
                lines[index - 1] += " " + lines[index]
                lines.remove(at: index)
            } else {
                index += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The result of inline content: the text, and whether it began or ended with white space (which goes outside
    /// emphasis markers: `* a*` is no emphasis).
    struct InlineText {
        var text: String
        var leadingSpace: Bool
        var trailingSpace: Bool
    }

    func inline(_ nodes: [HTMLFragment], context: InlineContext = InlineContext()) -> InlineText {
        var builder = InlineBuilder()
        for node in nodes { add(node, to: &builder, context: context) }
        return builder.result
    }

    private func add(_ node: HTMLFragment, to builder: inout InlineBuilder, context: InlineContext) {
        switch node.kind {
        case .comment:
            return
        case .entity(let entity):
            builder.append(entity)
        case .text(let text):
            addText(text, to: &builder)
        case .element(let name):
            var inner = context
            if name == "br" {
                builder.lineBreak()
            } else if ["em", "i", "cite"].contains(name) && !context.inEmphasis {
                inner.inEmphasis = true
                wrap(node, "*", "*", to: &builder, context: inner)
            } else if ["strong", "b"].contains(name) && !context.inStrong {
                inner.inStrong = true
                wrap(node, "**", "**", to: &builder, context: inner)
            } else if ["del", "s", "strike"].contains(name) && !context.inStrikethrough {
                inner.inStrikethrough = true
                wrap(node, "~~", "~~", to: &builder, context: inner)
            } else if ["code", "tt", "pre"].contains(name) {
                builder.append(codeSpan(node.textContent, inTableCell: context.inTableCell))
            } else if name == "a" && !context.inLink {
                link(node, to: &builder, context: context)
            } else if name == "img" {
                image(node, to: &builder)
            } else if Self.keptInline.contains(name) {
                let attributes = node.attributes.map { " \($0.name)=\"\(escapeHTML($0.value))\"" }.joined()
                wrap(node, "<\(name)\(attributes)>", "</\(name)>", to: &builder, context: context)
            } else {
                for child in node.children { add(child, to: &builder, context: context) }
            }
        }
    }

    private func wrap(_ node: HTMLFragment, _ opening: String, _ closing: String, to builder: inout InlineBuilder, context: InlineContext) {
        let content = inline(node.children, context: context)
        if content.leadingSpace { builder.space(newline: false) }
        if !content.text.isEmpty { builder.append(opening + content.text + closing) }
        if content.trailingSpace { builder.space(newline: false) }
    }

    /// Text with each run of white space made one space (a line break when the run had one), escaped as one
    /// piece; white space at either end goes to the builder. Over bytes: white space is ASCII.
    private func addText(_ text: String, to builder: inout InlineBuilder) {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
        var core: [UInt8] = []
        core.reserveCapacity(text.utf8.count)
        var pending: UInt8?
        var leading: UInt8?
        for byte in text.utf8 {
            if isSpace(byte) {
                let isBreak = byte == 0x0A || byte == 0x0D
                if core.isEmpty { leading = isBreak || leading == 0x0A ? 0x0A : 0x20 } else { pending = isBreak || pending == 0x0A ? 0x0A : 0x20 }
                continue
            }
            if let space = pending { core.append(space); pending = nil }
            core.append(byte)
        }
        if let leading { builder.space(newline: leading == 0x0A) }
        if !core.isEmpty { builder.append(escapeText(String(decoding: core, as: UTF8.self))) }
        if let pending { builder.space(newline: pending == 0x0A) }
    }

    private func link(_ node: HTMLFragment, to builder: inout InlineBuilder, context: InlineContext) {
        var inner = context
        inner.inLink = true
        guard let href = node.attribute("href"), !href.isEmpty else {
            for child in node.children { add(child, to: &builder, context: context) }
            return
        }
        let content = inline(node.children, context: inner)
        if content.leadingSpace { builder.space(newline: false) }
        builder.append("[" + content.text + "](" + destination(resolve(href)) + title(node.attribute("title")) + ")")
        if content.trailingSpace { builder.space(newline: false) }
    }

    private func image(_ node: HTMLFragment, to builder: inout InlineBuilder) {
        guard let source = node.attribute("src"), !source.isEmpty else { return }
        let alt = escapeText((node.attribute("alt") ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " "))
        builder.append("![" + alt + "](" + destination(resolve(source)) + title(node.attribute("title")) + ")")
    }

    /// Absolute, so that the link leads where it did on the original site.
    func resolve(_ address: String) -> String {
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.hasPrefix("#"), let first = trimmed.first, first != "#" else { return trimmed }
        let beforePath = trimmed.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if beforePath.contains(":") { return trimmed }  // has a scheme
        guard let pageURL, let resolved = URL(string: trimmed, relativeTo: pageURL)?.absoluteString else { return trimmed }
        return resolved
    }

    private func destination(_ url: String) -> String {
        var escaped = ""
        var needsBrackets = false
        for character in url {
            switch character {
            case "\\": escaped += "\\\\"
            case "<": escaped += "%3C"
            case ">": escaped += "%3E"
            case "\n", "\r", "\r\n": continue
            case " ", "(", ")": needsBrackets = true; escaped.append(character)
            default: escaped.append(character)
            }
        }
        escaped = escapeEntityLike(escaped)
        return needsBrackets || escaped.isEmpty ? "<" + escaped + ">" : escaped
    }

    private func title(_ title: String?) -> String {
        guard let title, !title.isEmpty else { return "" }
        let escaped = ByteText.replacing(title) { $0 == UInt8(ascii: "\\") ? "\\\\" : $0 == UInt8(ascii: "\"") ? "\\\"" : nil }
        return " \"" + escapeEntityLike(escaped) + "\""
    }

    /// A code span that shows `code` exactly: a fence longer than any run of backticks in it, and a space inside
    /// each end where Markdown would otherwise drop one or read the fence wrong.
    private func codeSpan(_ code: String, inTableCell: Bool) -> String {
        // A line break in a code span would let the next line start a block (a heading, a list item).
        var text = ByteText.replacing(ByteText.unixLineEnds(code)) { $0 == 0x0A ? " " : nil }
        guard !text.isEmpty else { return "" }
        if inTableCell { text = ByteText.replacing(text) { $0 == UInt8(ascii: "|") ? "\\|" : nil } }
        let fence = String(repeating: "`", count: ByteText.longestRun(of: UInt8(ascii: "`"), in: text) + 1)
        let allSpaces = text.allSatisfy { $0 == " " }
        let pad = text.hasPrefix("`") || text.hasSuffix("`") || (text.hasPrefix(" ") && text.hasSuffix(" ") && !allSpaces)
        return pad ? fence + " " + text + " " + fence : fence + text + fence
    }

    // MARK: Escaping

    /// Text with the characters Markdown would read as syntax escaped. Only where they would be read so: an
    /// underscore inside a word, a `<` before a space or a lone `~` stay as they are, so the Markdown reads well.
    /// (A bare e-mail address cannot be kept from becoming a link: GitHub's autolink finds it whatever is escaped.)
    func escapeText(_ text: String) -> String {
        guard Self.mayNeedEscaping(text.utf8) else { return text }  // most text: a look at the bytes
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        for (index, scalar) in scalars.enumerated() {
            let previous: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            var escape = false
            switch scalar {
            case "\\", "`", "*", "[", "]", "|":
                escape = true
            case "_":
                escape = !isWordScalar(previous) || !isWordScalar(next)
            case "<":
                escape = next.map { $0.properties.isAlphabetic || $0 == "/" || $0 == "!" || $0 == "?" } ?? false
            case "~":
                escape = previous == "~" || next == "~"
            case "&":
                escape = Self.startsEntity(scalars, at: index)
            case ":":
                // `http://` and `https://` in text would become links (the autolink extension); the original had none.
                let before = String(String.UnicodeScalarView(scalars[max(0, index - 5)..<index])).lowercased()
                escape = next == "/" && (before.hasSuffix("http") || before.hasSuffix("https"))
            default:
                break
            }
            if escape { result.append("\\") }
            result.append(scalar)
            if scalar == "w", index >= 2, next == ".", scalars[index - 1] == "w", scalars[index - 2] == "w",
               index < 3 || !isWordScalar(scalars[index - 3]) {
                result.append("\\")  // `www.` would become a link too
            }
        }
        return String(result)
    }

    /// Whether the bytes hold anything `escapeText` may escape.
    private static func mayNeedEscaping(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"),
                 UInt8(ascii: "_"), UInt8(ascii: "<"), UInt8(ascii: "~"), UInt8(ascii: "&"):
                return true
            case UInt8(ascii: "/"):
                if previous == UInt8(ascii: ":") { return true }
            case UInt8(ascii: "."):
                if previous == UInt8(ascii: "w") { return true }
            default: break
            }
            previous = byte
        }
        return false
    }

    private func escapeEntityLike(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "&" && Self.startsEntity(scalars, at: index) { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }

    /// `&name;`, `&#123;` or `&#x1F;` at `index`: what Markdown would decode.
    private static func startsEntity(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var position = index + 1
        var length = 0
        if position < scalars.count && scalars[position] == "#" { position += 1 }
        while position < scalars.count && length <= 32 && scalars[position].isASCII
                && (scalars[position].properties.isAlphabetic || ("0"..."9").contains(scalars[position])) {
            position += 1
            length += 1
        }
        return length > 0 && position < scalars.count && scalars[position] == ";"
    }

    /// A line of a paragraph, safe from being read as a heading, quote, list item, rule or setext underline.
    private func escapeLineStart(_ line: Substring) -> String {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard let first = trimmed.first else { return "" }
        if "#>-+=".contains(first) { return "\\" + trimmed }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty && digits.count <= 9, let after = trimmed.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + trimmed.dropFirst(digits.count)
        }
        return String(trimmed)
    }
}
