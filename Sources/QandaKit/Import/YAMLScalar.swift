/// Any text as one YAML value on one line, read back by Qanda's loaders (Yams, no tag resolution) as exactly that
/// text: what `qanda import` writes into front matter, where titles, names and credentials come from someone
/// else's archive and may hold quotes, colons, `#`, line breaks, tabs or control characters.
package enum YAMLScalar {
    /// Printable one-line text as `qanda new` writes it (plain, or single-quoted: `CitationChecks.yamlScalar`);
    /// anything else double-quoted with escapes. A byte-order mark at the start is left out: the YAML reader drops
    /// it, even escaped, and it shows nothing.
    package static func line(_ text: String) -> String {
        let text = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        return needsEscapes(text) ? doubleQuoted(text) : CitationChecks.yamlScalar(text)
    }

    /// Line breaks of any kind, tabs, characters YAML does not allow in a file, a byte-order mark, or white space
    /// at either end (which a plain or single-quoted value would lose or fold).
    static func needsEscapes(_ text: String) -> Bool {
        if let first = text.unicodeScalars.first, first == " " { return true }
        if let last = text.unicodeScalars.last, last == " " { return true }
        return text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || !isPrintable(scalar) || scalar == "\u{FEFF}"
                || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
    }

    /// YAML 1.1's printable set (what libyaml accepts in a stream), tab and line breaks aside.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `"…"` with `\\`, `\"`, `\n`, `\t`, `\r` and `\u…` for every other character outside the printable set.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            case "\u{FEFF}": result += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || !isPrintable(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += scalar.value <= 0xFFFF ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A flow list of texts: `[sleep, "first, steps"]`. An item with a comma or a bracket is quoted, since a
    /// plain item would end at it.
    package static func list(_ items: [String]) -> String {
        "[" + items.map { item in
            let item = item.unicodeScalars.first == "\u{FEFF}" ? String(item.unicodeScalars.dropFirst()) : item
            let plain = line(item)
            let flowSafe = !item.contains(where: { ",[]{}".contains($0) }) && !plain.hasPrefix("\"")
            return flowSafe ? plain : doubleQuoted(item)
        }.joined(separator: ", ") + "]"
    }
}
