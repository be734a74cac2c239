/// A parsed piece of HTML, as a tree: the bodies Stack Exchange renders from Markdown (and the HTML its users
/// write into them). Lenient as browsers are: unclosed `<p>` and `<li>` close themselves, stray end tags are
/// ignored, `<` that starts no tag is text. Entities are decoded, except named ones outside the common set,
/// which stay as written (`entity`) so that Markdown, which knows them all, shows the same character.
package final class HTMLFragment {
    package enum Kind: Equatable {
        case element(String)
        case text(String)
        /// `&name;` not decoded here.
        case entity(String)
        case comment
    }

    package let kind: Kind
    package var attributes: [(name: String, value: String)]
    package var children: [HTMLFragment] = []

    init(_ kind: Kind, attributes: [(name: String, value: String)] = []) {
        self.kind = kind
        self.attributes = attributes
    }

    /// The element's name, lowercase; nil for text.
    package var name: String? {
        if case .element(let name) = kind { return name }
        return nil
    }

    package func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    /// The text inside, tags left out, entities decoded (those kept as written stay so).
    package var textContent: String {
        switch kind {
        case .text(let text): text
        case .entity(let entity): entity
        case .comment: ""
        case .element: children.map(\.textContent).joined()
        }
    }

    // MARK: Parsing

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "param", "source", "track", "wbr"]
    /// Elements whose start closes an open `<p>`.
    static let closesParagraph: Set<String> = ["address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
                                               "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
                                               "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul"]

    /// The tree of `html` under a root element named `#root`.
    package static func parse(_ html: String) -> HTMLFragment {
        let root = HTMLFragment(.element("#root"))
        var stack = [root]
        var parser = Tokenizer(bytes: Array(html.utf8))
        while let token = parser.next() {
            switch token {
            case .text(let text):
                if let last = stack.last!.children.last, case .text(let previous) = last.kind {
                    stack.last!.children[stack.last!.children.count - 1] = HTMLFragment(.text(previous + text))
                } else {
                    stack.last!.children.append(HTMLFragment(.text(text)))
                }
            case .entity(let entity):
                stack.last!.children.append(HTMLFragment(.entity(entity)))
            case .comment:
                break
            case .start(let name, let attributes, let selfClosing):
                closeImplied(before: name, stack: &stack)
                let element = HTMLFragment(.element(name), attributes: attributes)
                stack.last!.children.append(element)
                if !selfClosing && !voidElements.contains(name) { stack.append(element) }
            case .end(let name):
                if let index = stack.lastIndex(where: { $0.name == name }), index > 0 {
                    stack.removeSubrange(index...)
                }
            }
        }
        return root
    }

    /// For each element, the open ones its start closes, unless one of `within` comes first.
    private static let impliedEnds: [String: (closes: Set<String>, within: Set<String>)] = [
        "li": (["li"], ["ul", "ol"]),
        "dt": (["dt", "dd"], ["dl"]), "dd": (["dt", "dd"], ["dl"]),
        "tr": (["tr", "td", "th"], ["table", "thead", "tbody", "tfoot"]),
        "td": (["td", "th"], ["tr"]), "th": (["td", "th"], ["tr"]),
    ]

    /// What browsers close for you: a `<p>` before a block, an `<li>` before the next one, a cell or row before
    /// the next.
    private static func closeImplied(before name: String, stack: inout [HTMLFragment]) {
        if closesParagraph.contains(name), stack.last?.name == "p" { stack.removeLast() }
        guard let scope = impliedEnds[name] else { return }
        for index in stack.indices.reversed() {
            guard let open = stack[index].name else { continue }
            if scope.within.contains(open) { return }
            if scope.closes.contains(open) { stack.removeSubrange(index...); return }
        }
    }

    // MARK: Tokens

    private enum Token {
        case text(String)
        case entity(String)
        case comment
        case start(String, [(name: String, value: String)], selfClosing: Bool)
        case end(String)
    }

    private struct Tokenizer {
        let bytes: [UInt8]
        var index = 0

        mutating func next() -> Token? {
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "<"), let token = markup() { return token }
            if bytes[index] == UInt8(ascii: "&") {
                let (decoded, length) = HTMLEntities.decode(bytes, at: index)
                index += length
                switch decoded {
                case .text(let text): return .text(text)
                case .kept(let entity): return .entity(entity)
                }
            }
            // Text up to the next tag or entity; a '<' that starts no tag is text.
            let from = index
            index += 1
            while index < bytes.count && bytes[index] != UInt8(ascii: "<") && bytes[index] != UInt8(ascii: "&") { index += 1 }
            return .text(String(decoding: bytes[from..<index], as: UTF8.self))
        }

        /// A tag or comment at `index`; nil (and nothing consumed) when the `<` starts none.
        private mutating func markup() -> Token? {
            let from = index
            guard from + 1 < bytes.count else { return nil }
            let next = bytes[from + 1]
            if next == UInt8(ascii: "!") {
                let terminator: [UInt8] = starts(with: "<!--", at: from) ? Array("-->".utf8) : [UInt8(ascii: ">")]
                index = find(terminator, from: from + 2).map { $0 + terminator.count } ?? bytes.count
                return .comment
            }
            let isEnd = next == UInt8(ascii: "/")
            var position = from + (isEnd ? 2 : 1)
            guard position < bytes.count, isLetter(bytes[position]) else { return nil }
            let nameStart = position
            while position < bytes.count && (isLetter(bytes[position]) || isDigit(bytes[position])) { position += 1 }
            let name = String(decoding: bytes[nameStart..<position], as: UTF8.self).lowercased()
            var attributes: [(name: String, value: String)] = []
            var selfClosing = false
            while position < bytes.count {
                while position < bytes.count && isSpace(bytes[position]) { position += 1 }
                guard position < bytes.count else { break }
                if bytes[position] == UInt8(ascii: ">") { position += 1; break }
                if bytes[position] == UInt8(ascii: "/") {
                    position += 1
                    if position < bytes.count && bytes[position] == UInt8(ascii: ">") { selfClosing = true; position += 1; break }
                    continue
                }
                let attributeStart = position
                while position < bytes.count && !isSpace(bytes[position]) && !"=>/".utf8.contains(bytes[position]) { position += 1 }
                if position == attributeStart { position += 1; continue }
                let attributeName = String(decoding: bytes[attributeStart..<position], as: UTF8.self).lowercased()
                while position < bytes.count && isSpace(bytes[position]) { position += 1 }
                var value = ""
                if position < bytes.count && bytes[position] == UInt8(ascii: "=") {
                    position += 1
                    while position < bytes.count && isSpace(bytes[position]) { position += 1 }
                    if position < bytes.count && (bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")) {
                        let quote = bytes[position]
                        let valueStart = position + 1
                        position = valueStart
                        while position < bytes.count && bytes[position] != quote { position += 1 }
                        value = HTMLEntities.decodeAll(Array(bytes[valueStart..<min(position, bytes.count)]))
                        position += 1
                    } else {
                        let valueStart = position
                        while position < bytes.count && !isSpace(bytes[position]) && bytes[position] != UInt8(ascii: ">") { position += 1 }
                        value = HTMLEntities.decodeAll(Array(bytes[valueStart..<position]))
                    }
                }
                attributes.append((attributeName, value))
            }
            index = min(position, bytes.count)
            if isEnd { return .end(name) }
            if name == "script" || name == "style" {  // their text is no text of the page
                let closing = Array("</\(name)".utf8)
                index = find(closing, from: index, caseInsensitive: true).flatMap { find([UInt8(ascii: ">")], from: $0) }.map { $0 + 1 } ?? bytes.count
                return .comment
            }
            return .start(name, attributes, selfClosing: selfClosing)
        }

        private func starts(with text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            return position + pattern.count <= bytes.count && Array(bytes[position..<(position + pattern.count)]) == pattern
        }

        private func find(_ pattern: [UInt8], from position: Int, caseInsensitive: Bool = false) -> Int? {
            guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
            var candidate = position
            while candidate + pattern.count <= bytes.count {
                var matches = true
                for offset in pattern.indices {
                    var byte = bytes[candidate + offset]
                    if caseInsensitive && isLetter(byte) { byte |= 0x20 }
                    if byte != pattern[offset] { matches = false; break }
                }
                if matches { return candidate }
                candidate += 1
            }
            return nil
        }

        private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
    }
}
