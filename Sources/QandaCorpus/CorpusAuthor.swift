/// One author file: a clinician, a community member or an organization.
public struct CorpusAuthor: Sendable {
    public enum Kind: Sendable { case clinician, member, organization }

    public var id: String
    public var kind: Kind
    public var name: String
    public var given: String?
    public var family: String?
    public var suffix: String?
    public var reviewer = false
    public var credentials: String?
    public var role: String?
    public var affiliation: String?
    public var orcid: String?
    public var url: String?
    /// A file name in Content/authors/ whose bytes are `CorpusAuthor.photo(for:)`.
    public var photo: String?
    public var bio: String

    /// May be named in `reviewed.by`.
    public var reviews: Bool { kind == .organization || reviewer }
}
