extension ContextBuilder {
    /// A question page: the question, every answer in contract order, review and date lines, author boxes.
    /// - Parameter citation: the page's citation record, when the caller has made it already (the build writes
    ///   the citation downloads from the same record).
    /// A thread with more than answers_per_page answers continues on pages 2, 3, …: each repeats the question
    /// and shows its share of the answers, with page links.
    public func questionPage(_ index: Int, number: Int = 1, citation: CitationRecord? = nil) -> TemplateContext {
        let thread = site.threads[index]
        let question = thread.question
        let route = Routes.question(thread.slug)
        let item = questionItems[index]
        let pageCount = thread.answerPageCount
        let title = number > 1 ? "\(thread.title) (answers, page \(number) of \(pageCount))" : thread.title
        var context = common(layout: "question", title: title, description: question.description ?? question.summary,
                             route: Routes.paged(route, number))
        var questionContext: TemplateContext = [
            "title": thread.title, "url": item.url, "body_html": question.bodyHTML, "summary": question.summary,
            "asked_by": question.askedBy.map { $0 as Any } ?? false,
            "votes": question.votes.map { $0 as Any } ?? false,
            "category": ["name": item.categoryName, "url": item.categoryURL] as TemplateContext,
            "tags": question.tags.map { ["name": $0, "url": routes.link(Routes.tag(Slug.make(from: $0)))] as TemplateContext },
            "is_updated": question.updated != nil,
        ]
        questionContext.merge(dateFields("date", question.date)) { $1 }
        questionContext.merge(dateFields("updated", question.updated)) { $1 }
        context["question"] = questionContext
        context["breadcrumbs"] = [
            ["name": "Home", "url": routes.link(Routes.home)] as TemplateContext,
            ["name": item.categoryName, "url": item.categoryURL] as TemplateContext,
        ]
        let relatedIndexes = related(to: index)
        context["related"] = relatedIndexes.map { questionItems[$0].context }
        context["has_related"] = !relatedIndexes.isEmpty
        let (newer, older) = neighbours(of: index)
        context["newer"] = newer.map { questionItems[$0].context as Any } ?? false
        context["older"] = older.map { questionItems[$0].context as Any } ?? false
        context["has_neighbours"] = newer != nil || older != nil

        let record = citation ?? CitationRecord.page(thread, site: site, retrieved: retrieved)
        context["citation"] = [
            "apa_text": APAReference.plain(record), "apa_html": APAReference.html(record),
            "bibtex_url": routes.link(Routes.citationFile(thread.slug, .bibtex)),
            "ris_url": routes.link(Routes.citationFile(thread.slug, .ris)),
            "csljson_url": routes.link(Routes.citationFile(thread.slug, .cslJSON)),
        ] as TemplateContext
        let metaTags = HeadMetaTags.questionPage(record: record, thread: thread, site: site)
        context["meta_tags"] = metaTags.map { ["attribute": $0.attribute, "key": $0.key, "content": $0.content] as TemplateContext }
        context["meta_tags_html"] = HeadMetaTags.html(metaTags)
        context["structured_data_html"] = StructuredData.scriptElement(StructuredData.questionPage(thread: thread, site: site, number: number))
        let citesAnswers = thread.answers.count > 1
        context["cites_answers"] = citesAnswers

        if let review = question.review, let reviewer = site.author(review.reviewerID) {
            var reviewContext: TemplateContext = [
                "reviewer_name": reviewer.name, "reviewer_name_with_credentials": reviewer.nameWithCredentials,
                "reviewer_url": routes.link(Routes.author(reviewer.id)),
            ]
            reviewContext.merge(dateFields("date", review.date)) { $1 }
            context["review"] = reviewContext
        } else {
            context["review"] = false
        }

        var seenAuthors: Set<String> = []
        var boxes: [TemplateContext] = []
        context["answers"] = thread.answers(onPage: number, perPage: site.config.answersPerPage).map { answer -> TemplateContext in
            let author = site.author(answer.authorID)
            if let author, seenAuthors.insert(author.id).inserted { boxes.append(authorBox(author)) }
            let fragment = Routes.answerFragment(answer.id)
            var answerContext: TemplateContext = [
                "id": fragment, "url": routes.link(answer, in: thread), "body_html": answer.bodyHTML,
                "accepted": answer.isAccepted, "votes": answer.votes.map { $0 as Any } ?? false,
                "is_updated": answer.updated != nil,
                "author_name": author?.name ?? answer.authorID,
                "author_name_with_credentials": author?.nameWithCredentials ?? answer.authorID,
                "author_credentials": author?.credentials.map { $0 as Any } ?? false,
                "author_role": author?.role.map { $0 as Any } ?? false,
                "author_url": routes.link(Routes.author(answer.authorID)),
                "author_photo_url": author?.photo.map { routes.link(Routes.authorPhoto(answer.authorID, file: $0)) as Any } ?? false,
            ]
            answerContext.merge(dateFields("date", answer.date)) { $1 }
            answerContext.merge(dateFields("updated", answer.updated)) { $1 }
            if citesAnswers {
                let answerRecord = CitationRecord.answer(answer, in: thread, site: site, retrieved: retrieved)
                answerContext["citation_html"] = APAReference.html(answerRecord)
                answerContext["citation_text"] = APAReference.plain(answerRecord)
            } else {
                answerContext["citation_html"] = false
                answerContext["citation_text"] = false
            }
            return answerContext
        }
        context["author_boxes"] = boxes
        context["has_author_boxes"] = !boxes.isEmpty
        context["has_answers"] = !thread.answers.isEmpty
        context["answer_count"] = thread.answers.count
        context["answer_count_text"] = Plural.count(thread.answers.count, "answer")
        context["pager"] = pager(route: route, current: number, total: pageCount, previous: "← Previous answers", next: "More answers →")
        return context
    }
}
