/// An author column as the map says to read it: the name, and the credentials and role that some archives write
/// into the same text ("Sherry Katz, LCSWCouples and Family Therapist"), then the name as citations need it.
package enum AuthorNameSplit {
    package struct Parts: Sendable, Equatable {
        package var name: String
        package var credentials: String?
        package var role: String?
    }

    /// The first rule that matches the whole text names its parts; else, with `credentialsAfter`, the text after
    /// the first such separator is the credentials; else the text is the name.
    package static func split(_ text: String, rules: [CSVMap.NameRule], credentialsAfter: String?) -> Parts {
        let text = text.trimmingWhitespace()
        for rule in rules {
            guard let match = try? rule.regex.wholeMatch(in: text) else { continue }
            func group(_ name: String) -> String? { match.output[name]?.substring.map(String.init) }
            guard let name = group("name").map(trimmedName), !name.isEmpty else { continue }
            return Parts(name: name, credentials: group("credentials").map(trimmedCredentials).flatMap(nonEmpty),
                         role: group("role").map(trimmedRole).flatMap(nonEmpty))
        }
        if let separator = credentialsAfter, !separator.isEmpty, let range = text.range(of: separator) {
            let name = trimmedName(String(text[..<range.lowerBound]))
            if !name.isEmpty {
                return Parts(name: name, credentials: nonEmpty(trimmedCredentials(String(text[range.upperBound...]))), role: nil)
            }
        }
        return Parts(name: text, credentials: nil, role: nil)
    }

    /// Titles before a name that are not given names (`Dr. Avraham Cohen` is Avraham Cohen in a reference).
    static let honorifics: Set<String> = ["dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.", "prof", "prof.", "rev", "rev."]
    /// Words that belong to the family name that follows them (`Margaret Van Ackeren`, `Ingrid d'Aquin`).
    static let particles: Set<String> = ["van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "dos", "das",
                                         "la", "le", "st", "st.", "ten", "ter", "bin", "al", "el"]

    /// A person's given and family names: the last word is the family name (with the particles before it), the
    /// rest the given names, titles left out. One word is a screen name. `kind` overrides it for the whole file.
    package static func naming(_ name: String, kind: CSVMap.AuthorKind) -> ImportedAuthor.Naming {
        switch kind {
        case .screenName: return .screenName
        case .organization: return .organization
        case .person: break
        }
        var words = name.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        while words.count > 2, honorifics.contains(words[0].lowercased()) { words.removeFirst() }
        guard words.count >= 2 else { return .screenName }
        var familyStart = words.count - 1
        while familyStart > 1, particles.contains(words[familyStart - 1].lowercased()) { familyStart -= 1 }
        return .person(given: words[..<familyStart].joined(separator: " "), family: words[familyStart...].joined(separator: " "))
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// Separators left at either end of a part when text runs together ("David Mora- M.A.").
    private static func trimmed(_ text: String, _ extra: Set<Character>) -> String {
        var part = Substring(text.trimmingWhitespace())
        while let first = part.first, extra.contains(first) || first.isWhitespace { part = part.dropFirst() }
        while let last = part.last, extra.contains(last) || last.isWhitespace { part = part.dropLast() }
        return String(part)
    }

    private static func trimmedName(_ text: String) -> String { trimmed(text, [",", ";", "-", "–", "—"]) }
    private static func trimmedCredentials(_ text: String) -> String { trimmed(text, [",", ";"]) }
    private static func trimmedRole(_ text: String) -> String { trimmed(text, [",", ";"]) }
}
