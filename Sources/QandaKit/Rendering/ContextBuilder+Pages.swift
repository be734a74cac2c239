extension ContextBuilder {
    /// A free page from Content/pages.
    package func freePage(_ index: Int) -> FreePageContext {
        let page = site.pages[index]
        return FreePageContext(
            common: common(FreePageContext.layout, title: page.title, description: page.description, route: Routes.page(page.slug)),
            page: FreePageContext.Body(title: page.title, bodyHTML: page.bodyHTML, date: page.date, updated: page.updated,
                                       dateText: page.date.map(localization.date), updatedText: page.updated.map(localization.date),
                                       updatedHTML: page.updated.map { localization.html(.pageUpdated, ["date": localization.timeHTML($0)]) }))
    }

    /// The small page left at an old URL (an alias) that sends readers and crawlers to the question.
    package func aliasPage(threadIndex: Int) -> AliasContext {
        let thread = site.threads[threadIndex]
        let target = routes.absolute(Routes.question(thread.slug))
        return AliasContext(common: common(AliasContext.layout, title: thread.title, description: nil, route: Routes.question(thread.slug)),
                            targetURL: target,
                            movedHTML: localization.html(.aliasMoved, ["link": "<a href=\"\(HTML.escape(target))\">\(HTML.escape(thread.title))</a>"]))
    }

    /// The small page left at an old URL of a withdrawn thread: it leads to the notice.
    package func aliasPage(withdrawnThread index: Int) -> AliasContext {
        let thread = site.withdrawnThreads[index]
        let target = routes.absolute(Routes.question(thread.slug))
        return AliasContext(common: common(AliasContext.layout, title: withdrawnTitle(thread), description: nil,
                                           route: Routes.question(thread.slug)),
                            targetURL: target,
                            movedHTML: localization.html(.aliasMoved, ["link": "<a href=\"\(HTML.escape(target))\">\(HTML.escape(thread.title))</a>"]))
    }

    /// The notice at a withdrawn thread's URL.
    package func withdrawnPage(_ index: Int) -> WithdrawnContext {
        let thread = site.withdrawnThreads[index]
        let categorySlug = Slug.make(from: thread.question.category)
        let category = site.categories.contains { $0.slug == categorySlug }
            ? NamedLink(name: site.shownCategoryName(thread.question.category), url: routes.link(Routes.category(categorySlug)))
            : NamedLink(name: localization.text(.categoriesTitle), url: routes.link(Routes.categories))
        let withdrawal = thread.question.withdrawal!
        return WithdrawnContext(
            common: common(WithdrawnContext.layout, title: withdrawnTitle(thread), description: nil, route: Routes.question(thread.slug)),
            notice: WithdrawnContext.Notice(title: thread.title, withdrawal: withdrawal, category: category,
                                            dateText: localization.date(withdrawal.date),
                                            withdrawnOnHTML: localization.html(.withdrawnOn, ["date": localization.timeHTML(withdrawal.date)]),
                                            moreInText: localization.text(.withdrawnMoreIn, ["category": category.name])))
    }

    func withdrawnTitle(_ thread: QuestionThread) -> String { localization.text(.withdrawnTitle, ["title": thread.title]) }

    /// /search/: a GET form the search script brings to life, or, when this build has no index (`links` nil), a
    /// sentence saying search is not available on this copy.
    package func searchPage(links: SearchLinks?) -> SearchContext {
        let browse = [
            "all_questions": "<a href=\"\(HTML.escape(routes.link(Routes.questions)))\">\(HTML.escape(localization.text(.searchLinkAllQuestions)))</a>",
            "categories": "<a href=\"\(HTML.escape(routes.link(Routes.categories)))\">\(HTML.escape(localization.text(.searchLinkCategories)))</a>",
        ]
        return SearchContext(common: common(SearchContext.layout, title: localization.text(.searchTitle), description: nil, route: Routes.search),
                             links: links,
                             categories: site.categories.map { SearchContext.Category(name: $0.name, slug: $0.slug) },
                             needsScriptHTML: localization.html(.searchNeedsJS, browse),
                             unavailableHTML: localization.html(.searchUnavailable, browse),
                             stringsJSON: searchScriptStrings())
    }

    /// What the search script shows, in this language: a JSON object the page gives the script in
    /// `data-strings`, so that one script (its name a hash of its bytes) serves every language. Plurals come as
    /// their forms; the script picks one with the browser's CLDR rules (Intl.PluralRules).
    func searchScriptStrings() -> String {
        JSONText.serialize([
            "answers": localization.pluralForms(.answerCount),
            "results": localization.pluralForms(.searchResults),
            "resultsIn": localization.pluralForms(.searchResultsIn),
            "noResults": localization.source(.searchNoResults),
            "noResultsIn": localization.source(.searchNoResultsIn),
            "firstShown": localization.source(.searchFirstShown),
            "answerPrefix": localization.text(.searchAnswerPrefix),
            "error": localization.text(.searchError),
        ] as [String: Any])
    }

    /// 404.html, served by hosts for any missing URL: links are absolute paths, so they work from any depth.
    package func notFoundPage() -> NotFoundContext {
        NotFoundContext(common: common(NotFoundContext.layout, title: localization.text(.notFoundTitle), description: nil, route: Routes.notFound),
                        searchURL: routes.link(Routes.search))
    }
}
