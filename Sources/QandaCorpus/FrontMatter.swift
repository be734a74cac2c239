/// YAML front matter, written key by key; strings are quoted whenever plain YAML could read them otherwise.
struct FrontMatter {
    private(set) var text = "---\n"

    mutating func add(_ key: String, _ value: String?) {
        guard let value else { return }
        text += key + ": " + Self.scalar(value) + "\n"
    }

    mutating func add(_ key: String, _ value: Int?) {
        guard let value else { return }
        text += key + ": \(value)\n"
    }

    mutating func add(_ key: String, _ value: CorpusDay?) {
        guard let value else { return }
        text += key + ": " + value.iso + "\n"
    }

    mutating func add(_ key: String, flag value: Bool) {
        if value { text += key + ": true\n" }
    }

    mutating func add(_ key: String, list values: [String]) {
        guard !values.isEmpty else { return }
        text += key + ": [" + values.map(Self.scalar).joined(separator: ", ") + "]\n"
    }

    /// A nested mapping of plain lines (`reviewed:` with `by` and `date`).
    mutating func add(_ key: String, mapping lines: [(String, String)]) {
        text += key + ":\n" + lines.map { "  \($0.0): \($0.1)\n" }.joined()
    }

    func closed(body: String) -> String { text + "---\n" + body }

    /// Plain when the text is only letters, digits, spaces and a few safe marks and does not look like another
    /// type; otherwise double-quoted with escapes.
    static func scalar(_ value: String) -> String {
        let safe = value.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " -.'".unicodeScalars.contains(scalar)
        }
        let first = value.unicodeScalars.first
        let looksTyped = ["yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"].contains(value.lowercased())
            || Double(value) != nil
        if safe, let first, first.properties.isAlphabetic, !looksTyped, value.last != " " { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
