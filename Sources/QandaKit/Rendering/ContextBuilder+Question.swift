extension ContextBuilder {
    /// A question page: the question, every answer in contract order, review and date lines, author boxes.
    /// - Parameter citation: the page's citation record, when the caller has made it already (the build writes
    ///   the citation downloads from the same record).
    /// A thread with more than answers_per_page answers continues on pages 2, 3, …: each repeats the question
    /// and shows its share of the answers, with page links.
    package func questionPage(_ index: Int, number: Int = 1, citation: CitationRecord? = nil) -> QuestionContext {
        let thread = site.threads[index]
        let question = thread.question
        let route = Routes.question(thread.slug)
        let item = questionItems[index]
        let pageCount = thread.answerPageCount
        let title = number > 1 ? "\(thread.title) (answers, page \(number) of \(pageCount))" : thread.title
        let (newer, older) = neighbours(of: index)
        let record = citation ?? CitationRecord.page(thread, site: site, retrieved: retrieved)
        let metaTags = HeadMetaTags.questionPage(record: record, thread: thread, site: site)
        let citesAnswers = thread.answers.count > 1
        let isForum = site.isForum(thread)
        // A forum shows every post's votes, 0 when none were given.
        func shownVotes(_ votes: Int?) -> Int? { isForum ? votes ?? 0 : votes }
        func editor(_ id: String?) -> NamedLink? {
            id.flatMap(site.author).map { NamedLink(name: $0.name, url: routes.link(Routes.author($0.id))) }
        }

        var review: QuestionContext.ReviewLine?
        if let reviewed = question.review, let reviewer = site.author(reviewed.reviewerID) {
            review = QuestionContext.ReviewLine(
                reviewerName: reviewer.name, reviewerNameWithCredentials: reviewer.nameWithCredentials,
                reviewerURL: routes.link(Routes.author(reviewer.id)), date: reviewed.date,
                mark: site.config.isMedical ? "Scientifically reviewed" : "Reviewed")
        }

        var seenAuthors: Set<String> = []
        var boxes: [AuthorBox] = []
        let shown = thread.answers(onPage: number, perPage: site.config.answersPerPage)
        var answers = shown.map { answer in
            let author = site.author(answer.authorID)
            if let author, seenAuthors.insert(author.id).inserted { boxes.append(authorBox(author)) }
            var citationHTML: String?, citationText: String?
            if citesAnswers {
                let answerRecord = CitationRecord.answer(answer, in: thread, site: site, retrieved: retrieved)
                citationHTML = APAReference.html(answerRecord)
                citationText = APAReference.plain(answerRecord)
            }
            return QuestionContext.AnswerEntry(
                id: Routes.answerFragment(answer.id), url: routes.link(answer, in: thread), bodyHTML: answer.bodyHTML,
                accepted: answer.isAccepted, votes: shownVotes(answer.votes), date: answer.date, updated: answer.updated,
                authorName: author?.name ?? answer.authorID,
                authorNameWithCredentials: author?.nameWithCredentials ?? answer.authorID,
                authorCredentials: author?.credentials, authorRole: author?.role,
                authorURL: routes.link(Routes.author(answer.authorID)),
                authorPhotoURL: author?.photo.map { routes.link(Routes.authorPhoto(answer.authorID, file: $0)) },
                citationHTML: citationHTML, citationText: citationText,
                authorPoints: isForum && site.config.points != nil ? site.pointsByAuthor[answer.authorID] ?? 0 : nil,
                editor: editor(answer.editedBy))
        }
        // Each withdrawn answer's notice where the answer stood: before the first answer of the page it precedes.
        for withdrawn in thread.withdrawnAnswers.reversed() where withdrawn.page == number {
            let position = shown.firstIndex { Answer.contractOrder(withdrawn, $0) }.map { $0 - shown.startIndex } ?? answers.count
            answers.insert(.withdrawn(withdrawn, url: routes.link(withdrawn, in: thread)), at: min(position, answers.count))
        }

        return QuestionContext(
            common: common(QuestionContext.layout, title: title, description: question.description ?? question.summary,
                           route: Routes.paged(route, number)),
            question: QuestionContext.QuestionEntry(
                title: thread.title, url: item.url, bodyHTML: question.bodyHTML, summary: question.summary,
                askedBy: question.askedBy, askerName: question.poster ?? Question.anonymousAsker, votes: shownVotes(question.votes),
                category: NamedLink(name: item.categoryName, url: item.categoryURL),
                tags: question.tags.map { NamedLink(name: $0, url: routes.link(Routes.tag(Slug.make(from: $0)))) },
                date: question.date, updated: question.updated, editor: editor(question.editedBy)),
            review: review,
            answers: answers,
            answerCount: thread.answers.count,
            authorBoxes: boxes,
            citation: QuestionContext.CitationLinks(
                apaText: APAReference.plain(record), apaHTML: APAReference.html(record),
                bibtexURL: routes.link(Routes.citationFile(thread.slug, .bibtex)),
                risURL: routes.link(Routes.citationFile(thread.slug, .ris)),
                csljsonURL: routes.link(Routes.citationFile(thread.slug, .cslJSON))),
            citesAnswers: citesAnswers,
            metaTags: metaTags,
            metaTagsHTML: HeadMetaTags.html(metaTags),
            structuredDataHTML: StructuredData.scriptElement(StructuredData.questionPage(thread: thread, site: site, number: number)),
            breadcrumbs: [NamedLink(name: "Home", url: routes.link(Routes.home)), NamedLink(name: item.categoryName, url: item.categoryURL)],
            related: related(to: index).map { questionItems[$0] },
            newer: newer.map { questionItems[$0] },
            older: older.map { questionItems[$0] },
            pager: pager(route: route, current: number, total: pageCount, previous: "← Previous answers", next: "More answers →"))
    }
}
