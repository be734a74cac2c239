/// One page to render: what the pipeline spreads over the cores.
enum PageJob: Sendable {
    case home
    /// A thread's page `page` (1 unless its answers fill more than one page).
    case question(Int, page: Int)
    case list(ContextBuilder.ListKind, page: Int)
    case terms(categories: Bool)
    case authors
    case author(Int, page: Int)
    case freePage(Int)
    case alias(thread: Int, path: String)
    /// The notice at a withdrawn thread's URL (an index of `site.withdrawnThreads`).
    case withdrawn(Int)
    /// An alias of a withdrawn thread: it leads to the notice.
    case withdrawnAlias(Int, path: String)
    case search
    case notFound

    /// Every page of the site, in a fixed order.
    static func all(for site: Site) -> [PageJob] {
        let config = site.config
        var jobs: [PageJob] = [.home, .authors, .terms(categories: true), .terms(categories: false), .search, .notFound]
        for index in site.threads.indices { jobs += (1...site.threads[index].answerPageCount).map { .question(index, page: $0) } }
        jobs += (1...config.pageCount(site.threads.count)).map { .list(.allQuestions, page: $0) }
        for (index, category) in site.categories.enumerated() {
            jobs += (1...config.pageCount(category.threadIndexes.count)).map { .list(.category(index), page: $0) }
        }
        for (index, tag) in site.tags.enumerated() {
            jobs += (1...config.pageCount(tag.threadIndexes.count)).map { .list(.tag(index), page: $0) }
        }
        for index in site.authors.indices { jobs += (1...site.authorPageCount(index)).map { .author(index, page: $0) } }
        jobs += site.pages.indices.map { .freePage($0) }
        for index in site.threads.indices {
            for alias in site.threads[index].question.aliases {
                if let segments = Slug.aliasSegments(alias) { jobs.append(.alias(thread: index, path: segments.joined(separator: "/") + "/")) }
            }
        }
        for index in site.withdrawnThreads.indices {
            jobs.append(.withdrawn(index))
            for alias in site.withdrawnThreads[index].question.aliases {
                if let segments = Slug.aliasSegments(alias) { jobs.append(.withdrawnAlias(index, path: segments.joined(separator: "/") + "/")) }
            }
        }
        return jobs
    }

    /// The page's route ("questions/x/"), known without rendering.
    func route(in site: Site) -> String {
        switch self {
        case .home: Routes.home
        case .question(let i, let page): Routes.paged(Routes.question(site.threads[i].slug), page)
        case .list(let kind, let page):
            switch kind {
            case .allQuestions: Routes.paged(Routes.questions, page)
            case .category(let i): Routes.paged(Routes.category(site.categories[i].slug), page)
            case .tag(let i): Routes.paged(Routes.tag(site.tags[i].slug), page)
            }
        case .terms(let categories): categories ? Routes.categories : Routes.tags
        case .authors: Routes.authors
        case .author(let i, let page): Routes.paged(Routes.author(site.authors[i].id), page)
        case .freePage(let i): Routes.page(site.pages[i].slug)
        case .alias(_, let path), .withdrawnAlias(_, let path): path
        case .withdrawn(let i): Routes.question(site.withdrawnThreads[i].slug)
        case .search: Routes.search
        case .notFound: Routes.notFound
        }
    }

    /// The layout template and context for this page (its file comes from `route(in:)`, worked out once by the outline).
    func render(with builder: ContextBuilder, citation: CitationRecord? = nil) -> (layout: String, context: any PageContext) {
        let context: any PageContext = switch self {
        case .home: builder.homePage()
        case .question(let i, let page): builder.questionPage(i, number: page, citation: citation)
        case .list(let kind, let page): builder.listPage(kind: kind, number: page)
        case .terms(let categories): builder.termsPage(categories: categories)
        case .authors: builder.authorsPage()
        case .author(let i, let page): builder.authorPage(i, number: page)
        case .freePage(let i): builder.freePage(i)
        case .alias(let thread, _): builder.aliasPage(threadIndex: thread)
        case .withdrawn(let i): builder.withdrawnPage(i)
        case .withdrawnAlias(let i, _): builder.aliasPage(withdrawnThread: i)
        // With search on, SitePipeline.writeSearch renders this page instead, once the index gives its links.
        case .search: builder.searchPage(links: nil)
        case .notFound: builder.notFoundPage()
        }
        return (type(of: context).layout, context)
    }
}
