/// What a corpus is written as: Qanda's content format, or an equivalent Hugo site for the benchmark.
package protocol SiteWriter {
    /// Site settings, free pages and authors: everything but the threads.
    mutating func begin(roster: AuthorRoster, pages: [CorpusPage], files: inout FileTree) throws
    mutating func write(_ thread: CorpusThread, roster: AuthorRoster, files: inout FileTree) throws
}
