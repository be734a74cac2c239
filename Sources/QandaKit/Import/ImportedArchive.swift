/// What an importer (`qanda import csv`, `qanda import stackexchange`) reads out of an archive, before anything is
/// written: the shape every reader produces and `ImportWriter` turns into content files. Readers stream, so they
/// hand these over one at a time (`ImportSink`) instead of building the whole archive in memory.

/// Where a post came from and under which licence it may be republished: the `source:` key the writer gives it.
package typealias ImportedSource = Attribution

/// One author file (`Content/authors/<id>.md`).
package struct ImportedAuthor: Sendable, Equatable {
    package enum Naming: Sendable, Equatable {
        /// A person with a full name; `given`/`family` split by the reader (or by the map's rule).
        case person(given: String, family: String)
        /// A forum member known by a display name, printed as written.
        case screenName
        case organization
    }

    /// Stable across runs, so that a resumed import names the same files (`sherry-katz`, `user-4281`).
    package var id: String
    package var name: String
    package var naming: Naming
    package var credentials: String?
    package var role: String?
    package var url: String?
    /// Markdown biography, or empty.
    package var bio: String
    /// Where the reader found it (`counsel_chat.csv:27`), for the summary's lines about it; nil when unknown.
    package var location: String?

    package init(id: String, name: String, naming: Naming, credentials: String? = nil, role: String? = nil,
                 url: String? = nil, bio: String = "", location: String? = nil) {
        self.id = id
        self.name = name
        self.naming = naming
        self.credentials = credentials
        self.role = role
        self.url = url
        self.bio = bio
        self.location = location
    }
}

/// One answer file in a thread folder.
package struct ImportedAnswer: Sendable, Equatable {
    /// The archive's id for it, kept so that files are named the same way on every run.
    package var originalID: String
    /// An `ImportedAuthor.id`.
    package var authorID: String
    package var date: ContentDate
    package var updated: ContentDate?
    package var votes: Int?
    package var accepted: Bool
    package var editedBy: String?
    /// Markdown.
    package var body: String
    package var source: ImportedSource?
    /// Where the reader found it (`Posts.xml:1204`), for the summary's lines about it; nil when unknown.
    package var location: String?

    package init(originalID: String, authorID: String, date: ContentDate, updated: ContentDate? = nil,
                 votes: Int? = nil, accepted: Bool = false, editedBy: String? = nil, body: String,
                 source: ImportedSource? = nil, location: String? = nil) {
        self.originalID = originalID
        self.authorID = authorID
        self.date = date
        self.updated = updated
        self.votes = votes
        self.accepted = accepted
        self.editedBy = editedBy
        self.body = body
        self.source = source
        self.location = location
    }
}

/// One thread: `Content/questions/<slug>/question.md`. Answers arrive separately (`ImportSink.answer`), because
/// in a Stack Exchange dump they come later in the stream, among other threads' posts.
package struct ImportedQuestion: Sendable, Equatable {
    package var originalID: String
    package var title: String
    package var date: ContentDate
    package var updated: ContentDate?
    package var category: String
    package var tags: [String]
    package var votes: Int?
    /// A screen name for `asked_by` (forum posts), when the archive names the asker.
    package var askedBy: String?
    package var editedBy: String?
    /// `forum-post` for community archives; nil keeps the site's default.
    package var genre: String?
    /// Markdown.
    package var body: String
    package var source: ImportedSource?
    /// Where the reader found it (`counsel_chat.csv:27`), for the summary's lines about it; nil when unknown.
    package var location: String?

    package init(originalID: String, title: String, date: ContentDate, updated: ContentDate? = nil, category: String,
                 tags: [String] = [], votes: Int? = nil, askedBy: String? = nil, editedBy: String? = nil,
                 genre: String? = nil, body: String, source: ImportedSource? = nil, location: String? = nil) {
        self.originalID = originalID
        self.title = title
        self.date = date
        self.updated = updated
        self.category = category
        self.tags = tags
        self.votes = votes
        self.askedBy = askedBy
        self.editedBy = editedBy
        self.genre = genre
        self.body = body
        self.source = source
        self.location = location
    }
}

/// A row or post left out, and why: printed in the import's summary, never silently dropped.
package struct ImportSkip: Sendable, Equatable {
    /// `Posts.xml:1204` or `counsel_chat.csv:88`.
    package var location: String
    package var reason: String

    package init(location: String, reason: String) {
        self.location = location
        self.reason = reason
    }
}

/// Something imported with a change, or noticed about the archive, that the editor should know: a tag with nothing
/// to make a URL from left out of a thread, a question id the archive uses for two different questions. Printed in
/// the import's summary; unlike `ImportSkip`, the post itself was imported.
package struct ImportNote: Sendable, Equatable {
    /// `counsel_chat.csv:1860`, or the file written (`Content/questions/x/question.md`).
    package var location: String
    package var message: String

    package init(location: String, message: String) {
        self.location = location
        self.message = message
    }
}

/// Where readers hand over what they read. Order: an author before any post that names it; a question before its
/// answers (its `originalID` is how answers find it).
package protocol ImportSink {
    mutating func author(_ author: ImportedAuthor) throws
    mutating func question(_ question: ImportedQuestion) throws
    mutating func answer(_ answer: ImportedAnswer, toQuestion questionID: String) throws
    mutating func skip(_ skip: ImportSkip)
    /// Added for readers that notice more than skips; a sink that does not print a summary may ignore them.
    mutating func note(_ note: ImportNote)
}

extension ImportSink {
    package mutating func note(_ note: ImportNote) {}
}
