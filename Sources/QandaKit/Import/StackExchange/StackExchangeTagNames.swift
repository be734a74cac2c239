import Foundation

/// Qanda tag names for a dump's tags, each with a URL slug of its own. Qanda makes a tag's slug from its name,
/// keeping letters and digits only, so `c++`, `c#` and `c` would all be `/tags/c/`: one tag. The signs that tell
/// such tags apart are spelled out (`c-plus-plus`, `c-sharp`), and a name whose slug another tag already has gets
/// its dots spelled out (`.net` beside `net`: `dot-net`), then a number. Names are given in the order tags are
/// first met (Tags.xml, then the posts), so the same dump always gets the same names.
package struct StackExchangeTagNames {
    private var names: [String: String] = [:]
    /// Which dump tag has each slug.
    private var slugOwners: [String: String] = [:]

    package init() {}

    /// The Qanda name of a dump tag (`c++` -> `c-plus-plus`; `python` -> `python`).
    package mutating func name(for tag: String) -> String {
        if let name = names[tag] { return name }
        let plain = Self.spelledOut(tag, words: ["+": "plus", "#": "sharp"])
        let dotted = Self.spelledOut(tag, words: ["+": "plus", "#": "sharp", ".": "dot"])
        var chosen = [plain, dotted].first { candidate in
            let slug = Slug.make(from: candidate)
            return !slug.isEmpty && slugOwners[slug] == nil
        }
        if chosen == nil {  // both spellings taken, or no slug at all (a tag of signs only)
            let base = Slug.make(from: dotted).isEmpty ? "tag" : dotted
            var number = 2
            while slugOwners[Slug.make(from: "\(base)-\(number)")] != nil { number += 1 }
            chosen = "\(base)-\(number)"
        }
        slugOwners[Slug.make(from: chosen!)] = tag
        names[tag] = chosen!
        return chosen!
    }

    /// The tag with each sign in `words` written as a word between hyphens: `c++` -> `c-plus-plus`.
    static func spelledOut(_ tag: String, words: [Character: String]) -> String {
        var result = ""
        var afterWord = false
        for character in tag {
            if let word = words[character] {
                if !result.isEmpty && !result.hasSuffix("-") { result += "-" }
                result += word
                afterWord = true
            } else {
                if afterWord && character != "-" { result += "-" }
                afterWord = false
                result.append(character)
            }
        }
        return result
    }

    /// The tags of a post: `<python><c++>` (older dumps) or `|python|c++|` (newer ones).
    package static func split(_ tags: String) -> [String] {
        let trimmed = tags.trimmingCharacters(in: .whitespaces)
        let parts: [Substring]
        if trimmed.hasPrefix("<") {
            parts = trimmed.split(whereSeparator: { $0 == "<" || $0 == ">" })
        } else if trimmed.hasPrefix("|") {
            parts = trimmed.split(separator: "|")
        } else {
            parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "," })
        }
        var seen = Set<String>()
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
