/// The Markdown of questions and answers: sentences from `Vocabulary`, with the Markdown a real site has
/// (lists, emphasis, tables, footnotes, quotes, headings, links to other threads and to attachments), short
/// and long.
struct BodyComposer {
    var category: Vocabulary.Category
    var phrase: Phrase

    /// `count` different sentences of the pool (fewer when it is smaller), filled in.
    mutating func sentences(_ pool: [String], count: Int) -> String {
        phrase.random.sample(pool, count: count).map { phrase.fill($0, category: category) }.joined(separator: " ")
    }

    /// Paragraphs of 2 to 4 sentences from the pool, no sentence twice until the pool is used up.
    mutating func paragraphs(_ pool: [String], count: Int) -> [String] {
        var deck: [String] = []
        return (0..<count).map { _ in
            (0..<phrase.random.int(2...4)).map { _ in
                if deck.isEmpty { deck = phrase.random.sample(pool, count: pool.count) }
                return phrase.fill(deck.removeLast(), category: category)
            }.joined(separator: " ")
        }
    }

    /// The question: an opening, the middle, what was tried, a closing question.
    mutating func question(links: [String], attachments: [CorpusThread.Attachment]) -> String {
        if phrase.random.percent(8) {   // a one-line question
            return sentences(Vocabulary.questionOpenings, count: 1) + " " + sentences(Vocabulary.questionClosings, count: 1) + "\n"
        }
        let long = phrase.random.percent(5)
        var blocks = paragraphs(Vocabulary.questionMiddles, count: long ? phrase.random.int(6...14) : phrase.random.int(1...3))
        blocks[0] = sentences(Vocabulary.questionOpenings, count: 1) + " " + blocks[0]
        if phrase.random.percent(35) {
            blocks.append("Things I've already tried:\n\n" + phrase.random.sample(category.helps, count: phrase.random.int(2...4)).map {
                "- " + $0.capitalizedFirst
            }.joined(separator: "\n"))
        }
        if phrase.random.percent(10) {
            blocks.append("> " + phrase.random.pick(Vocabulary.quotes) + "\n\nThat's what my \(phrase.random.pick(Vocabulary.people)) keeps telling me.")
        }
        if phrase.random.percent(6) { blocks.append(sleepLog()) }
        if !links.isEmpty && phrase.random.percent(15) {
            blocks.append("I read [this earlier thread](/questions/\(phrase.random.pick(links))/), but my situation feels different.")
        }
        for attachment in attachments {
            blocks.append(attachment.name.hasSuffix(".svg")
                ? "![What my week looks like](\(attachment.name))"
                : "I've attached [\(attachment.name)](\(attachment.name)) in case it helps.")
        }
        if phrase.random.percent(5) { blocks.append("**Edit:** thank you all for the kind replies — I've booked an appointment. 🙏") }
        blocks.append(sentences(Vocabulary.questionClosings, count: 1))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// A clinician's answer: sometimes a few lines, sometimes an article with headings, a numbered plan, a table
    /// and footnotes.
    mutating func expertAnswer(signature: String, links: [String], authorLinks: [String]) -> String {
        var blocks = [sentences(Vocabulary.expertOpenings, count: 1) + " " + sentences(Vocabulary.expertExplanations, count: phrase.random.int(1...2))]
        let long = phrase.random.percent(6)
        let sections = long ? phrase.random.int(4...10) : phrase.random.int(0...2)
        var footnotes: [String] = []
        for (section, text) in paragraphs(Vocabulary.expertExplanations + Vocabulary.expertSuggestions, count: sections).enumerated() {
            if long || phrase.random.percent(25) { blocks.append("### " + Vocabulary.headings[section % Vocabulary.headings.count]) }
            var paragraph = text
            if footnotes.count < 3 && phrase.random.percent(20) {
                footnotes.append(phrase.random.pick(Vocabulary.footnotes))
                paragraph += "[^\(footnotes.count)]"
            }
            blocks.append(paragraph)
        }
        blocks.append(sentences(Vocabulary.expertSuggestions, count: 1))
        if phrase.random.percent(25) {
            blocks.append("A plan for the next two weeks:\n\n" + phrase.random.sample(category.helps, count: phrase.random.int(3...5))
                .enumerated().map { "\($0.offset + 1). " + $0.element.capitalizedFirst + "." }.joined(separator: "\n"))
        }
        if phrase.random.percent(5) { blocks.append(sleepLog()) }
        if !links.isEmpty && phrase.random.percent(15) {
            blocks.append("There is more on this in [a related question](/questions/\(phrase.random.pick(links))/).")
        }
        if !authorLinks.isEmpty && phrase.random.percent(5) {
            blocks.append("My colleague [wrote about this too](/authors/\(phrase.random.pick(authorLinks))/).")
        }
        if phrase.random.percent(8) {
            blocks.append("The [NHS-style self-help guides](https://selfhelp.example.org/\(Phrase.slug(phrase.topic))) are a good, free place to start.")
        }
        if phrase.random.percent(6) { blocks.append("You can also read our [editorial policy](/pages/editorial-policy/) to see how answers are checked.") }
        blocks.append(sentences(Vocabulary.expertClosings, count: 1) + "\n\n— " + signature)
        for (number, note) in footnotes.enumerated() { blocks.append("[^\(number + 1)]: \(note)") }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// A reply from the community: usually one or two lines.
    mutating func communityAnswer(links: [String]) -> String {
        var text = sentences(Vocabulary.communityReplies, count: phrase.random.weighted([60, 30, 10]) + 1)
        if !links.isEmpty && phrase.random.percent(8) {
            text += "\n\nThis [other thread](/questions/\(phrase.random.pick(links))/) helped me too."
        }
        return text + "\n"
    }

    /// Text in another language: a few of its sentences, in one to three paragraphs.
    mutating func foreign(_ language: Vocabulary.ForeignLanguage) -> String {
        (0..<phrase.random.int(1...3)).map { _ in
            (0..<phrase.random.int(1...3)).map { _ in phrase.random.pick(language.sentences) }.joined(separator: language.code == "ja" || language.code == "zh" ? "" : " ")
        }.joined(separator: "\n\n") + "\n"
    }

    /// A GitHub-flavoured table.
    mutating func sleepLog() -> String {
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let rows = days.prefix(phrase.random.int(3...7)).map { day in
            "| \(day) | \(phrase.random.int(3...9)) h | \(phrase.random.int(0...5)) | \(phrase.random.pick(["😴", "😐", "🙂", "😣"])) |"
        }
        return (["| Night | Slept | Woke up | Mood |", "|---|---:|---:|:---:|"] + rows).joined(separator: "\n")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
