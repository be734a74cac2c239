import Foundation

extension CitationRecord {
    /// The whole question page. An "Ask the Therapist" page (`webpage`) is written by the authors of its answers,
    /// in the order the page shows them (the publisher when it has none). A forum thread (`forum-post`) is its
    /// poster's post: APA cites it by the screen name in `asked_by`, and by nobody (title first) without one.
    package static func page(_ thread: QuestionThread, site: Site, retrieved: ContentDate?) -> CitationRecord {
        let authors: [Contributor] = switch thread.question.genre ?? site.config.citationGenre {
        case .webpage: site.answerAuthors(of: thread).map { Contributor($0) }
        case .forumPost: thread.question.poster.map { [.screenName($0)] } ?? []
        }
        return make(thread, site: site, kind: .page, authors: authors, date: thread.question.updated ?? thread.question.date,
                    originalDate: thread.question.date, url: Routes(config: site.config).absolute(Routes.question(thread.slug)),
                    retrieved: retrieved, keySuffix: "")
    }

    /// One answer, cited on its own at its fragment URL.
    package static func answer(_ answer: Answer, in thread: QuestionThread, site: Site, retrieved: ContentDate?) -> CitationRecord {
        let authors = site.author(answer.authorID).map { [Contributor($0)] } ?? []
        let fragment = Routes.answerFragment(answer.id)
        var record = make(thread, site: site, kind: .answer, authors: authors, date: answer.updated ?? answer.date,
                          originalDate: answer.date, url: Routes(config: site.config).absolute(answer, in: thread),
                          retrieved: retrieved, keySuffix: "-" + fragment)
        if record.genre == .forumPost { record.commentExcerpt = firstWords(answer.plainText, count: 20) }
        return record
    }

    private static func make(_ thread: QuestionThread, site: Site, kind: Kind, authors: [Contributor], date: ContentDate,
                             originalDate: ContentDate, url: String, retrieved: ContentDate?, keySuffix: String) -> CitationRecord {
        let config = site.config
        let question = thread.question
        let title = question.referenceTitle
        let genre = question.genre ?? config.citationGenre
        // A page nobody wrote is the publisher's; a post nobody signed has no author.
        let contributors = authors.isEmpty && !(genre == .forumPost && kind == .page) ? [Contributor.organization(config.publisher)] : authors
        return CitationRecord(
            kind: kind, genre: genre, authors: contributors, date: date,
            originalDate: originalDate, title: title, titleIsDerived: question.citationTitle == nil, pageTitle: question.title,
            siteName: config.publisher, url: url, retrieved: retrieved, language: config.language,
            key: citationKey(contributors.first, date: date, title: title) + keySuffix)
    }

    /// `randle2018pursuing`: first author's family name, year, first word of the title that is not an article.
    static func citationKey(_ author: Contributor?, date: ContentDate?, title: String) -> String {
        let name: String = switch author {
        case .person(_, let family, _)?: family
        case .organization(let name)?: name.split(separator: " ").first.map(String.init) ?? name
        case .screenName(let name)?: name
        case nil: "anonymous"
        }
        // Not transliterated: keys readers already cite by stay as they were.
        let word = title.split(separator: " ").map { Slug.make(from: String($0), transliterating: false) }
            .first { !$0.isEmpty && !["a", "an", "the"].contains($0) } ?? ""
        let year = date.map { String($0.year) } ?? "nd"
        return Slug.make(from: name, transliterating: false).replacingOccurrences(of: "-", with: "") + year + word.replacingOccurrences(of: "-", with: "")
    }

    /// APA's "up to the first 20 words" of a post without a title.
    static func firstWords(_ text: String, count: Int) -> String {
        // Twenty words fit in a few hundred characters; reading a whole long answer would be wasted work.
        text.collapsingWhitespace(maxWords: count, maxScalars: count * 40)
    }
}

extension CitationRecord.Contributor {
    init(_ author: Author) {
        switch author.kind {
        case .organization: self = .organization(author.name)
        case .screenName: self = .screenName(author.name)
        case .person: self = .person(given: author.given, family: author.family ?? author.name, suffix: author.suffix)
        }
    }
}
