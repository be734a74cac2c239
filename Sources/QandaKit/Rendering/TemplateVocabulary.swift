import Foundation

/// The names each layout's context provides, learned by building every context for a small built-in sample
/// site that has every optional field filled, so the list can never fall behind the code that makes contexts.
enum TemplateVocabulary {
    static let namesByLayout: [String: Set<String>] = {
        var site = SampleSite.make()
        site.config.citationRetrieved = true
        let builder = ContextBuilder(site: site, today: ContentDate.parse("2020-01-03")!)
        let contexts: [String: [TemplateContext]] = [
            "home": [builder.homePage()],
            "question": [builder.questionPage(0)],
            "list": [builder.listPage(kind: .allQuestions, number: 1), builder.listPage(kind: .category(0), number: 2),
                     builder.listPage(kind: .tag(0), number: 1)],
            "terms": [builder.termsPage(categories: true), builder.termsPage(categories: false)],
            "authors": [builder.authorsPage()],
            "author": [builder.authorPage(0, number: 1), builder.authorPage(0, number: 2)],
            "page": [builder.freePage(0)],
            "alias": [builder.aliasPage(threadIndex: 0)],
            "search": [builder.searchPage(links: SearchLinks(rootURL: "/search/index/root.0.json", scriptURL: "/search/qanda-search.0.js"))],
            "404": [builder.notFoundPage()],
        ]
        return contexts.mapValues { $0.reduce(into: Set<String>()) { collectKeys($1, into: &$0) } }
    }()

    static let allNames: Set<String> = namesByLayout.values.reduce(into: Set<String>()) { $0.formUnion($1) }

    private static func collectKeys(_ value: Any, into names: inout Set<String>) {
        if let dictionary = value as? TemplateContext {
            for (key, child) in dictionary {
                names.insert(key)
                collectKeys(child, into: &names)
            }
        } else if let array = value as? [TemplateContext] {
            for element in array { collectKeys(element, into: &names) }
        }
    }

    /// Unknown variables and partials in the editor's templates. Built-in templates are held to the same rule by tests.
    static func check(overrides: [String], sources: [String: String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in overrides {
            guard let source = sources[name], let references = MustacheNames.references(in: source) else { continue }
            let file = "\(TemplateSet.folderName)/\(name).mustache"
            let known = namesByLayout[name] ?? allNames
            var reported: Set<String> = []
            for reference in references {
                switch reference.kind {
                case .partial where sources[reference.name] == nil:
                    diagnostics.append(Diagnostic(.unknownPartial, file: file, line: reference.line, column: reference.column,
                                                  message: "template '\(reference.name)' does not exist",
                                                  hint: "built-in templates: \(DefaultTheme.templates.keys.sorted().joined(separator: ", "))"))
                case .value where !known.contains(reference.name) && reported.insert(reference.name).inserted:
                    let suggestion = Suggestion.closest(to: reference.name, in: known.sorted())
                    let scope = namesByLayout[name] == nil ? "any page" : "the \(name) page"
                    diagnostics.append(Diagnostic(
                        .unknownTemplateVariable, file: file, line: reference.line, column: reference.column,
                        message: "'\(reference.name)' is not a value \(scope) has" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                        hint: "it would print nothing; the README lists each page's values"))
                default:
                    break
                }
            }
        }
        return diagnostics
    }
}

/// A tiny site with every optional field set, used to learn the template vocabulary.
enum SampleSite {
    static func make() -> Site {
        var config = SiteConfig(title: "Sample", baseURL: "https://example.org/", publisher: "Sample")
        config.description = "Sample"
        config.pageSize = 1
        let date = ContentDate.parse("2020-01-02")!
        let location = SourceLocation(file: "sample")
        let author = Author(id: "a", name: "A B", given: "A", family: "B", suffix: "Jr.", kind: .person, isReviewer: true,
                            credentials: "PhD", role: "Role", affiliation: "Place", orcid: "0000-0002-1825-0097",
                            url: "https://example.org/", photo: "a.jpg", bioHTML: "<p>Bio</p>", source: location)
        let answer = Answer(id: "x", authorID: "a", date: date, updated: date, votes: 1, isAccepted: true, isDraft: false,
                            bodyHTML: "<p>Answer</p>", plainText: "Answer", source: location)
        let question = Question(title: "Q", date: date, updated: date, review: Review(reviewerID: "a", date: date),
                                askedBy: "Someone", category: "C", tags: ["t"], votes: 1, aliases: ["/old/"],
                                description: "D", citationTitle: "Q", genre: .webpage, isDraft: false, 
                                bodyHTML: "<p>Q</p>", summary: "Q", plainText: "Q", source: location)
        let threads = [Thread(folder: "q", slug: "q", question: question, answers: [answer, answer], attachments: []),
                       Thread(folder: "r", slug: "r", question: question, answers: [answer], attachments: [])]
        let page = Page(slug: "about", title: "About", description: "D", date: date, updated: date, isDraft: false,
                        bodyHTML: "<p>About</p>", source: location)
        return Site(config: config, rootPath: "", threads: threads, authors: [author], pages: [page],
                    categories: SiteLinker.taxonomies(threads, names: { [$0.question.category] }),
                    tags: SiteLinker.taxonomies(threads, names: { $0.question.tags }), assets: [])
    }
}
