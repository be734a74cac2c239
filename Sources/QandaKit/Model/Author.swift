/// A person or organization who answers or reviews (Content/authors/<id>.md).
package struct Author: Sendable, Identifiable {
    package enum Kind: String, Sendable { case person, organization }

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

    /// Organizations may always review; persons only when marked `reviewer: true`.
    package var mayReview: Bool { kind == .organization || isReviewer }

    /// "Kristina Randle, Ph.D., LCSW": the byline form.
    package var nameWithCredentials: String {
        guard let credentials, !credentials.isEmpty else { return name }
        return "\(name), \(credentials)"
    }
}
