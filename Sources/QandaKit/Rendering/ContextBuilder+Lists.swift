extension ContextBuilder {
    /// The home page: the newest questions (one page's worth) and the categories.
    package func homePage() -> HomeContext {
        let countText = localization.plural(.questionCount, questionItems.count)
        return HomeContext(common: common(HomeContext.layout, title: site.config.title, description: site.config.description, route: Routes.home),
                           latest: Array(questionItems.prefix(site.config.pageSize)),
                           hasMore: questionItems.count > site.config.pageSize,
                           allQuestionsURL: routes.link(Routes.questions),
                           questionCount: questionItems.count,
                           questionCountText: countText,
                           allQuestionsText: localization.text(.allQuestionsLink, ["questions": countText]))
    }

    package func pageCount(_ count: Int) -> Int { site.config.pageCount(count) }

    /// Page `number` of a list of questions: every question, a category, or a tag.
    package func listPage(kind: ListKind, number: Int) -> ListContext {
        let (name, route, indexes): (String, String, [Int])
        switch kind {
        case .allQuestions: (name, route, indexes) = (localization.text(.allQuestions), Routes.questions, Array(site.threads.indices))
        case .category(let i): (name, route, indexes) = (site.categories[i].name, Routes.category(site.categories[i].slug), site.categories[i].threadIndexes)
        case .tag(let i): (name, route, indexes) = (site.tags[i].name, Routes.tag(site.tags[i].slug), site.tags[i].threadIndexes)
        }
        let total = pageCount(indexes.count)
        let start = (number - 1) * site.config.pageSize
        var categoryFeedURL: String?, categoryFeedTitle: String?
        if case .category(let i) = kind {
            categoryFeedURL = routes.link(Routes.categoryFeed(site.categories[i].slug))
            categoryFeedTitle = AtomFeed.categoryTitle(site.config.title, site.categories[i].name, localization: localization)
        }
        return ListContext(
            common: common(ListContext.layout, title: pagedTitle(name, number: number, of: total), description: nil,
                           route: Routes.paged(route, number)),
            list: ListContext.Heading(
                kind: localization.text(kind.label), name: name, url: routes.link(route), count: indexes.count,
                countText: localization.plural(.questionCount, indexes.count),
                isCategory: { if case .category = kind { return true } else { return false } }(),
                isTag: { if case .tag = kind { return true } else { return false } }()),
            items: indexes.dropFirst(start).prefix(site.config.pageSize).map { questionItems[$0] },
            pager: pager(route: route, current: number, total: total),
            categoryFeedURL: categoryFeedURL, categoryFeedTitle: categoryFeedTitle)
    }

    package enum ListKind: Sendable {
        case allQuestions, category(Int), tag(Int)
        var label: TextKey {
            switch self {
            case .allQuestions: .listKindQuestions
            case .category: .listKindCategory
            case .tag: .listKindTag
            }
        }
    }

    /// /categories/ or /tags/: every term with its count.
    package func termsPage(categories: Bool) -> TermsContext {
        let terms = categories ? site.categories : site.tags
        return TermsContext(
            common: common(TermsContext.layout, title: localization.text(categories ? .categoriesTitle : .tagsTitle), description: nil,
                           route: categories ? Routes.categories : Routes.tags),
            terms: terms.map {
                TermsContext.Term(name: $0.name, url: routes.link(categories ? Routes.category($0.slug) : Routes.tag($0.slug)),
                                  count: $0.threadIndexes.count, countText: localization.plural(.questionCount, $0.threadIndexes.count))
            },
            isCategories: categories)
    }
}
