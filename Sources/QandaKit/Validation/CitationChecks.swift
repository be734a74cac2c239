import Foundation

/// What the APA formatter would have to guess, reported so that an editor can confirm it.
package enum CitationChecks {
    /// The title written so that it can be pasted into front matter as it is: plain when YAML reads it back
    /// unchanged, single-quoted otherwise. (Yams' emitter does the same, at a cost that showed on 10,000 threads.)
    static func yamlScalar(_ text: String) -> String {
        let needsQuotes = text.isEmpty || indicators.contains(text.first!) || text.contains(": ") || text.contains(" #")
            || text.hasSuffix(":") || text.first == " " || text.last == " "
            || ["true", "false", "yes", "no", "null", "~", "on", "off"].contains(text.lowercased()) || Double(text) != nil
        return needsQuotes ? "'" + text.replacingOccurrences(of: "'", with: "''") + "'" : text
    }

    private static let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]

    package static func diagnostics(for site: Site) -> [Diagnostic] {
        site.threads.compactMap { thread in
            guard thread.question.citationTitle == nil else { return nil }
            let derived = thread.question.referenceTitle
            return Diagnostic(.derivedCitationTitle, .note, at: thread.question.location(of: "title"),
                              message: "the reference's title is derived from the page title: '\(derived)'",
                              hint: "check proper nouns, then confirm it with `citation_title: \(yamlScalar(derived))`")
        }
    }
}
