/// One citable work, as every citation format needs it: the page as a whole, or one answer on it.
/// A pure value, built from the model by `CitationRecord.page(…)`/`.answer(…)`; every format (APA, BibTeX,
/// RIS, CSL-JSON, meta tags) is a function of it, so they can never disagree.
public struct CitationRecord: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The whole question page.
        case page
        /// One answer, cited on its own (its URL carries the answer's fragment).
        case answer
    }

    public enum Contributor: Sendable, Equatable {
        /// `family` holds particles as the person writes them ("van der Berg"); `given` may be absent.
        case person(given: String?, family: String, suffix: String?)
        case organization(String)

        public var isOrganization: Bool { if case .organization = self { true } else { false } }
    }

    public var kind: Kind
    public var genre: CitationGenre
    /// Answer authors (never reviewers), in the page's answer order; the publisher, as a group author, when the
    /// page has no answers.
    public var authors: [Contributor]
    /// `updated` when there is one, else `date`; nil prints "n.d.".
    public var date: ContentDate?
    /// The first publication date (for machine formats that keep both).
    public var originalDate: ContentDate?
    /// The title as a reference prints it: `citation_title`, or the page title in sentence case.
    public var title: String
    /// True when `title` was derived by Qanda (proper nouns may need an editor's eye).
    public var titleIsDerived: Bool
    /// The title as the page shows it.
    public var pageTitle: String
    /// For an answer in a forum thread: the first words of the answer, which APA puts in the title position
    /// of a comment ("[Comment on the online forum post …]").
    public var commentExcerpt: String?
    /// The site name (qanda.yml `publisher`).
    public var siteName: String
    public var url: String
    /// The retrieval date, only when qanda.yml `citation.retrieved` asks for one.
    public var retrieved: ContentDate?
    public var language: String
    /// A stable key for BibTeX and CSL-JSON (`randle2018pursuing`).
    public var key: String

    public init(kind: Kind, genre: CitationGenre, authors: [Contributor], date: ContentDate?, originalDate: ContentDate?,
                title: String, titleIsDerived: Bool, pageTitle: String, commentExcerpt: String? = nil, siteName: String,
                url: String, retrieved: ContentDate?, language: String, key: String) {
        self.kind = kind
        self.genre = genre
        self.authors = authors
        self.date = date
        self.originalDate = originalDate
        self.title = title
        self.titleIsDerived = titleIsDerived
        self.pageTitle = pageTitle
        self.commentExcerpt = commentExcerpt
        self.siteName = siteName
        self.url = url
        self.retrieved = retrieved
        self.language = language
        self.key = key
    }

    /// APA leaves the site name out when it is the same as the (group) author.
    public var showsSiteName: Bool { authors != [.organization(siteName)] }
}
