/// One author file: a clinician, a community member or an organization.
package struct CorpusAuthor: Sendable {
    package enum Kind: Sendable { case clinician, member, organization }

    package var id: String
    package var kind: Kind
    package var name: String
    package var given: String?
    package var family: String?
    package var suffix: String?
    package var reviewer = false
    package var credentials: String?
    package var role: String?
    package var affiliation: String?
    package var orcid: String?
    package var url: String?
    /// A file name in Content/authors/ whose bytes are `CorpusAuthor.photo(for:)`.
    package var photo: String?
    package var bio: String

    /// May be named in `reviewed.by`.
    package var reviews: Bool { kind == .organization || reviewer }
}
