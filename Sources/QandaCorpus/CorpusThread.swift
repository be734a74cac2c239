/// One question folder as the writers need it: drawn by `ThreadComposer`, written, then dropped.
public struct CorpusThread: Sendable {
    public struct Review: Sendable {
        public var by: String
        public var date: CorpusDay
    }

    public struct Answer: Sendable {
        /// The file name without `.md` (the author id, or `<id>-follow-up`).
        public var fileName: String
        public var author: String
        public var date: CorpusDay
        public var updated: CorpusDay?
        public var votes: Int?
        public var accepted = false
        public var draft = false
        public var body: String
    }

    public struct Attachment: Sendable {
        public var name: String
        public var text: String
    }

    public var index: Int
    /// The folder name; `slug` is set only when the thread's URL differs from it.
    public var folder: String
    public var slug: String?
    public var title: String
    public var date: CorpusDay
    public var updated: CorpusDay?
    public var review: Review?
    public var askedBy: String?
    public var category: String
    public var tags: [String]
    public var votes: Int?
    public var aliases: [String]
    public var description: String?
    public var citationTitle: String?
    public var genre: String?
    public var draft: Bool
    public var body: String
    public var answers: [Answer]
    public var attachments: [Attachment]
    /// Language code of the thread's text ("en", "es", "ja" …).
    public var language: String

    /// The path the site publishes it at.
    public var urlSlug: String { slug ?? folder }
}
