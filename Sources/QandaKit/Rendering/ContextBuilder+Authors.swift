extension ContextBuilder {
    /// /authors/: every author and reviewer.
    package func authorsPage() -> AuthorsContext {
        AuthorsContext(common: common(AuthorsContext.layout, title: localization.text(.authorsTitle), description: nil, route: Routes.authors),
                       authors: site.authors.map(authorBox))
    }

    /// /authors/<id>/ (and its pages): bio, credentials, answers written and pages reviewed, each paged: page N
    /// shows the Nth share of both lists.
    package func authorPage(_ index: Int, number: Int) -> AuthorContext {
        let author = site.authors[index]
        let route = Routes.author(author.id)
        let answers = site.answersByAuthor[author.id] ?? []
        let reviewed = site.reviewsByAuthor[author.id] ?? []
        let total = site.authorPageCount(index)
        let title = pagedTitle(author.name, number: number, of: total)
        let start = (number - 1) * site.config.pageSize
        let points = site.pointsByAuthor[author.id]
        let pointsText = points.map { localization.plural(.points, $0) }
        return AuthorContext(
            common: common(AuthorContext.layout, title: title,
                           description: [author.credentials, author.role].compactMap { $0 }.joined(separator: ", ").nonEmpty,
                           route: Routes.paged(route, number)),
            author: authorBox(author),
            structuredDataHTML: StructuredData.scriptElement(StructuredData.authorPage(author: author, site: site)),
            answersWritten: answers.dropFirst(start).prefix(site.config.pageSize).map { reference in
                let thread = site.threads[reference.thread]
                let answer = thread.answers[reference.answer]
                let item = questionItems[reference.thread]
                return AuthorContext.WrittenAnswer(
                    questionTitle: thread.title, questionURL: item.url, answerURL: routes.link(answer, in: thread),
                    accepted: answer.isAccepted, votes: answer.votes, categoryName: item.categoryName,
                    categoryURL: item.categoryURL, date: answer.date, dateText: localization.date(answer.date))
            },
            hasAnswers: start < answers.count,
            reviewed: reviewed.dropFirst(start).prefix(site.config.pageSize).map { threadIndex in
                let date = site.threads[threadIndex].question.review!.date
                return AuthorContext.ReviewedQuestion(title: site.threads[threadIndex].title, url: questionItems[threadIndex].url,
                                                      date: date, dateText: localization.date(date),
                                                      reviewedHTML: localization.html(.authorReviewedOn, ["date": localization.timeHTML(date)]))
            },
            pager: pager(route: route, current: number, total: total),
            points: points, pointsText: pointsText,
            pointsLineText: pointsText.map { localization.text(.pointsFromCommunity, ["points": $0]) },
            answersHeading: localization.text(.authorAnswersHeading, ["count": localization.number(answers.count)]),
            reviewedHeading: localization.text(.authorReviewedHeading, ["count": localization.number(reviewed.count)]))
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
