@testable import QandaKit

/// A tiny site with every optional field set, and enough of everything that each list, pager and optional value
/// of every page is present.
enum SampleSite {
    static func make() -> Site {
        var config = SiteConfig(title: "Sample", baseURL: "https://example.org/", publisher: "Sample")
        config.description = "Sample"
        config.pageSize = 1
        config.answersPerPage = 1
        let date = ContentDate.parse("2020-01-02")!
        let location = SourceLocation(file: "sample")
        let author = Author(id: "a", name: "A B", given: "A", family: "B", suffix: "Jr.", kind: .person, isReviewer: true,
                            credentials: "PhD", role: "Role", affiliation: "Place", orcid: "0000-0002-1825-0097",
                            url: "https://example.org/", photo: "a.jpg", bioHTML: "<p>Bio</p>", source: location)
        var answer = Answer(id: "x", authorID: "a", date: date, updated: date, votes: 1, isAccepted: true, isDraft: false,
                            bodyHTML: "<p>Answer</p>", plainText: "Answer", source: location)
        answer.attribution = Attribution(url: "https://example.com/a/1", license: "CC BY-SA 4.0",
                                         licenseURL: "https://creativecommons.org/licenses/by-sa/4.0/")
        var second = answer
        second.id = "y"
        second.page = 2
        let question = Question(title: "Q", date: date, updated: date, review: Review(reviewerID: "a", date: date),
                                askedBy: "Someone", category: "C", tags: ["t"], votes: 1, aliases: ["/old/"],
                                description: "D", citationTitle: "Q", genre: .webpage, isDraft: false,
                                bodyHTML: "<p>Q</p>", summary: "Q", plainText: "Q", source: location,
                                attribution: Attribution(url: "https://example.com/q/1", license: "MIT", licenseURL: "https://opensource.org/license/mit"))
        var threads = [QuestionThread(folder: "q", slug: "q", question: question, answers: [answer, second], attachments: []),
                       QuestionThread(folder: "r", slug: "r", question: question, answers: [answer], attachments: [])]
        // A withdrawn answer on the first page of q, and a withdrawn thread.
        var withdrawnAnswer = answer
        withdrawnAnswer.id = "z"
        withdrawnAnswer.withdrawal = Withdrawal(date: date, reason: "Out of date.")
        threads[0].withdrawnAnswers = [withdrawnAnswer]
        var gone = QuestionThread(folder: "gone", slug: "gone", question: question, answers: [], attachments: [])
        gone.question.withdrawal = Withdrawal(date: date, reason: "Out of date.")
        let page = FreePage(slug: "about", title: "About", description: "D", date: date, updated: date, isDraft: false,
                        bodyHTML: "<p>About</p>", source: location)
        var site = Site(config: config, rootPath: "", threads: threads, authors: [author], pages: [page],
                        categories: SiteLinker.taxonomies(threads, names: { [$0.question.category] }),
                        tags: SiteLinker.taxonomies(threads, names: { $0.question.tags }), assets: [])
        site.withdrawnThreads = [gone]
        return site
    }
}
