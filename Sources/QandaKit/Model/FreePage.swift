/// A free page from Content/pages/<slug>.md (about, editorial policy).
package struct FreePage: Sendable, Identifiable {
    package var id: String { slug }
    package var slug: String
    package var title: String
    package var description: String?
    package var date: ContentDate?
    package var updated: ContentDate?
    package var isDraft: Bool
    package var bodyHTML: String
    package var source: SourceLocation
    package var links: [BodyLink] = []
}
