/// One question folder as the writers need it: drawn by `ThreadComposer`, written, then dropped.
package struct CorpusThread: Sendable {
    package struct Review: Sendable {
        package var by: String
        package var date: CorpusDay
    }

    package struct Answer: Sendable {
        /// The file name without `.md` (the author id, or `<id>-follow-up`).
        package var fileName: String
        package var author: String
        package var date: CorpusDay
        package var updated: CorpusDay?
        package var votes: Int?
        package var accepted = false
        package var draft = false
        package var body: String
    }

    package struct Attachment: Sendable {
        package var name: String
        package var text: String
    }

    package var index: Int
    /// The folder name; `slug` is set only when the thread's URL differs from it.
    package var folder: String
    package var slug: String?
    package var title: String
    package var date: CorpusDay
    package var updated: CorpusDay?
    package var review: Review?
    package var askedBy: String?
    package var category: String
    package var tags: [String]
    package var votes: Int?
    package var aliases: [String]
    package var description: String?
    package var citationTitle: String?
    package var genre: String?
    package var draft: Bool
    package var body: String
    package var answers: [Answer]
    package var attachments: [Attachment]
    /// Language code of the thread's text ("en", "es", "ja" …).
    package var language: String

    /// The path the site publishes it at.
    package var urlSlug: String { slug ?? folder }
}
