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

    /// Nil when the template changes its delimiters (`{{=<% %>=}}`): then it is not scanned.
    static func references(in text: String) -> [Reference]? {
        var references: [Reference] = []
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
            let sigil = triple ? "{" : body.first.map(String.init) ?? ""
            if !triple, let first = body.first, "#^/&!><$=%".contains(first) { body = body.dropFirst() }
            let name = body.trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "=": return nil
            case "!", "/", "%", "$": continue
            case ">", "<":
                references.append(Reference(name: name, kind: .partial, line: tagLine, column: column))
            default:
                guard name != "." else { continue }
                // A transform such as `uppercased(title)` names its value inside the parentheses.
                var valueName = Substring(name)
                while let open = valueName.firstIndex(of: "("), valueName.hasSuffix(")") {
                    valueName = valueName[valueName.index(after: open)..<valueName.index(before: valueName.endIndex)]
                }
                for component in valueName.split(separator: ".") where Int(component) == nil {
                    references.append(Reference(name: String(component), kind: .value, line: tagLine, column: column))
                }
            }
        }
        return references
    }
}
