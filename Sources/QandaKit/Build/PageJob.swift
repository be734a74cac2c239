/// One page to render: what the pipeline spreads over the cores.
enum PageJob: Sendable {
    case home
    case question(Int)
    case list(ContextBuilder.ListKind, page: Int)
    case terms(categories: Bool)
    case authors
    case author(Int, page: Int)
    case freePage(Int)
    case alias(thread: Int, path: String)

    /// Every page of the site, in a fixed order.
    static func all(for site: Site, builder: ContextBuilder) -> [PageJob] {
        var jobs: [PageJob] = [.home, .authors, .terms(categories: true), .terms(categories: false)]
        jobs += site.threads.indices.map { .question($0) }
        jobs += (1...builder.pageCount(site.threads.count)).map { .list(.allQuestions, page: $0) }
        for (index, category) in site.categories.enumerated() {
            jobs += (1...builder.pageCount(category.threadIndexes.count)).map { .list(.category(index), page: $0) }
        }
        for (index, tag) in site.tags.enumerated() {
            jobs += (1...builder.pageCount(tag.threadIndexes.count)).map { .list(.tag(index), page: $0) }
        }
        for index in site.authors.indices {
            jobs += (1...builder.authorPageCount(index)).map { .author(index, page: $0) }
        }
        jobs += site.pages.indices.map { .freePage($0) }
        for (index, thread) in site.threads.enumerated() {
            for alias in thread.question.aliases {
                if let segments = Slug.aliasSegments(alias) { jobs.append(.alias(thread: index, path: segments.joined(separator: "/") + "/")) }
            }
        }
        return jobs
    }

    /// The layout template and context for this page, and the file it is written to.
    func render(with builder: ContextBuilder) -> (layout: String, context: TemplateContext, route: String) {
        let site = builder.site
        switch self {
        case .home: return ("home", builder.homePage(), Routes.home)
        case .question(let i): return ("question", builder.questionPage(i), Routes.question(site.threads[i].slug))
        case .list(let kind, let page):
            let route: String = switch kind {
            case .allQuestions: Routes.questions
            case .category(let i): Routes.category(site.categories[i].slug)
            case .tag(let i): Routes.tag(site.tags[i].slug)
            }
            return ("list", builder.listPage(kind: kind, number: page), Routes.paged(route, page))
        case .terms(let categories):
            return ("terms", builder.termsPage(categories: categories), categories ? Routes.categories : Routes.tags)
        case .authors: return ("authors", builder.authorsPage(), Routes.authors)
        case .author(let i, let page):
            return ("author", builder.authorPage(i, number: page), Routes.paged(Routes.author(site.authors[i].id), page))
        case .freePage(let i): return ("page", builder.freePage(i), Routes.page(site.pages[i].slug))
        case .alias(let thread, let path): return ("alias", builder.aliasPage(threadIndex: thread), path)
        }
    }
}
