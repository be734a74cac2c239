/// The one place URLs are made. A route is a site path without the base path: "" for the home page,
/// "questions/x/" for a page folder, "qanda.css" for a file. Links add the base path; files drop it.
public struct Routes: Sendable {
    /// First path segments the site uses itself; free pages and aliases cannot take them.
    public static let reservedTopLevelNames: Set<String> = [
        "questions", "authors", "categories", "tags", "assets", "pages", "page", "search", "qanda.css", "feed.xml",
        "sitemap.xml", "robots.txt", "404.html", "favicon.svg", "index.html", "manifest.json",
    ]

    public let basePath: String
    public let baseURL: String

    public init(config: SiteConfig) {
        basePath = config.basePath
        baseURL = config.baseURL
    }

    // Routes of pages (folders, written as <route>index.html).
    public static let home = ""
    public static let questions = "questions/"
    public static let authors = "authors/"
    public static let categories = "categories/"
    public static let tags = "tags/"
    public static let stylesheet = "qanda.css"
    public static let search = "search/"
    public static let favicon = "favicon.svg"
    public static let notFound = "404.html"
    public static func question(_ slug: String) -> String { "questions/\(slug)/" }
    public static func author(_ id: String) -> String { "authors/\(id)/" }
    public static func category(_ slug: String) -> String { "categories/\(slug)/" }
    public static func tag(_ slug: String) -> String { "tags/\(slug)/" }
    public static func page(_ slug: String) -> String { "pages/\(slug)/" }
    /// Page n (1-based) of a paged list; page 1 is the list's own route.
    public static func paged(_ route: String, _ number: Int) -> String { number <= 1 ? route : "\(route)page/\(number)/" }
    public static func attachment(thread slug: String, file: String) -> String { "questions/\(slug)/\(file)" }
    public static func authorPhoto(_ id: String, file: String) -> String { "authors/\(id)/\(file)" }
    public static func asset(_ path: String) -> String { "assets/\(path)" }
    /// `#answer-<file stem>`; a stem that already starts with "answer-" is used as it is.
    /// The citation downloads beside a question page.
    public enum CitationFormat: String, Sendable, CaseIterable {
        case bibtex = "cite.bib", ris = "cite.ris", cslJSON = "cite.json"
    }
    public static func citationFile(_ slug: String, _ format: CitationFormat) -> String { "questions/\(slug)/\(format.rawValue)" }

    public static func answerFragment(_ answerID: String) -> String {
        answerID.hasPrefix("answer-") ? answerID : "answer-\(answerID)"
    }

    /// Where one answer is shown: its thread's page (long threads are paged) and its fragment.
    package func link(_ answer: Answer, in thread: QuestionThread) -> String {
        link(Self.paged(Self.question(thread.slug), answer.page)) + "#" + Self.answerFragment(answer.id)
    }
    package func absolute(_ answer: Answer, in thread: QuestionThread) -> String {
        absolute(Self.paged(Self.question(thread.slug), answer.page)) + "#" + Self.answerFragment(answer.id)
    }

    /// A link for pages of this site: "/kb/questions/x/".
    public func link(_ route: String) -> String { basePath + Self.percentEncoded(route) }
    /// A full URL, for canonical links, feeds and citations: "https://example.org/kb/questions/x/".
    public func absolute(_ route: String) -> String { baseURL + Self.percentEncoded(route) }
    /// The file a route is written to, relative to the output folder.
    public static func file(for route: String) -> String { route.isEmpty || route.hasSuffix("/") ? route + "index.html" : route }

    /// Attachment and asset names may hold spaces or accents; links to them must be valid URLs.
    static func percentEncoded(_ route: String) -> String {
        guard route.utf8.contains(where: { !isUnreserved($0) }) else { return route }
        var result = ""
        for byte in route.utf8 {
            if isUnreserved(byte) { result.unicodeScalars.append(UnicodeScalar(byte)) } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
        default: false
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
