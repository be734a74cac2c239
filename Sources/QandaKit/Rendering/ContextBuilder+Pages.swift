extension ContextBuilder {
    /// A free page from Content/pages.
    public func freePage(_ index: Int) -> TemplateContext {
        let page = site.pages[index]
        var context = common(layout: "page", title: page.title, description: page.description, route: Routes.page(page.slug))
        var pageContext: TemplateContext = ["title": page.title, "body_html": page.bodyHTML, "is_updated": page.updated != nil]
        pageContext.merge(dateFields("date", page.date)) { $1 }
        pageContext.merge(dateFields("updated", page.updated)) { $1 }
        context["page"] = pageContext
        return context
    }

    /// The small page left at an old URL (an alias) that sends readers and crawlers to the question.
    public func aliasPage(threadIndex: Int) -> TemplateContext {
        let thread = site.threads[threadIndex]
        var context = common(layout: "alias", title: thread.title, description: nil, route: Routes.question(thread.slug))
        context["target_url"] = routes.absolute(Routes.question(thread.slug))
        return context
    }
}
