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
        let l10n = localization
        let title = number > 1
            ? l10n.text(.questionTitlePaged, ["title": thread.title, "page": l10n.number(number), "total": l10n.number(pageCount)])
            : thread.title
        let (newer, older) = neighbours(of: index)
        let record = citation ?? CitationRecord.page(thread, site: site, retrieved: retrieved)
        let metaTags = HeadMetaTags.questionPage(record: record, thread: thread, site: site)
        let citesAnswers = thread.answers.count > 1
        let isForum = site.isForum(thread)
        let answerCountText = l10n.plural(.answerCount, thread.answers.count)
        // A forum shows every post's votes, 0 when none were given.
        func shownVotes(_ votes: Int?) -> Int? { isForum ? votes ?? 0 : votes }
        func editor(_ id: String?) -> NamedLink? {
            id.flatMap(site.author).map { NamedLink(name: $0.name, url: routes.link(Routes.author($0.id))) }
        }
        func link(_ named: NamedLink) -> String { "<a href=\"\(HTML.escape(named.url))\">\(HTML.escape(named.name))</a>" }
        func editedBy(_ editor: NamedLink?) -> String? { editor.map { l10n.html(.editedBy, ["editor": link($0)]) } }

        var review: QuestionContext.ReviewLine?
        if let reviewed = question.review, let reviewer = site.author(reviewed.reviewerID) {
            let reviewerURL = routes.link(Routes.author(reviewer.id))
            review = QuestionContext.ReviewLine(
                reviewerName: reviewer.name, reviewerNameWithCredentials: reviewer.nameWithCredentials,
                reviewerURL: reviewerURL, date: reviewed.date,
                mark: l10n.text(site.config.isMedical ? .reviewedMarkMedical : .reviewedMark),
                dateText: l10n.date(reviewed.date),
                lineHTML: l10n.html(.reviewedBy, ["reviewer": link(NamedLink(name: reviewer.nameWithCredentials, url: reviewerURL)),
                                                  "date": l10n.timeHTML(reviewed.date)]))
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
            let votes = shownVotes(answer.votes)
            let points = isForum && site.config.points != nil ? site.pointsByAuthor[answer.authorID] ?? 0 : nil
            let authorName = author?.name ?? answer.authorID
            let answerEditor = editor(answer.editedBy)
            let datesHTML = answer.updated.map { l10n.html(.answerUpdated, ["updated": l10n.timeHTML($0), "date": l10n.timeHTML(answer.date)]) }
                ?? l10n.html(.answered, ["date": l10n.timeHTML(answer.date)])
            return QuestionContext.AnswerEntry(
                id: Routes.answerFragment(answer.id), url: routes.link(answer, in: thread), bodyHTML: answer.bodyHTML,
                accepted: answer.isAccepted, votes: votes, date: answer.date, updated: answer.updated,
                authorName: authorName,
                authorNameWithCredentials: author?.nameWithCredentials ?? answer.authorID,
                authorCredentials: author?.credentials, authorRole: author?.role,
                authorURL: routes.link(Routes.author(answer.authorID)),
                authorPhotoURL: author?.photo.map { routes.link(Routes.authorPhoto(answer.authorID, file: $0)) },
                citationHTML: citationHTML, citationText: citationText,
                authorPoints: points,
                editor: answerEditor,
                dateText: l10n.date(answer.date), updatedText: answer.updated.map(l10n.date),
                votesText: votes.map { l10n.plural(.voteCount, $0) },
                authorPointsText: points.map(l10n.shortPoints),
                datesHTML: datesHTML, editedByHTML: editedBy(answerEditor),
                headingText: l10n.text(.answerHeading, ["author": authorName]),
                linkLabel: l10n.text(.answerLinkLabel, ["author": authorName]),
                source: answer.attribution.map { QuestionContext.SourceLine($0, localization: l10n) })
        }
        // Each withdrawn answer's notice where the answer stood: before the first answer of the page it precedes.
        for withdrawn in thread.withdrawnAnswers.reversed() where withdrawn.page == number {
            let position = shown.firstIndex { Answer.contractOrder(withdrawn, $0) }.map { $0 - shown.startIndex } ?? answers.count
            answers.insert(.withdrawn(withdrawn, url: routes.link(withdrawn, in: thread), localization: l10n), at: min(position, answers.count))
        }

        let questionVotes = shownVotes(question.votes)
        let questionEditor = editor(question.editedBy)
        let askerName = question.poster ?? l10n.text(.anonymous)
        let questionDates = question.updated.map { l10n.html(.updatedOriginally, ["updated": l10n.timeHTML($0), "date": l10n.timeHTML(question.date)]) }
            ?? l10n.html(.published, ["date": l10n.timeHTML(question.date)])
        return QuestionContext(
            common: common(QuestionContext.layout, title: title, description: question.description ?? question.summary,
                           route: Routes.paged(route, number)),
            question: QuestionContext.QuestionEntry(
                title: thread.title, url: item.url, bodyHTML: question.bodyHTML, summary: question.summary,
                askedBy: question.askedBy, askerName: askerName, votes: questionVotes,
                category: NamedLink(name: item.categoryName, url: item.categoryURL),
                tags: question.tags.map { NamedLink(name: site.shownTagName($0), url: routes.link(Routes.tag(Slug.make(from: $0)))) },
                date: question.date, updated: question.updated, editor: questionEditor,
                dateText: l10n.date(question.date), updatedText: question.updated.map(l10n.date),
                votesText: questionVotes.map { l10n.plural(.voteCount, $0) },
                datesHTML: questionDates,
                askedByHTML: l10n.html(.askedBy, ["asker": HTML.escape(askerName), "date": l10n.timeHTML(question.date),
                                                  "answers": HTML.escape(answerCountText)]),
                editedByHTML: editedBy(questionEditor),
                source: question.attribution.map { QuestionContext.SourceLine($0, localization: l10n) }),
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
            structuredDataHTML: StructuredData.scriptElement(StructuredData.questionPage(thread: thread, site: site, number: number,
                                                                                         anonymous: l10n.text(.anonymous))),
            breadcrumbs: [NamedLink(name: l10n.text(.breadcrumbHome), url: routes.link(Routes.home)),
                          NamedLink(name: item.categoryName, url: item.categoryURL)],
            related: related(to: index).map { questionItems[$0] },
            newer: newer.map { questionItems[$0] },
            older: older.map { questionItems[$0] },
            pager: pager(route: route, current: number, total: pageCount, previous: .pagerPreviousAnswers, next: .pagerMoreAnswers),
            answerCountText: answerCountText,
            citeNoteText: l10n.text(.citeAnswerNote, ["cite_answer": l10n.text(.citeThisAnswer)]),
            neighboursLabel: l10n.text(.neighboursLabel, ["category": item.categoryName]),
            newerLabel: l10n.text(.newerIn, ["category": item.categoryName]),
            olderLabel: l10n.text(.olderIn, ["category": item.categoryName]))
    }
}
