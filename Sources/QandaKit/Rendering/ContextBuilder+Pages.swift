extension ContextBuilder {
    /// A free page from Content/pages.
    package func freePage(_ index: Int) -> FreePageContext {
        let page = site.pages[index]
        return FreePageContext(
            common: common(FreePageContext.layout, title: page.title, description: page.description, route: Routes.page(page.slug)),
            page: FreePageContext.Body(title: page.title, bodyHTML: page.bodyHTML, date: page.date, updated: page.updated))
    }

    /// The small page left at an old URL (an alias) that sends readers and crawlers to the question.
    package func aliasPage(threadIndex: Int) -> AliasContext {
        let thread = site.threads[threadIndex]
        return AliasContext(common: common(AliasContext.layout, title: thread.title, description: nil, route: Routes.question(thread.slug)),
                            targetURL: routes.absolute(Routes.question(thread.slug)))
    }

    /// The small page left at an old URL of a withdrawn thread: it leads to the notice.
    package func aliasPage(withdrawnThread index: Int) -> AliasContext {
        let thread = site.withdrawnThreads[index]
        return AliasContext(common: common(AliasContext.layout, title: Self.withdrawnTitle(thread), description: nil,
                                           route: Routes.question(thread.slug)),
                            targetURL: routes.absolute(Routes.question(thread.slug)))
    }

    /// The notice at a withdrawn thread's URL.
    package func withdrawnPage(_ index: Int) -> WithdrawnContext {
        let thread = site.withdrawnThreads[index]
        let categorySlug = Slug.make(from: thread.question.category)
        let category = site.categories.contains { $0.slug == categorySlug }
            ? NamedLink(name: thread.question.category, url: routes.link(Routes.category(categorySlug)))
            : NamedLink(name: "Categories", url: routes.link(Routes.categories))
        return WithdrawnContext(
            common: common(WithdrawnContext.layout, title: Self.withdrawnTitle(thread), description: nil, route: Routes.question(thread.slug)),
            notice: WithdrawnContext.Notice(title: thread.title, withdrawal: thread.question.withdrawal!, category: category))
    }

    static func withdrawnTitle(_ thread: QuestionThread) -> String { "Withdrawn: \(thread.title)" }

    /// /search/: a GET form the search script brings to life, or, when this build has no index (`links` nil), a
    /// sentence saying search is not available on this copy.
    package func searchPage(links: SearchLinks?) -> SearchContext {
        SearchContext(common: common(SearchContext.layout, title: "Search", description: nil, route: Routes.search),
                      links: links,
                      categories: site.categories.map { SearchContext.Category(name: $0.name, slug: $0.slug) })
    }

    /// 404.html, served by hosts for any missing URL: links are absolute paths, so they work from any depth.
    package func notFoundPage() -> NotFoundContext {
        NotFoundContext(common: common(NotFoundContext.layout, title: "Page not found", description: nil, route: Routes.notFound),
                        searchURL: routes.link(Routes.search))
    }
}
