extension ContextBuilder {
    /// The home page: the newest questions (one page's worth) and the categories.
    package func homePage() -> HomeContext {
        HomeContext(common: common(HomeContext.layout, title: site.config.title, description: site.config.description, route: Routes.home),
                    latest: Array(questionItems.prefix(site.config.pageSize)),
                    hasMore: questionItems.count > site.config.pageSize,
                    allQuestionsURL: routes.link(Routes.questions),
                    questionCountText: Plural.count(questionItems.count, "question"))
    }

    package func pageCount(_ count: Int) -> Int { site.config.pageCount(count) }

    /// Page `number` of a list of questions: every question, a category, or a tag.
    package func listPage(kind: ListKind, number: Int) -> ListContext {
        let (name, route, indexes): (String, String, [Int])
        switch kind {
        case .allQuestions: (name, route, indexes) = ("All questions", Routes.questions, Array(site.threads.indices))
        case .category(let i): (name, route, indexes) = (site.categories[i].name, Routes.category(site.categories[i].slug), site.categories[i].threadIndexes)
        case .tag(let i): (name, route, indexes) = (site.tags[i].name, Routes.tag(site.tags[i].slug), site.tags[i].threadIndexes)
        }
        let total = pageCount(indexes.count)
        let title = number > 1 ? "\(name) (page \(number) of \(total))" : name
        let start = (number - 1) * site.config.pageSize
        var categoryFeedURL: String?
        if case .category(let i) = kind { categoryFeedURL = routes.link(Routes.categoryFeed(site.categories[i].slug)) }
        return ListContext(
            common: common(ListContext.layout, title: title, description: nil, route: Routes.paged(route, number)),
            list: ListContext.Heading(
                kind: kind.label, name: name, url: routes.link(route), countText: Plural.count(indexes.count, "question"),
                isCategory: { if case .category = kind { return true } else { return false } }(),
                isTag: { if case .tag = kind { return true } else { return false } }()),
            items: indexes.dropFirst(start).prefix(site.config.pageSize).map { questionItems[$0] },
            pager: pager(route: route, current: number, total: total),
            categoryFeedURL: categoryFeedURL)
    }

    package enum ListKind: Sendable {
        case allQuestions, category(Int), tag(Int)
        var label: String {
            switch self {
            case .allQuestions: "Questions"
            case .category: "Category"
            case .tag: "Tag"
            }
        }
    }

    /// /categories/ or /tags/: every term with its count.
    package func termsPage(categories: Bool) -> TermsContext {
        let terms = categories ? site.categories : site.tags
        return TermsContext(
            common: common(TermsContext.layout, title: categories ? "Categories" : "Tags", description: nil,
                           route: categories ? Routes.categories : Routes.tags),
            terms: terms.map {
                TermsContext.Term(name: $0.name, url: routes.link(categories ? Routes.category($0.slug) : Routes.tag($0.slug)),
                                  count: $0.threadIndexes.count)
            },
            isCategories: categories)
    }
}
