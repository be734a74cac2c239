import Foundation

/// Makes a whole corpus: settings, authors and pages first, then the threads one by one, each written and
/// dropped before the next is drawn, so memory stays small at any size. The same options give the same bytes.
package struct CorpusGenerator {
    package enum Format: String, Sendable, CaseIterable { case qanda, hugo }

    package struct Options: Sendable {
        package var questions: Int
        package var seed: UInt64
        /// The corpus's "today": no date is later, and reviews are judged against it.
        package var asOf: CorpusDay
        package var format: Format
        /// Let about one older thread in fifty have a review older than two years (`qanda check` errors).
        package var overdueReviews: Bool

        package static let defaultAsOf = CorpusDay(year: 2026, month: 6, day: 1)

        package init(questions: Int, seed: UInt64 = 1, asOf: CorpusDay = defaultAsOf, format: Format = .qanda,
                    overdueReviews: Bool = false) {
            self.questions = questions
            self.seed = seed
            self.asOf = asOf
            self.format = format
            self.overdueReviews = overdueReviews
        }
    }

    package struct Summary: Sendable {
        package var threads = 0
        package var answers = 0
        package var drafts = 0
        package var authors = 0
        package var files = 0
        package var bytes = 0
    }

    package let options: Options

    package init(options: Options) { self.options = options }

    /// Writes the corpus under `folder` (which must exist and be empty); `progress` gets the threads written so far.
    package func write(into folder: String, progress: ((Int) -> Void)? = nil) throws -> Summary {
        var files = FileTree(root: folder)
        let roster = AuthorRoster(questions: options.questions, seed: options.seed)
        var writer: any SiteWriter = options.format == .qanda ? QandaSiteWriter() : HugoSiteWriter()
        try writer.begin(roster: roster, pages: CorpusPages.all(asOf: options.asOf), files: &files)
        var composer = ThreadComposer(roster: roster, asOf: options.asOf, seed: options.seed, overdueReviews: options.overdueReviews)
        var summary = Summary(authors: roster.authors.count)
        for index in 0..<options.questions {
            let thread = composer.compose(index: index)
            try writer.write(thread, roster: roster, files: &files)
            summary.threads += 1
            summary.answers += thread.answers.count
            summary.drafts += thread.draft ? 1 : 0
            if index % 1000 == 999 { progress?(index + 1) }
        }
        summary.files = files.files
        summary.bytes = files.bytes
        return summary
    }

    /// Writes the corpus into a new folder beside `destination`, then moves it into place: an interrupted run
    /// leaves nothing half-written at `destination`. An existing `destination` is replaced only with `force`, and
    /// only when it is a corpus (a qanda.yml with Content/, or a hugo.toml with content/): never anyone's files.
    package func write(to destination: String, force: Bool, progress: ((Int) -> Void)? = nil) throws -> Summary {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: destination).standardizedFileURL.path
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: target, isDirectory: &isFolder)
        if exists {
            let entries = isFolder.boolValue ? ((try? manager.contentsOfDirectory(atPath: target)) ?? ["?"]) : ["?"]
            if !entries.isEmpty {
                guard isFolder.boolValue, Self.isCorpus(target) else {
                    throw Failure("\(destination) already exists and is not a corpus made by qanda-corpus; choose another --out (nothing was written)")
                }
                guard force else {
                    throw Failure("\(destination) already holds a corpus; pass --force to replace it (nothing was written)")
                }
            }
        }
        let parent = (target as NSString).deletingLastPathComponent
        try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let staging = parent + "/." + (target as NSString).lastPathComponent + ".qanda-corpus-\(getpid())"
        try? manager.removeItem(atPath: staging)
        try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        do {
            let summary = try write(into: staging, progress: progress)
            if exists {
                let old = staging + "-old"
                try manager.moveItem(atPath: target, toPath: old)
                try manager.moveItem(atPath: staging, toPath: target)
                try? manager.removeItem(atPath: old)   // an empty folder, or the corpus --force replaces
            } else {
                try manager.moveItem(atPath: staging, toPath: target)
            }
            return summary
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }

    static func isCorpus(_ folder: String) -> Bool {
        let manager = FileManager.default
        return (manager.fileExists(atPath: folder + "/qanda.yml") && manager.fileExists(atPath: folder + "/Content"))
            || (manager.fileExists(atPath: folder + "/hugo.toml") && manager.fileExists(atPath: folder + "/content"))
    }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
        init(_ description: String) { self.description = description }
    }
}
