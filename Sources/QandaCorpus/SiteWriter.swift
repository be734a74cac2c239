/// What a corpus is written as: Qanda's content format, or an equivalent Hugo site for the benchmark.
public protocol SiteWriter {
    /// Site settings, free pages and authors: everything but the threads.
    mutating func begin(roster: AuthorRoster, pages: [CorpusPage], files: inout FileTree) throws
    mutating func write(_ thread: CorpusThread, roster: AuthorRoster, files: inout FileTree) throws
}

/// A free page (about, editorial policy …).
public struct CorpusPage: Sendable {
    public var slug: String
    public var title: String
    public var description: String?
    public var date: CorpusDay?
    public var updated: CorpusDay?
    public var draft = false
    public var body: String
}
