/// One citable work, as every citation format needs it: the page as a whole, or one answer on it.
/// A pure value, built from the model by `CitationRecord.page(…)`/`.answer(…)`; every format (APA, BibTeX,
/// RIS, CSL-JSON, meta tags) is a function of it, so they can never disagree.
package struct CitationRecord: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// The whole question page.
        case page
        /// One answer, cited on its own (its URL carries the answer's fragment).
        case answer
    }

    package enum Contributor: Sendable, Equatable {
        /// `family` holds particles as the person writes them ("van der Berg"); `given` may be absent.
        case person(given: String?, family: String, suffix: String?)
        case organization(String)
        /// A forum poster's name as they signed the post ("checkout_lane_7"): printed as written, never
        /// inverted or initialized, as APA prints screen names.
        case screenName(String)

        package var isOrganization: Bool { if case .organization = self { true } else { false } }
    }

    package var kind: Kind
    package var genre: CitationGenre
    /// Who wrote the work. A `webpage` page: its answer authors (never reviewers), in the page's answer order, or
    /// the publisher, as a group author, when it has no answers. A `forum-post` page: its poster (`asked_by`), or
    /// nobody, and then APA moves the title to the author position. An answer: its author.
    package var authors: [Contributor]
    /// `updated` when there is one, else `date`; nil prints "n.d.".
    package var date: ContentDate?
    /// The first publication date (for machine formats that keep both).
    package var originalDate: ContentDate?
    /// The title as a reference prints it: `citation_title`, or the page title in sentence case.
    package var title: String
    /// True when `title` was derived by Qanda (proper nouns may need an editor's eye).
    package var titleIsDerived: Bool
    /// The title as the page shows it.
    package var pageTitle: String
    /// For an answer in a forum thread: the first words of the answer, which APA puts in the title position
    /// of a comment ("[Comment on the online forum post …]").
    package var commentExcerpt: String?
    /// The site name (qanda.yml `publisher`).
    package var siteName: String
    package var url: String
    /// The retrieval date, only when qanda.yml `citation.retrieved` asks for one.
    package var retrieved: ContentDate?
    package var language: String
    /// A stable key for BibTeX and CSL-JSON (`randle2018pursuing`).
    package var key: String

    package init(kind: Kind, genre: CitationGenre, authors: [Contributor], date: ContentDate?, originalDate: ContentDate?,
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
    package var showsSiteName: Bool { authors != [.organization(siteName)] }
}
