/// What each kind of page depends on: with `route(in:)` and `render(with:)` (PageJob.swift), the third thing each
/// kind of page says, and the one place its key is written. Every key also holds OutputKeys' site fingerprint
/// (qanda.yml, the templates, the structure: which thread appears where, the dates, who answered and reviewed
/// what), so a kind names only what its page shows beyond that. A context that reads something not named here
/// leaves incremental builds stale: KeyCoverageTests edits every front-matter key, body and theme file to catch it.
extension PageJob {
    /// What the pages' keys are read from, made once per build.
    struct KeyInputs: Sendable {
        let site: Site
        /// Per thread: the question as lists show it (`OutputKeys.key(_:)`).
        let itemKeys: [Fingerprint]
        /// What each source file holds.
        let fingerprints: SiteFingerprints
        /// Per thread: the threads its page shows (related questions, newer and older).
        let shownByThread: [[Int]]
    }

    /// Adds what this page shows beyond the site fingerprint to `key`.
    func addDependencies(to key: inout Fingerprint, from inputs: KeyInputs) {
        let site = inputs.site, pageSize = site.config.pageSize
        switch self {
        case .home:
            for item in inputs.itemKeys.prefix(pageSize) { key.add(item) }
        case .question(let index, _):
            // The thread's parts read in place: a thread or an answer taken out is a copy of every field.
            key.add(inputs.fingerprints.threads[index])
            for other in inputs.shownByThread[index] { key.add(inputs.itemKeys[other]) }
            // Every answer's author, not only those of this page's answers: each page's citation, meta tags and
            // structured data name them all.
            for position in site.threads[index].answers.indices {
                let authorID = site.threads[index].answers[position].authorID
                key.add(inputs.fingerprints.authors[authorID] ?? Fingerprint())
                // Points beside each name are earned across the site: a vote in another thread changes them.
                key.add(site.pointsByAuthor[authorID])
            }
            for editor in [site.threads[index].question.editedBy] + site.threads[index].answers.map(\.editedBy) {
                if let editor { key.add(inputs.fingerprints.authors[editor] ?? Fingerprint()) }
            }
            if let reviewer = site.threads[index].question.review?.reviewerID { key.add(inputs.fingerprints.authors[reviewer] ?? Fingerprint()) }
        case .list(let kind, let page):
            let indexes: [Int]
            switch kind {
            case .allQuestions: indexes = Array(site.threads.indices)
            case .category(let i): indexes = site.categories[i].threadIndexes
            case .tag(let i): indexes = site.tags[i].threadIndexes
            }
            for index in indexes.dropFirst((page - 1) * pageSize).prefix(pageSize) { key.add(inputs.itemKeys[index]) }
        case .authors:
            for author in site.authors { key.add(inputs.fingerprints.authors[author.id] ?? Fingerprint()) }
        case .author(let index, let page):
            let author = site.authors[index]
            let shown = (page - 1) * pageSize
            key.add(inputs.fingerprints.authors[author.id] ?? Fingerprint())
            key.add(site.pointsByAuthor[author.id])
            // What the page shows of each answer and reviewed question: not their bodies, so that editing one does
            // not render the page of a reviewer of thousands of questions again. Dates and the answer's page are
            // in the structure.
            for reference in (site.answersByAuthor[author.id] ?? []).dropFirst(shown).prefix(pageSize) {
                let answer = site.threads[reference.thread].answers[reference.answer]
                key.add(inputs.itemKeys[reference.thread])
                key.add(answer.isAccepted)
                key.add(answer.votes.map(String.init))
            }
            for thread in (site.reviewsByAuthor[author.id] ?? []).dropFirst(shown).prefix(pageSize) { key.add(inputs.itemKeys[thread]) }
        case .freePage(let index):
            key.add(inputs.fingerprints.pages[index])
        case .alias(let thread, _):
            key.add(inputs.itemKeys[thread])
        case .withdrawn(let index), .withdrawnAlias(let index, _):
            // Its title, date, reason and category, all in its question.md; whether that category still has a
            // page is in the structure.
            key.add(inputs.fingerprints.withdrawnThreads[index])
        case .terms, .search, .notFound:
            break
        }
    }
}
