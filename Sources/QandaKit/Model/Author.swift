/// A person or organization who answers or reviews (Content/authors/<id>.md).
package struct Author: Sendable, Identifiable {
    /// `screen-name`: a forum member known by a display name ("checkout_lane_7"), printed as written.
    package enum Kind: String, Sendable { case person, organization, screenName = "screen-name" }

    package var id: String
    package var name: String
    package var given: String?
    package var family: String?
    package var suffix: String?
    package var kind: Kind
    package var isReviewer: Bool
    package var credentials: String?
    package var role: String?
    package var affiliation: String?
    package var orcid: String?
    package var url: String?
    /// File name of a photo in Content/authors/, copied beside the author's page.
    package var photo: String?
    package var bioHTML: String
    package var source: SourceLocation
    package var bioLinks: [BodyLink] = []
    /// Set on a translation (`Content/authors/<id>.<language>.md`): the language its words are in. Only `name`,
    /// `credentials`, `role`, `affiliation` and the biography of a translation are read; empty ones keep the
    /// original's.
    package var language: String? = nil
    /// The author's translations by language tag, as qanda.yml spells it.
    package var translations: [String: Author] = [:]

    /// The author as readers of `language` see them: the translation's words over the original's.
    package func inLanguage(_ tag: String) -> Author {
        guard let translation = translations[tag] else { return self }
        var translated = self
        if !translation.name.isEmpty { translated.name = translation.name }
        translated.credentials = translation.credentials ?? credentials
        translated.role = translation.role ?? role
        translated.affiliation = translation.affiliation ?? affiliation
        if !translation.bioHTML.isEmpty {
            translated.bioHTML = translation.bioHTML
            translated.bioLinks = translation.bioLinks
        }
        return translated
    }

    /// Organizations may always review; persons only when marked `reviewer: true`.
    package var mayReview: Bool { kind == .organization || isReviewer }

    /// "Kristina Randle, Ph.D., LCSW": the byline form.
    package var nameWithCredentials: String {
        guard let credentials, !credentials.isEmpty else { return name }
        return "\(name), \(credentials)"
    }
}
