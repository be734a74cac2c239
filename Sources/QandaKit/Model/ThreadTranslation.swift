/// A thread in another language: `question.<tag>.md` and `<answer>.<tag>.md` beside the originals. Only the
/// words are translated; everything else (slug, category, tags, authors, votes, order) is the original's.
package struct ThreadTranslation: Sendable {
    /// The tag as the file name writes it (`es`, `pt-BR`).
    package var language: String
    /// The translated question (answers cannot be translated without it: see ThreadLoader).
    package var question: Part
    /// Translated answers by the original answer's id.
    package var answers: [String: Part]

    /// One translated file.
    package struct Part: Sendable {
        package var title: String?
        package var description: String?
        /// `date:`: the day the translation was made or last brought in step with its original.
        package var date: ContentDate
        @LazyText package var bodyHTML: String
        package var summary: String
        @LazyText package var plainText: String
        /// Where `date:` is written: what findings about the translation point at.
        package var source: SourceLocation
        /// Its links and images, checked like the original's (`LinkRules`), against every language's pages.
        package var links: [BodyLink] = []

        package init(title: String?, description: String?, date: ContentDate, bodyHTML: String, summary: String,
                     plainText: String, source: SourceLocation) {
            self.title = title
            self.description = description
            self.date = date
            self.bodyHTML = bodyHTML
            self.summary = summary
            self.plainText = plainText
            self.source = source
        }
    }

    /// The thread as readers of this language see it: the translated question, and the answers that have a
    /// translation (an answer not translated yet is left out rather than shown in another language).
    package func apply(to thread: QuestionThread, answersPerPage: Int) -> QuestionThread {
        var translated = thread
        var questionValue = thread.question
        if let title = question.title {
            questionValue.title = title
            questionValue.sentenceCaseTitle = questionValue.citationTitle == nil ? SentenceCase.convert(title) : nil
            questionValue.citationTitle = nil
        }
        questionValue.description = question.description
        questionValue.bodyHTML = question.bodyHTML
        questionValue.summary = question.summary
        questionValue.plainText = question.plainText
        questionValue.source = question.source
        questionValue.links = question.links
        translated.question = questionValue
        translated.answers = thread.answers.compactMap { answer in
            guard let part = answers[answer.id] else { return nil }
            var value = answer
            value.bodyHTML = part.bodyHTML
            value.plainText = part.plainText
            value.source = part.source
            value.links = part.links
            return value
        }
        for index in translated.answers.indices { translated.answers[index].page = index / max(1, answersPerPage) + 1 }
        translated.withdrawnAnswers = []
        translated.translations = []
        return translated
    }
}
