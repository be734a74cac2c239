/// Everything a build renders: the loaded, linked and ordered content. Drafts left out unless asked for.
package struct Site: Sendable {
    package var config: SiteConfig
    /// The site folder on disk (attachments and assets are copied from it).
    package var rootPath: String
    /// Newest first (by date, then slug).
    package var threads: [QuestionThread]
    /// Sorted by family name (or name), then id.
    package var authors: [Author]
    package var pages: [FreePage]
    /// On another language's part: the default language's free pages, which its navigation links to at the site's
    /// root (the part publishes no pages of its own).
    package var rootPages: [FreePage] = []
    package var categories: [Taxonomy] { didSet { threadCategory = Self.memberships(categories, threadCount: threads.count).map(\.first) } }
    package var tags: [Taxonomy] { didSet { threadTags = Self.memberships(tags, threadCount: threads.count) } }
    /// Per thread, in the order of `threads`: the position of its category in `categories`, and of its tags in
    /// `tags` (each once, however many spellings it was given), so no page slugs a name again to find them.
    package private(set) var threadCategory: [Int?] = []
    package private(set) var threadTags: [[Int]] = []
    /// Files of Content/assets/, relative to it.
    package var assets: [String]
    /// Files of Content/static/, published at the site root, in the order of a walk of its sorted folders.
    package var rootFiles: [RootFile] = []
    /// Threads marked `withdrawn:`, by slug: each URL shows a notice page and nothing else of them is published
    /// (they are in no other list of the site).
    package var withdrawnThreads: [QuestionThread] = []
    /// The names the site's language gives its categories and tags (i18n/<language>.yml); see `renameTaxonomies`.
    package internal(set) var shownTaxonomyNames = TaxonomyNames()

    package private(set) var authorIndex: [String: Int] = [:]
    /// Per author id: the answers they wrote, newest first.
    package private(set) var answersByAuthor: [String: [AnswerReference]] = [:]
    /// Per author id: indexes of the threads they reviewed, newest review first.
    package private(set) var reviewsByAuthor: [String: [Int]] = [:]
    /// Per author id: the points earned by answers in forum threads (qanda.yml `points:`), for authors who wrote
    /// any; empty with `points: false`.
    package private(set) var pointsByAuthor: [String: Int] = [:]
    /// Per thread slug: who wrote its answers, each once, in the page's order. Bylines, citations and metadata
    /// of every page of a thread need it; working it out per page is quadratic in a thread of 100,000 answers.
    private var answerAuthorIDs: [String: [String]] = [:]

    package init(config: SiteConfig, rootPath: String, threads: [QuestionThread], authors: [Author], pages: [FreePage],
                categories: [Taxonomy], tags: [Taxonomy], assets: [String]) {
        self.config = config
        self.rootPath = rootPath
        self.threads = threads
        self.authors = authors
        self.pages = pages
        self.categories = categories
        self.tags = tags
        self.assets = assets
        threadCategory = Self.memberships(categories, threadCount: threads.count).map(\.first)
        threadTags = Self.memberships(tags, threadCount: threads.count)
        buildIndexes()
    }

    /// Per thread, the positions of the taxonomies that list it.
    private static func memberships(_ taxonomies: [Taxonomy], threadCount: Int) -> [[Int]] {
        var result = [[Int]](repeating: [], count: threadCount)
        for (position, taxonomy) in taxonomies.enumerated() {
            for thread in taxonomy.threadIndexes where thread < threadCount && result[thread].last != position { result[thread].append(position) }
        }
        return result
    }

    package func author(_ id: String) -> Author? { authorIndex[id].map { authors[$0] } }

    /// How many pages an author's page takes: each page shows its share of the answers written and of the pages
    /// reviewed (a review board of thousands of questions would otherwise make one page of megabytes).
    package func authorPageCount(_ index: Int) -> Int {
        let id = authors[index].id
        return config.pageCount(max(answersByAuthor[id]?.count ?? 0, reviewsByAuthor[id]?.count ?? 0))
    }

    /// The authors of the thread's answers, each once, in the order the page shows them.
    package func answerAuthors(of thread: QuestionThread) -> [Author] {
        (answerAuthorIDs[thread.slug] ?? Self.distinctAuthorIDs(thread.answers)).compactMap(author)
    }

    /// A community thread (`forum-post`), where answers earn points and the page is the poster's post.
    package func isForum(_ thread: QuestionThread) -> Bool { (thread.question.genre ?? config.citationGenre) == .forumPost }

    private static func distinctAuthorIDs(_ answers: [Answer]) -> [String] {
        var seen: Set<String> = []
        return answers.lazy.map(\.authorID).filter { seen.insert($0).inserted }
    }

    private mutating func buildIndexes() {
        authorIndex = Dictionary(uniqueKeysWithValues: authors.enumerated().map { ($1.id, $0) })
        answerAuthorIDs.reserveCapacity(threads.count)
        var answersByAuthor: [String: [AnswerReference]] = [:], reviewsByAuthor: [String: [Int]] = [:]
        var points: [String: Int] = [:]
        for threadIndex in threads.indices {  // by index: a thread taken out of the array is a copy of all its fields
            let answers = threads[threadIndex].answers
            answerAuthorIDs[threads[threadIndex].slug] = Self.distinctAuthorIDs(answers)
            let rule = isForum(threads[threadIndex]) ? config.points : nil
            for answerIndex in answers.indices {
                answersByAuthor[answers[answerIndex].authorID, default: []].append(AnswerReference(thread: threadIndex, answer: answerIndex))
                if let rule {
                    let earned = rule.points(votes: answers[answerIndex].votes, isAccepted: answers[answerIndex].isAccepted)
                    points[answers[answerIndex].authorID] = PointsRule.adding(points[answers[answerIndex].authorID] ?? 0, earned)
                }
            }
            if let review = threads[threadIndex].question.review { reviewsByAuthor[review.reviewerID, default: []].append(threadIndex) }
        }
        // A total below zero (more down-votes than up) shows as 0, as forums floor reputation.
        pointsByAuthor = points.mapValues { max(0, $0) }
        // Each author's lists sorted on all cores, each date's key worked out once, not at every comparison.
        let threads = self.threads
        self.answersByAuthor = Dictionary(uniqueKeysWithValues: Parallel.mapNow(Array(answersByAuthor)) { id, references in
            let dated = references.map { (threads[$0.thread].answers[$0.answer].date.sortKey, $0) }
            return (id, dated.sorted { a, b in a.0 != b.0 ? a.0 > b.0 : (a.1.thread, a.1.answer) < (b.1.thread, b.1.answer) }.map(\.1))
        })
        self.reviewsByAuthor = Dictionary(uniqueKeysWithValues: Parallel.mapNow(Array(reviewsByAuthor)) { id, indexes in
            let dated = indexes.map { (threads[$0].question.review!.date.sortKey, $0) }
            return (id, dated.sorted { a, b in a.0 != b.0 ? a.0 > b.0 : a.1 < b.1 }.map(\.1))
        })
    }
}

package struct AnswerReference: Sendable, Hashable {
    package var thread: Int
    package var answer: Int
}

/// A category or a tag: its display name, URL slug and threads (indexes into Site.threads, newest first).
package struct Taxonomy: Sendable {
    package var name: String
    package var slug: String
    package var threadIndexes: [Int]
}
