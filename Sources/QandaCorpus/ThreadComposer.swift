/// Draws the threads of a corpus one at a time, in order. Each thread has its own random stream; what is shared
/// between threads is small: which titles and slugs are taken, and the latest published slugs (for links).
package struct ThreadComposer: Sendable {
    package let roster: AuthorRoster
    package let asOf: CorpusDay
    package let seed: UInt64
    package let overdueReviews: Bool
    private var titles = UniqueNames()
    private var slugs = UniqueNames()
    /// The latest published threads' slugs, for links between questions (only published ones, so that no link breaks).
    private var recentSlugs: [String] = []
    private var recentNext = 0
    static let recentCapacity = 256

    package init(roster: AuthorRoster, asOf: CorpusDay, seed: UInt64, overdueReviews: Bool) {
        self.roster = roster
        self.asOf = asOf
        self.seed = seed
        self.overdueReviews = overdueReviews
    }

    /// The answer counts drawn, and how often: a few unanswered threads, most with one to four answers, a few
    /// long discussions, and (one in five hundred) a thread longer than one page of answers.
    static let answerCounts: [(weight: Int, range: ClosedRange<Int>)] = [
        (7, 0...0), (28, 1...1), (22, 2...2), (15, 3...3), (10, 4...4), (13, 5...9), (4, 10...30), (1, 55...130),
    ]

    package mutating func compose(index: Int) -> CorpusThread {
        var random = SplitMix64(seed: seed, stream: 1, index: UInt64(index))
        let foreign = random.percent(6) ? random.pick(Vocabulary.foreignLanguages) : nil
        // Foreign-language threads borrow an English category's topics for their English answers.
        let category = random.pick(Vocabulary.categories)
        var composer = BodyComposer(category: category, phrase: Phrase(category: category, random: SplitMix64(seed: random.next())))

        // Title and slug, both unique: a title already taken is drawn again a few times, then numbered.
        var title = "", slugBase = "", isFree = false
        for _ in 0..<8 where !isFree {
            if let foreign {
                let picked = random.pick(foreign.titles)
                (title, slugBase) = (picked.text, picked.slug)
            } else {
                title = random.pick(Vocabulary.titlePrefixes)
                    + composer.phrase.fill(random.pick(Vocabulary.titleTemplates), category: category).capitalizedFirst
                    + random.pick(Vocabulary.titleSuffixes)
                slugBase = Phrase.slug(title)
            }
            isFree = titles.claimIfFree(title.lowercased())
        }
        if !isFree {
            var part = 2
            while !titles.claimIfFree((title + " (part \(part))").lowercased()) { part += 1 }
            title += " (part \(part))"
            slugBase += "-part-\(part)"
        }
        let folder = slugs.claim(slugBase)

        var thread = CorpusThread(index: index, folder: folder, slug: nil, title: title, date: asOf, updated: nil,
                                  review: nil, askedBy: nil, category: foreign?.category ?? category.name, tags: [],
                                  votes: nil, aliases: [], description: nil, citationTitle: nil, genre: nil,
                                  draft: random.percent(3), body: "", answers: [], attachments: [],
                                  language: foreign?.code ?? "en")
        // A thread renamed after it was published: a shorter slug, and the old URL kept as an alias.
        if random.percent(3) {
            let short = slugBase.split(separator: "-").prefix(4).joined(separator: "-")
            thread.slug = slugs.claim(short.isEmpty ? "thread" : short)
            thread.aliases.append("/questions/\(folder)/")
        }
        if random.percent(10) { thread.aliases.append("/ask/\(thread.urlSlug)/") }
        if random.percent(3) { thread.aliases.append("/t/\(String(index, radix: 36))/") }

        // Dates: half the threads from the last two years, the rest up to eight years back; none after asOf.
        let age = random.percent(50) ? random.below(730) : random.below(2920)
        thread.date = asOf.adding(days: -age)
        if age > 0 && random.percent(25) { thread.updated = thread.date.adding(days: 1 + random.below(age)) }
        thread.askedBy = random.percent(70) ? (foreign.map { random.pick($0.askedBy) } ?? random.pick(Vocabulary.askers)) : nil
        let tagPool = foreign?.tags ?? category.tags
        thread.tags = random.percent(15) ? [] : random.sample(tagPool, count: random.int(1...4))
        thread.votes = random.percent(75) ? random.skewed(maximum: 400) : nil
        if random.percent(20) { thread.description = "A reader asks about \(composer.phrase.topic); answers from clinicians and the community." }
        if random.percent(30) { thread.citationTitle = Self.sentenceCase(title) }

        if random.percent(4) { thread.attachments = Self.attachments(random: &random, thread: thread) }
        let links = recentSlugs
        thread.body = foreign.map { composer.foreign($0) } ?? composer.question(links: links, attachments: thread.attachments)

        // Answers: distinct authors (clinicians first, more often), now and then a follow-up by the same one.
        let count = Self.answerCounts[random.weighted(Self.answerCounts.map(\.weight))].range
        var wanted = random.int(count)
        let expertShare = random.int(20...60)
        var used = UniqueNames()
        var answeredByClinician = false
        var day = thread.date
        while thread.answers.count < wanted {
            let isExpert = thread.answers.isEmpty ? random.percent(75) : random.percent(expertShare)
            let author = random.pick(isExpert ? roster.clinicians : roster.members)
            var fileName = author.id
            if !used.claimIfFree(author.id) {
                guard random.percent(30), used.claimIfFree(author.id + "-follow-up") else {
                    wanted -= random.percent(50) ? 1 : 0   // small rosters run out of people; do not loop for ever
                    continue
                }
                fileName = author.id + "-follow-up"
            }
            day = day.adding(days: min(random.skewed(maximum: 40), asOf.number - day.number))
            let body: String
            if let foreign, !isExpert, random.percent(70) {
                body = composer.foreign(foreign)   // the community answers in the thread's language, most of the time
            } else if isExpert {
                body = composer.expertAnswer(signature: author.given ?? author.name, links: links,
                                             authorLinks: [random.pick(roster.clinicians).id])
            } else {
                body = composer.communityAnswer(links: links)
            }
            var answer = CorpusThread.Answer(fileName: fileName, author: author.id, date: day,
                                             votes: random.percent(80) ? random.skewed(maximum: isExpert ? 250 : 60) : nil,
                                             draft: random.percent(3), body: body)
            if day < asOf && random.percent(10) { answer.updated = day.adding(days: 1 + random.below(asOf.number - day.number)) }
            thread.answers.append(answer)
            answeredByClinician = answeredByClinician || isExpert
        }
        let published = thread.answers.indices.filter { !thread.answers[$0].draft }
        if !published.isEmpty && random.percent(45) {
            let best = published.max { (thread.answers[$0].votes ?? 0) < (thread.answers[$1].votes ?? 0) }!
            thread.answers[best].accepted = true
        }
        // An expert article rather than a forum thread, cited as a web page.
        if answeredByClinician && random.percent(10) { thread.genre = "webpage" }

        // Every published thread is reviewed (qanda.yml requires it), within the last two years unless asked
        // otherwise; a few are due within the month.
        if !thread.draft || random.percent(50) {
            let by = random.pick(roster.reviewers).id
            let earliest = max(thread.date, asOf.adding(days: -729))
            var reviewed = earliest.adding(days: random.below(asOf.number - earliest.number + 1))
            if earliest.number == asOf.number - 729 && random.percent(10) { reviewed = earliest.adding(days: random.below(25)) }
            if overdueReviews && age > 800 && random.percent(8) { reviewed = thread.date.adding(days: random.below(age - 760)) }
            thread.review = CorpusThread.Review(by: by, date: reviewed)
        }

        if !thread.draft {
            if recentSlugs.count < Self.recentCapacity { recentSlugs.append(thread.urlSlug) } else { recentSlugs[recentNext] = thread.urlSlug }
            recentNext = (recentNext + 1) % Self.recentCapacity
        }
        return thread
    }

    /// "Why do I Avoid CBT?" -> "Why do I avoid CBT?": APA's sentence case, keeping "I" and acronyms.
    static func sentenceCase(_ title: String) -> String {
        let words = title.split(separator: " ", omittingEmptySubsequences: false)
        return words.enumerated().map { offset, word in
            let letters = word.filter(\.isLetter)
            if offset == 0 || word == "I" || word.hasPrefix("I'") || (letters.count > 1 && letters.allSatisfy(\.isUppercase)) { return String(word) }
            return word.lowercased()
        }.joined(separator: " ")
    }

    static func attachments(random: inout SplitMix64, thread: CorpusThread) -> [CorpusThread.Attachment] {
        var files: [CorpusThread.Attachment] = []
        if random.percent(60) {
            let bars = (0..<7).map { day in
                "<rect x=\"\(10 + day * 40)\" y=\"\(110 - random.int(20...90))\" width=\"30\" height=\"100\" fill=\"#6a9fb5\"/>"
            }.joined(separator: "\n")
            files.append(.init(name: "my-week.svg", text: """
                <svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" viewBox="0 0 300 120">
                <title>Hours slept, \(thread.date.iso)</title>
                \(bars)
                </svg>

                """))
        }
        if files.isEmpty || random.percent(50) {
            let rows = (1...random.int(3...10)).map { "\(thread.date.adding(days: $0).iso),\(random.int(3...9)),\(random.int(1...10))" }
            files.append(.init(name: "mood-diary.csv", text: "date,hours_slept,mood\n" + rows.joined(separator: "\n") + "\n"))
        }
        return files
    }
}
