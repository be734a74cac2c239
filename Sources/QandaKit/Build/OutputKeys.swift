import Foundation

/// What each output file is made from, as one fingerprint per file path: a file whose key equals the previous
/// build's has the same bytes, so it is neither rendered nor written again.
///
/// Keys are conservative. Everything every page shows (qanda.yml, the templates, the navigation with its counts)
/// and everything that decides which thread appears where (the threads and their order, categories, tags, who
/// answered and reviewed what) goes into one `site` fingerprint that is part of every key: adding a thread or an
/// answer, or changing a date, renders everything again. An edit to what a thread, an answer, an author or a page
/// says renders only the files that show it.
public struct OutputKeys: Sendable {
    /// Output file path -> key.
    private(set) var byPath: [String: Fingerprint] = [:]
    /// What every key includes, and the part of it that says which thread appears where.
    private let structure: Fingerprint
    /// Per thread: the threads its page shows (related questions, newer and older), which depend only on the
    /// structure; kept for the next build, which reuses them when the structure is the same.
    private let shownByThread: [[Int]]
    /// How this build's files differ from those of the `previous` keys given to init; nil without them.
    public private(set) var difference: Difference?

    /// - Parameter structure: `structure(of: site)`.
    init(site: Site, structure: Fingerprint, builder: ContextBuilder, outline: SiteOutline, templates: TemplateSet,
         searchAvailable: Bool, previous: OutputKeys? = nil) async {
        self.structure = structure
        var global = Fingerprint()
        global.add(QandaVersion.current)
        global.add(site.config.fingerprint)
        global.add(templates.fingerprint)
        global.add(searchAvailable)
        global.add(builder.retrieved?.text)
        global.add(structure)
        let itemKeys = Parallel.mapNow(builder.questionItems, Self.key)
        let authorKeys = Dictionary(uniqueKeysWithValues: site.authors.map { ($0.id, $0.fingerprint) })
        let pageSize = site.config.pageSize
        if let previous, previous.structure == structure, previous.shownByThread.count == site.threads.count {
            shownByThread = previous.shownByThread
        } else {
            shownByThread = await Parallel.map(Array(site.threads.indices)) { index in
                let (newer, older) = builder.neighbours(of: index)
                return builder.related(to: index) + [newer, older].compactMap { $0 }
            }
        }
        let shown = shownByThread, base = global
        let previousKeys = previous?.byPath
        // Each page's key is compared with the previous build's where it is made, on all cores.
        let pageKeys = await Parallel.map(outline.pages) { job -> (pairs: [(String, Fingerprint)], comparison: Comparison) in
            var key = base
            var extra: [(String, Fingerprint)] = []
            switch job {
            case .home:
                for item in itemKeys.prefix(pageSize) { key.add(item) }
            case .question(let index, let page):
                let thread = site.threads[index]
                key.add(thread.fingerprint)
                for other in shown[index] { key.add(itemKeys[other]) }
                for answer in thread.answers(onPage: page, perPage: site.config.answersPerPage) {
                    key.add(authorKeys[answer.authorID] ?? Fingerprint())
                }
                if let review = thread.question.review { key.add(authorKeys[review.reviewerID] ?? Fingerprint()) }
                if page == 1 { extra = Routes.CitationFormat.allCases.map { (Routes.citationFile(thread.slug, $0), key) } }
            case .list(let kind, let page):
                let indexes: [Int]
                switch kind {
                case .allQuestions: indexes = Array(site.threads.indices)
                case .category(let i): indexes = site.categories[i].threadIndexes
                case .tag(let i): indexes = site.tags[i].threadIndexes
                }
                for index in indexes.dropFirst((page - 1) * pageSize).prefix(pageSize) { key.add(itemKeys[index]) }
            case .authors:
                for author in site.authors { key.add(author.fingerprint) }
            case .author(let index, let page):
                let author = site.authors[index]
                key.add(author.fingerprint)
                for reference in (site.answersByAuthor[author.id] ?? []).dropFirst((page - 1) * pageSize).prefix(pageSize) {
                    key.add(site.threads[reference.thread].fingerprint)
                }
                if page == 1 { for thread in site.reviewsByAuthor[author.id] ?? [] { key.add(site.threads[thread].fingerprint) } }
            case .freePage(let index):
                key.add(site.pages[index].fingerprint)
            case .alias(let thread, _):
                key.add(itemKeys[thread])
            case .terms, .search, .notFound:
                break
            }
            let route = job.route(in: site)
            key.add(route)
            let pairs = extra + [(Routes.file(for: route), key)]
            return (pairs, Comparison(pairs, with: previousKeys))
        }
        var others = outline.staticFiles.map { name -> (String, Fingerprint) in
            var key = templates.fingerprint
            key.add(name)
            return (name, key)
        }
        others += outline.copies.map { ($0.target, Self.fileKey($0.source)) }
        others += Self.machineFileKeys(site: site, outline: outline, global: global, authorKeys: authorKeys)
        byPath.reserveCapacity(outline.pathsInAnyOrder.count)
        for page in pageKeys { for (path, key) in page.pairs { byPath[path] = key } }
        for (path, key) in others { byPath[path] = key }
        guard let previous else { return }
        let comparisons = pageKeys.map(\.comparison) + [Comparison(others, with: previous.byPath)]
        let inPrevious = comparisons.reduce(0) { $0 + $1.inPrevious }
        let made = pageKeys.reduce(0) { $0 + $1.pairs.count } + others.count
        // Files of the previous build are looked for only when fewer of them were met than it had (or a path
        // was made twice, which the sink reports).
        let removed = inPrevious == previous.byPath.count && made == byPath.count ? []
            : previous.byPath.keys.filter { byPath[$0] == nil }.sorted()
        difference = Difference(changed: Set(comparisons.flatMap(\.changed)), removed: removed)
    }

    /// Some files' keys against the previous build's, one lookup each.
    private struct Comparison: Sendable {
        /// Paths whose key is new or different.
        var changed: [String] = []
        /// How many of the paths the previous build had.
        var inPrevious = 0

        init(_ pairs: [(String, Fingerprint)], with previous: [String: Fingerprint]?) {
            guard let previous else { return }
            for (path, key) in pairs {
                let old = previous[path]
                if old != nil { inPrevious += 1 }
                if old != key { changed.append(path) }
            }
        }
    }

    /// Feeds show their newest threads with their authors; sitemaps the dates pages changed; the manifest lists
    /// the paths, which the structure decides.
    private static func machineFileKeys(site: Site, outline: SiteOutline, global: Fingerprint,
                                        authorKeys: [String: Fingerprint]) -> [(String, Fingerprint)] {
        func feedKey(_ threadIndexes: some Sequence<Int>, _ route: String) -> Fingerprint {
            var key = global
            key.add(route)
            for index in threadIndexes.prefix(AtomFeed.entryLimit) {
                let thread = site.threads[index]
                key.add(thread.fingerprint)
                for answer in thread.answers { key.add(authorKeys[answer.authorID] ?? Fingerprint()) }
            }
            return key
        }
        var keys = [Routes.feed: feedKey(site.threads.indices, Routes.feed)]
        for category in site.categories {
            keys[Routes.categoryFeed(category.slug)] = feedKey(category.threadIndexes.sorted(), Routes.categoryFeed(category.slug))
        }
        var sitemap = global
        for thread in site.threads { sitemap.add(thread.question.updated?.text) }
        for page in site.pages {
            sitemap.add(page.date?.text)
            sitemap.add(page.updated?.text)
        }
        for path in outline.machineFiles where keys[path] == nil { keys[path] = sitemap }  // sitemap.xml and its parts
        keys[Routes.robots] = global
        keys[SiteOutline.manifestPath] = global
        return Array(keys)
    }

    /// Keys read back from the build cache.
    init(byPath: [String: Fingerprint], structure: Fingerprint = Fingerprint(), shownByThread: [[Int]] = []) {
        self.byPath = byPath
        self.structure = structure
        self.shownByThread = shownByThread
    }

    /// What the cache keeps besides the keys, to reuse the related lists.
    var reusable: (structure: Fingerprint, shownByThread: [[Int]]) { (structure, shownByThread) }

    /// Every file of the build.
    public var paths: Dictionary<String, Fingerprint>.Keys { byPath.keys }

    /// How this build's files differ from those of the build that made `previous`.
    public struct Difference: Sendable {
        /// Files that are new or made from something else: the ones to render.
        public let changed: Set<String>
        /// Files of `previous` this build no longer makes, sorted.
        public let removed: [String]
    }

    /// Which threads exist and where each one appears: what moves items between pages, changes counts or the
    /// navigation. Made fresh each build; O(size of the site).
    static func structure(of site: Site) -> Fingerprint {
        var key = Fingerprint()
        // Each thread's part on its own, on all cores, then added in order.
        for part in Parallel.mapNow(site.threads, threadStructure) { key.add(part) }
        for taxonomy in site.categories + [Taxonomy(name: "", slug: "", threadIndexes: [])] + site.tags {
            key.add(taxonomy.name)
            key.add(taxonomy.slug)
            for index in taxonomy.threadIndexes { key.add(index) }
            key.add(taxonomy.threadIndexes.count)
        }
        for author in site.authors { key.add(author.id) }
        key.add(site.authors.count)
        for page in site.pages {
            key.add(page.slug)
            key.add(page.title)
        }
        key.add(site.pages.count)
        for asset in site.assets { key.add(asset) }
        return key
    }

    /// What of one thread decides where it appears (see `structure(of:)`).
    private static func threadStructure(_ thread: Thread) -> Fingerprint {
        var key = Fingerprint()
        key.add(thread.slug)
        key.add(thread.question.date.text)
        key.add(thread.question.category)
        for tag in thread.question.tags { key.add(tag) }
        key.add(thread.question.tags.count)
        for alias in thread.question.aliases { key.add(alias) }
        key.add(thread.question.aliases.count)
        key.add(thread.question.review?.reviewerID)
        key.add(thread.question.review?.date.text)
        for answer in thread.answers {
            key.add(answer.id)
            key.add(answer.authorID)
            key.add(answer.date.text)
        }
        key.add(thread.answers.count)
        for attachment in thread.attachments { key.add(attachment) }
        key.add(thread.attachments.count)
        return key
    }

    /// A question as lists show it.
    static func key(_ item: QuestionItem) -> Fingerprint {
        var key = Fingerprint()
        for text in [item.title, item.url, item.summary, item.date.text, item.categoryName, item.categoryURL] { key.add(text) }
        key.add(item.answerCount)
        key.add(item.hasAccepted)
        key.add(item.votes.map { String($0) })
        return key
    }

    /// A file copied as it is: its path, size, times and inode, as the source scan sees them.
    static func fileKey(_ path: String) -> Fingerprint { SourceScan.entryKey(path, name: path) }
}
