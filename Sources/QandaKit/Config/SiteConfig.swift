/// Site settings from qanda.yml.
public struct SiteConfig: Sendable {
    public var title: String
    /// Absolute, ending with "/" (added when an editor leaves it out).
    public var baseURL: String
    public var publisher: String
    public var language: String = "en"
    /// Every language the site is published in (`languages:`), the default (`language`) first: it is built at the
    /// root, the others under /<tag>/. One language unless qanda.yml lists more.
    public var languages: [String] {
        get { extraLanguages.isEmpty ? [language] : [language] + extraLanguages }
        set { language = newValue.first ?? language; extraLanguages = Array(newValue.dropFirst()) }
    }
    /// The languages after the default one, each with its own tree under /<tag>/.
    public var extraLanguages: [String] = []
    /// On one language's part of a site in several: the site's own base_url (the default language's, where free
    /// pages, assets and Content/static/ are published). Nil otherwise.
    public var siteRootURL: String?
    public var description: String?
    public var reviewEveryDays: Int?
    public var reviewRequired: Bool = false
    package var citationGenre: CitationGenre = .webpage
    public var citationRetrieved: Bool = false
    public var isMedical: Bool = false
    public var pageSize: Int = 20
    /// Answers on one page of a thread; longer threads continue on questions/<slug>/page/2/ and on.
    public var answersPerPage: Int = 50
    public var allowsRawHTML: Bool = false
    /// How forum authors earn points (`points:`); nil with `points: false`, and then no page shows points.
    public var points: PointsRule? = PointsRule()
    /// Where readers ask or answer (`ask:`); nil when the site offers no way.
    public var ask: AskLink?
    /// Where qanda.yml writes `language`, for findings about the site's translation; nil when it does not.
    package var languageLocation: SourceLocation?
    /// Where qanda.yml writes `base_url`, for `qanda check`'s findings about it; nil when `--base-url` replaced it.
    package var baseURLLocation: SourceLocation?
    /// How a broken internal link or missing image is reported (`links:`): an error that stops the build, or a
    /// warning for a site in the middle of a migration.
    public var brokenLinks: BrokenLinkPolicy = .error

    public init(title: String, baseURL: String, publisher: String) {
        self.title = title
        self.baseURL = baseURL
        self.publisher = publisher
    }

    /// How many pages a list of `count` items takes (at least one, so an empty list still has its page).
    public func pageCount(_ count: Int) -> Int { max(1, (count + pageSize - 1) / pageSize) }

    /// The path part of base_url ("/" or "/kb/"): what every internal link starts with.
    public var basePath: String { Self.path(of: baseURL) }

    /// The path of the site's root: `basePath`, except on another language's part ("/kb/" where that is "/kb/es/").
    public var rootPath: String { Self.path(of: siteRootURL ?? baseURL) }

    private static func path(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        let path = String(afterHost[slash...])
        return path.hasSuffix("/") ? path : path + "/"
    }
}

/// `links:` in qanda.yml: what a link or image that reaches no page or file of the site is.
public enum BrokenLinkPolicy: String, Sendable, CaseIterable {
    /// The build stops (the default).
    case error
    /// Reported, and the site is built all the same.
    case warn

    var severity: Diagnostic.Severity { self == .error ? .error : .warning }
}
