extension ContextBuilder {
    /// The home page: the newest questions (one page's worth) and the categories.
    public func homePage() -> TemplateContext {
        var context = common(layout: "home", title: site.config.title, description: site.config.description, route: Routes.home)
        context["latest"] = questionItems.prefix(site.config.pageSize).map(\.context)
        context["has_more"] = questionItems.count > site.config.pageSize
        context["all_questions_url"] = routes.link(Routes.questions)
        context["question_count_text"] = Plural.count(questionItems.count, "question")
        return context
    }

    public func pageCount(_ count: Int) -> Int { site.config.pageCount(count) }

    /// Page `number` of a list of questions: every question, a category, or a tag.
    public func listPage(kind: ListKind, number: Int) -> TemplateContext {
        let (name, route, indexes): (String, String, [Int])
        switch kind {
        case .allQuestions: (name, route, indexes) = ("All questions", Routes.questions, Array(site.threads.indices))
        case .category(let i): (name, route, indexes) = (site.categories[i].name, Routes.category(site.categories[i].slug), site.categories[i].threadIndexes)
        case .tag(let i): (name, route, indexes) = (site.tags[i].name, Routes.tag(site.tags[i].slug), site.tags[i].threadIndexes)
        }
        let total = pageCount(indexes.count)
        let pageRoute = Routes.paged(route, number)
        let title = number > 1 ? "\(name) (page \(number) of \(total))" : name
        var context = common(layout: "list", title: title, description: nil, route: pageRoute)
        let start = (number - 1) * site.config.pageSize
        context["list"] = [
            "kind": kind.label, "name": name, "url": routes.link(route),
            "count_text": Plural.count(indexes.count, "question"),
            "is_category": { if case .category = kind { return true } else { return false } }(),
            "is_tag": { if case .tag = kind { return true } else { return false } }(),
        ] as TemplateContext
        context["items"] = indexes.dropFirst(start).prefix(site.config.pageSize).map { questionItems[$0].context }
        context["pager"] = pager(route: route, current: number, total: total)
        if case .category(let i) = kind {
            context["category_feed_url"] = routes.link(Routes.categoryFeed(site.categories[i].slug))
        } else {
            context["category_feed_url"] = false
        }
        return context
    }

    public enum ListKind: Sendable {
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
    public func termsPage(categories: Bool) -> TemplateContext {
        let terms = categories ? site.categories : site.tags
        let title = categories ? "Categories" : "Tags"
        var context = common(layout: "terms", title: title, description: nil, route: categories ? Routes.categories : Routes.tags)
        context["terms"] = terms.map { term -> TemplateContext in
            ["name": term.name, "url": routes.link(categories ? Routes.category(term.slug) : Routes.tag(term.slug)),
             "count": term.threadIndexes.count, "count_text": Plural.count(term.threadIndexes.count, "question")]
        }
        context["is_categories"] = categories
        return context
    }
}
