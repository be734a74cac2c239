import Foundation
import Yams

/// The names one language gives the site's categories and tags, from the `categories:` and `tags:` sections of
/// `i18n/<language>.yml` (`categories: {Sleep: Sueño}`). Keyed by slug, so `Sleep` and `sleep` name the same
/// category; the slug, and so the URL, stays the original's, which keeps links and hreflang pairs stable.
package struct TaxonomyNames: Sendable, Equatable {
    package struct Name: Sendable, Equatable {
        package var name: String
        /// The name as the table writes it (what findings quote), and where.
        package var written: String
        package var location: SourceLocation
    }

    package var categories: [String: Name] = [:]
    package var tags: [String: Name] = [:]

    package var isEmpty: Bool { categories.isEmpty && tags.isEmpty }

    /// Reads one section (`categories` or `tags`): a mapping from a name the content uses to the name shown.
    mutating func read(_ node: Node, section: String, location: (Node) -> SourceLocation) -> [Diagnostic] {
        guard case .mapping(let mapping) = node else {
            return [Diagnostic(.wrongType, at: location(node), message: "'\(section)' must be a mapping from a name in the content to the name shown",
                               hint: "for example `\(section): {Sleep: Sueño}`, one pair per line")]
        }
        var diagnostics: [Diagnostic] = []
        for (keyNode, valueNode) in mapping {
            guard let written = keyNode.scalar?.string, case .scalar(let value) = valueNode,
                  !value.string.trimmingCharacters(in: .whitespaces).isEmpty else {
                diagnostics.append(Diagnostic(.wrongType, at: location(keyNode), message: "each entry of '\(section)' must be `name: translated name`",
                                              hint: "for example `Sleep: Sueño`"))
                continue
            }
            let slug = Slug.make(from: written)
            let entry = Name(name: value.string, written: written, location: location(keyNode))
            if section == "categories" { categories[slug] = entry } else { tags[slug] = entry }
        }
        return diagnostics
    }
}
