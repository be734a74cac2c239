/// A question and its answers: one folder of Content/questions/.
public struct Thread: Sendable, Identifiable {
    public var id: String { slug }
    /// The folder name; the URL uses `slug`.
    public var folder: String
    public var slug: String
    @Shared public var question: Question
    /// In the contract's order: accepted first, then by votes (high to low), then by date (old to new).
    public var answers: [Answer]
    /// Other files of the folder, copied next to the page (names relative to the folder).
    public var attachments: [String]

    public var title: String { question.title }
    public var isDraft: Bool { question.isDraft }
    /// How many pages show the answers (at least one, for the question itself).
    public var answerPageCount: Int { answers.last?.page ?? 1 }

    /// The answers that page `number` shows, as the linker numbered them with `perPage`.
    public func answers(onPage number: Int, perPage: Int) -> ArraySlice<Answer> {
        let start = min(answers.count, (number - 1) * perPage)
        return answers[start..<min(answers.count, start + perPage)]
    }
    /// The latest of date and updated: what "Last updated" and list ordering use.
    public var lastModified: ContentDate { question.updated ?? question.date }
}

public struct Question: Sendable {
    public var title: String
    public var date: ContentDate
    public var updated: ContentDate?
    public var review: Review?
    public var askedBy: String?
    public var category: String
    public var tags: [String]
    public var votes: Int?
    public var aliases: [String]
    public var description: String?
    public var citationTitle: String?
    /// `title` in sentence case, worked out once when loading: made per page and per answer it showed in profiles.
    var sentenceCaseTitle: String?
    public var genre: CitationGenre?
    public var isDraft: Bool
    @LazyText public var bodyHTML: String
    /// Plain text of the beginning of the body, for lists and link previews.
    public var summary: String
    /// The whole body as plain text (structured data).
    @LazyText public var plainText: String
    public var source: SourceLocation
    /// Where each front matter key's value is written (`title`, `updated`, …), for diagnostics after loading.
    public var locations: [String: SourceLocation] = [:]
    /// Links and images in the body that point into the site.
    public var links: [BodyLink] = []

    /// What the reference calls the page: `citation_title`, or else the title in sentence case (APA 7).
    public var referenceTitle: String { citationTitle ?? sentenceCaseTitle ?? SentenceCase.convert(title) }

    /// The place of a key's value, or the file's start when the key is absent.
    public func location(of key: String) -> SourceLocation { locations[key] ?? source }
}

public struct Answer: Sendable, Identifiable {
    /// The file name without `.md`: unique in its thread, used for the answer's fragment (`#answer-<id>`).
    public var id: String
    public var authorID: String
    public var date: ContentDate
    public var updated: ContentDate?
    public var votes: Int?
    public var isAccepted: Bool
    public var isDraft: Bool
    /// Which page of its thread shows it: 1 unless the thread has more than answers_per_page answers.
    public var page = 1
    @LazyText public var bodyHTML: String
    /// The whole body as plain text: for structured data and citations of a comment.
    @LazyText public var plainText: String
    public var source: SourceLocation
    /// Links and images in the body that point into the site.
    public var links: [BodyLink] = []

    /// The contract's order: accepted first, then votes high to low, then date old to new (then file name, for determinism).
    public static func contractOrder(_ a: Answer, _ b: Answer) -> Bool {
        if a.isAccepted != b.isAccepted { return a.isAccepted }
        if (a.votes ?? 0) != (b.votes ?? 0) { return (a.votes ?? 0) > (b.votes ?? 0) }
        if a.date.sortKey != b.date.sortKey { return a.date.sortKey < b.date.sortKey }
        return a.id < b.id
    }
}

public struct Review: Sendable {
    public var reviewerID: String
    public var date: ContentDate
}

public enum CitationGenre: String, Sendable, CaseIterable {
    case webpage
    case forumPost = "forum-post"
}

/// A link or image in a body that must resolve to a page or file of the site, and where it is written.
public struct BodyLink: Sendable, Equatable {
    public var url: String
    public var isImage: Bool
    public var location: SourceLocation
}
