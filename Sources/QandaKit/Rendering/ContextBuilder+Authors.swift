extension ContextBuilder {
    /// /authors/: every author and reviewer.
    public func authorsPage() -> TemplateContext {
        var context = common(layout: "authors", title: "Authors and reviewers", description: nil, route: Routes.authors)
        context["authors"] = site.authors.map(authorBox)
        return context
    }

    /// /authors/<id>/ (and its pages): bio, credentials, answers written and pages reviewed, each paged: page N
    /// shows the Nth share of both lists.
    public func authorPage(_ index: Int, number: Int) -> TemplateContext {
        let author = site.authors[index]
        let route = Routes.author(author.id)
        let answers = site.answersByAuthor[author.id] ?? []
        let reviewed = site.reviewsByAuthor[author.id] ?? []
        let total = site.authorPageCount(index)
        let title = number > 1 ? "\(author.name) (page \(number) of \(total))" : author.name
        var context = common(layout: "author", title: title,
                             description: [author.credentials, author.role].compactMap { $0 }.joined(separator: ", ").nonEmpty,
                             route: Routes.paged(route, number))
        context["author"] = authorBox(author)
        context["structured_data_html"] = StructuredData.scriptElement(StructuredData.authorPage(author: author, site: site))
        let start = (number - 1) * site.config.pageSize
        context["answers_written"] = answers.dropFirst(start).prefix(site.config.pageSize).map { reference -> TemplateContext in
            let thread = site.threads[reference.thread]
            let answer = thread.answers[reference.answer]
            let item = questionItems[reference.thread]
            var entry: TemplateContext = [
                "question_title": thread.title, "question_url": item.url,
                "answer_url": routes.link(answer, in: thread),
                "accepted": answer.isAccepted, "votes": answer.votes.map { $0 as Any } ?? false,
                "category_name": item.categoryName, "category_url": item.categoryURL,
            ]
            entry.merge(dateFields("date", answer.date)) { $1 }
            return entry
        }
        let reviewedHere = reviewed.dropFirst(start).prefix(site.config.pageSize)
        context["has_answers"] = start < answers.count
        context["reviewed"] = reviewedHere.map { threadIndex -> TemplateContext in
            let thread = site.threads[threadIndex]
            var entry: TemplateContext = ["title": thread.title, "url": questionItems[threadIndex].url]
            entry.merge(dateFields("date", thread.question.review!.date)) { $1 }
            return entry
        }
        context["has_reviewed"] = !reviewedHere.isEmpty
        context["pager"] = pager(route: route, current: number, total: total)
        return context
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
