/// A person or organization who answers or reviews (Content/authors/<id>.md).
public struct Author: Sendable, Identifiable {
    public enum Kind: String, Sendable { case person, organization }

    public var id: String
    public var name: String
    public var given: String?
    public var family: String?
    public var suffix: String?
    public var kind: Kind
    public var isReviewer: Bool
    public var credentials: String?
    public var role: String?
    public var affiliation: String?
    public var orcid: String?
    public var url: String?
    /// File name of a photo in Content/authors/, copied beside the author's page.
    public var photo: String?
    public var bioHTML: String
    public var source: SourceLocation
    public var bioLinks: [BodyLink] = []

    /// Organizations may always review; persons only when marked `reviewer: true`.
    public var mayReview: Bool { kind == .organization || isReviewer }

    /// "Kristina Randle, Ph.D., LCSW": the byline form.
    public var nameWithCredentials: String {
        guard let credentials, !credentials.isEmpty else { return name }
        return "\(name), \(credentials)"
    }
}
