import Foundation
import Yams

/// What the APA formatter would have to guess, reported so that an editor can confirm it.
public enum CitationChecks {
    /// The title written so that it can be pasted into front matter as it is (quoted where YAML needs it).
    static func yamlScalar(_ text: String) -> String {
        ((try? Yams.dump(object: text)) ?? text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func diagnostics(for site: Site) -> [Diagnostic] {
        site.threads.compactMap { thread in
            guard thread.question.citationTitle == nil else { return nil }
            let derived = SentenceCase.convert(thread.question.title)
            return Diagnostic(.derivedCitationTitle, .warning, at: thread.question.location(of: "title"),
                              message: "the reference's title is derived from the page title: '\(derived)'",
                              hint: "check proper nouns, then confirm it with `citation_title: \(yamlScalar(derived))`")
        }
    }
}
