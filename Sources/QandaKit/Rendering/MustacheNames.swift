/// The names a Mustache template refers to, found by scanning its tags. swift-mustache keeps its parsed tokens
/// private, and a misspelled name there renders as nothing; this scan lets Qanda tell the editor instead.
enum MustacheNames {
    enum Kind { case value, partial }

    struct Reference: Equatable {
        var name: String
        var kind: Kind
        var line: Int
        var column: Int
    }

    /// One tag as written: its sigil (`#`, `^`, `/`, `>`, …; `{` for a triple mustache; empty for a plain value),
    /// the name inside it, and where it starts.
    struct Tag: Equatable {
        var sigil: String
        var name: String
        var line: Int
        var column: Int
    }

    /// Nil when the template changes its delimiters (`{{=<% %>=}}`): then it is not scanned.
    static func references(in text: String) -> [Reference]? {
        guard let tags = tags(in: text) else { return nil }
        var references: [Reference] = []
        for tag in tags {
            switch tag.sigil {
            case "!", "/", "%", "$": continue
            case ">", "<":
                references.append(Reference(name: tag.name, kind: .partial, line: tag.line, column: tag.column))
            default:
                guard tag.name != "." else { continue }
                // A transform such as `uppercased(title)` names its value inside the parentheses.
                var valueName = Substring(tag.name)
                while let open = valueName.firstIndex(of: "("), valueName.hasSuffix(")") {
                    valueName = valueName[valueName.index(after: open)..<valueName.index(before: valueName.endIndex)]
                }
                let components = valueName.split(separator: ".")
                for (position, component) in components.enumerated() where Int(component) == nil {
                    // `site.is_language.<tag>`: any language tag may follow.
                    if position > 0 && components[position - 1] == "is_language" { continue }
                    references.append(Reference(name: String(component), kind: .value, line: tag.line, column: tag.column))
                }
            }
        }
        return references
    }

    /// The innermost section (`{{#name}}`, `{{^name}}`, `{{$block}}`, `{{<parent}}`) that no `{{/name}}` closes: where
    /// the editor forgot the end. swift-mustache only notices at the end of the text, and says nothing of where.
    static func unclosedSection(in text: String) -> Tag? {
        var open: [Tag] = []
        for tag in tags(in: text) ?? [] {
            if "#^$<".contains(tag.sigil), !tag.sigil.isEmpty {
                open.append(tag)
            } else if tag.sigil == "/", let index = open.lastIndex(where: { $0.name == tag.name }) {
                open.removeSubrange(index...)
            }
        }
        return open.last
    }

    /// Every tag in order; nil when the template changes its delimiters.
    static func tags(in text: String) -> [Tag]? {
        var tags: [Tag] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0, line = 1, lineStart = 0
        while index < scalars.count - 1 {
            if scalars[index] == "\n" { line += 1; lineStart = index + 1 }
            guard scalars[index] == "{", scalars[index + 1] == "{" else { index += 1; continue }
            let tagStart = index
            let triple = index + 2 < scalars.count && scalars[index + 2] == "{"
            var cursor = index + (triple ? 3 : 2)
            var inner = ""
            while cursor < scalars.count - 1, !(scalars[cursor] == "}" && scalars[cursor + 1] == "}") {
                inner.unicodeScalars.append(scalars[cursor])
                cursor += 1
            }
            index = cursor + (triple ? 3 : 2)
            let column = tagStart - lineStart + 1
            let tagLine = line
            // A tag may span lines (a long comment): count them before anything is skipped.
            for (offset, scalar) in inner.unicodeScalars.enumerated() where scalar == "\n" {
                line += 1
                lineStart = tagStart + (triple ? 3 : 2) + offset + 1
            }
            var body = Substring(inner).drop(while: { $0 == " " })
            let sigil = triple ? "{" : body.first.flatMap { "#^/&!><$=%".contains($0) ? String($0) : nil } ?? ""
            if !triple, !sigil.isEmpty { body = body.dropFirst() }
            if sigil == "=" { return nil }
            tags.append(Tag(sigil: sigil, name: body.trimmingCharacters(in: .whitespaces), line: tagLine, column: column))
        }
        return tags
    }
}
