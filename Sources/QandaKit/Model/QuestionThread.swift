/// A question and its answers: one folder of Content/questions/.
package struct QuestionThread: Sendable, Identifiable {
    package var id: String { slug }
    /// The folder name; the URL uses `slug`.
    package var folder: String
    package var slug: String
    @Shared package var question: Question
    /// In the contract's order: accepted first, then by votes (high to low), then by date (old to new).
    package var answers: [Answer]
    /// Other files of the folder, copied next to the page (names relative to the folder).
    package var attachments: [String]
    /// Answers marked `withdrawn:`, in contract order, left out of `answers` by the linker: their page shows a
    /// notice in their place (their `page`), and nothing else shows them.
    package var withdrawnAnswers: [Answer] = []
    /// The thread in other languages (`question.<tag>.md`), sorted by tag.
    package var translations: [ThreadTranslation] = []

    package var title: String { question.title }
    package var isDraft: Bool { question.isDraft }
    package var isWithdrawn: Bool { question.withdrawal != nil }
    /// How many pages show the answers (at least one, for the question itself).
    package var answerPageCount: Int { answers.last?.page ?? 1 }

    /// The answers that page `number` shows, as the linker numbered them with `perPage`.
    package func answers(onPage number: Int, perPage: Int) -> ArraySlice<Answer> {
        let start = min(answers.count, (number - 1) * perPage)
        return answers[start..<min(answers.count, start + perPage)]
    }
    /// The latest of date and updated: what "Last updated" and list ordering use.
    package var lastModified: ContentDate { question.updated ?? question.date }
}

package struct Question: Sendable {
    package var title: String
    package var date: ContentDate
    package var updated: ContentDate?
    package var review: Review?
    package var askedBy: String?
    package var category: String
    package var tags: [String]
    package var votes: Int?
    package var aliases: [String]
    package var description: String?
    package var citationTitle: String?
    /// `title` in sentence case, worked out once when loading: made per page and per answer it showed in profiles.
    var sentenceCaseTitle: String?
    package var genre: CitationGenre?
    package var isDraft: Bool
    @LazyText package var bodyHTML: String
    /// Plain text of the beginning of the body, for lists and link previews.
    package var summary: String
    /// The whole body as plain text (structured data).
    @LazyText package var plainText: String
    package var source: SourceLocation
    /// Where each front matter key's value is written (`title`, `updated`, …), for diagnostics after loading.
    package var locations: [String: SourceLocation] = [:]
    /// Links and images in the body that point into the site.
    package var links: [BodyLink] = []
    /// The author id of whoever last edited the question (`edited_by`), as a forum shows "edited by".
    package var editedBy: String?
    /// `withdrawn:`: the whole thread is replaced by a notice page.
    package var withdrawal: Withdrawal?
    /// `source:`: where the question was first published, and its licence.
    package var attribution: Attribution?

    /// What the reference calls the page: `citation_title`, or else the title in sentence case (APA 7).
    package var referenceTitle: String { citationTitle ?? sentenceCaseTitle ?? SentenceCase.convert(title) }

    /// The asker's name as signed (`asked_by`), nil when there is none or it is blank.
    package var poster: String? {
        guard let askedBy else { return nil }
        let trimmed = askedBy.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// What pages and structured data call an asker who gave no name.
    package static let anonymousAsker = "Anonymous"

    /// The place of a key's value, or the file's start when the key is absent.
    package func location(of key: String) -> SourceLocation { locations[key] ?? source }
}

package struct Answer: Sendable, Identifiable {
    /// The file name without `.md`: unique in its thread, used for the answer's fragment (`#answer-<id>`).
    package var id: String
    package var authorID: String
    package var date: ContentDate
    package var updated: ContentDate?
    package var votes: Int?
    package var isAccepted: Bool
    package var isDraft: Bool
    /// Which page of its thread shows it: 1 unless the thread has more than answers_per_page answers.
    package var page = 1
    @LazyText package var bodyHTML: String
    /// The whole body as plain text: for structured data and citations of a comment.
    @LazyText package var plainText: String
    package var source: SourceLocation
    /// Links and images in the body that point into the site.
    package var links: [BodyLink] = []
    /// The author id of whoever last edited the answer (`edited_by`).
    package var editedBy: String?
    /// `withdrawn:`: the answer is replaced by a notice in its place.
    package var withdrawal: Withdrawal?
    /// `source:`: where the answer was first published, and its licence.
    package var attribution: Attribution?

    package var isWithdrawn: Bool { withdrawal != nil }

    /// The contract's order: accepted first, then votes high to low, then date old to new (then file name, for determinism).
    package static func contractOrder(_ a: Answer, _ b: Answer) -> Bool {
        if a.isAccepted != b.isAccepted { return a.isAccepted }
        if (a.votes ?? 0) != (b.votes ?? 0) { return (a.votes ?? 0) > (b.votes ?? 0) }
        if a.date.sortKey != b.date.sortKey { return a.date.sortKey < b.date.sortKey }
        return a.id < b.id
    }
}

package struct Review: Sendable {
    package var reviewerID: String
    package var date: ContentDate
}

package enum CitationGenre: String, Sendable, CaseIterable {
    case webpage
    case forumPost = "forum-post"
}

/// A link or image in a body that must resolve to a page or file of the site, and where it is written.
package struct BodyLink: Sendable, Equatable {
    package var url: String
    package var isImage: Bool
    package var location: SourceLocation
}
