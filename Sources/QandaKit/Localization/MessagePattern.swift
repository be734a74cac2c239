/// One string of a translation table, split at its `{placeholders}` (a name of lowercase letters, digits and
/// `_` in braces; any other brace is text). Parsed once when the table is read, filled in for every page.
package struct MessagePattern: Sendable, Equatable {
    package enum Part: Sendable, Equatable {
        case text(String)
        case placeholder(String)
    }

    package let parts: [Part]
    /// The string as written.
    package let source: String

    package init(_ source: String) {
        self.source = source
        var parts: [Part] = []
        var text = ""
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), close > afterOpen,
               rest[afterOpen..<close].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) {
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(.placeholder(String(rest[afterOpen..<close])))
                rest = rest[rest.index(after: close)...]
            } else {
                text += "{"
                rest = rest[afterOpen...]
            }
        }
        text += rest
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
    }

    /// The placeholders used, in order of first use.
    package var placeholders: [String] {
        var seen: Set<String> = []
        return parts.compactMap { part in
            if case .placeholder(let name) = part, seen.insert(name).inserted { return name }
            return nil
        }
    }

    /// The text with each placeholder replaced by its value (a placeholder without one prints as written).
    package func text(_ values: [String: String] = [:]) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .placeholder(let name): result += values[name] ?? "{\(name)}"
            }
        }
        return result
    }

    /// HTML: the pattern's own text escaped, each placeholder replaced by its value, which is HTML already (a
    /// `<time>` element, a link, an escaped name). A translation can never add markup.
    package func html(_ values: [String: String]) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .text(let text): result += HTML.escape(text)
            case .placeholder(let name): result += values[name] ?? HTML.escape("{\(name)}")
            }
        }
        return result
    }
}
