/// A free page from Content/pages/<slug>.md (about, editorial policy).
public struct Page: Sendable, Identifiable {
    public var id: String { slug }
    public var slug: String
    public var title: String
    public var description: String?
    public var date: ContentDate?
    public var updated: ContentDate?
    public var isDraft: Bool
    public var bodyHTML: String
    public var source: SourceLocation
    public var links: [BodyLink] = []
}
