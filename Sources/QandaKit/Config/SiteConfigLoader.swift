import Foundation
import Yams

/// Reads qanda.yml into SiteConfig, reporting every problem with its line and column.
package enum SiteConfigLoader {
    static let fileName = "qanda.yml"
    static let topKeys = ["title", "base_url", "publisher", "language", "description", "review", "citation",
                          "medical", "page_size", "answers_per_page", "markdown", "points", "ask", "links", "languages"]
    /// The keys of the nested mappings `review:`, `citation:` and `markdown:`.
    static let reviewKeys = ["every_days", "required"]
    static let citationKeys = ["genre", "retrieved"]
    static let markdownKeys = ["unsafe_html"]
    static let pointsKeys = ["answer", "vote", "accepted"]
    static let askKeys = ["url", "label"]

    package static func load(text: String, baseURLOverride: String? = nil) -> (SiteConfig?, [Diagnostic]) {
        let file = fileName
        let mapping: Node.Mapping
        switch YAMLMappingParser.parse(text, file: file, lineOffset: 0, what: "qanda.yml") {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(nil):
            return (nil, [Diagnostic(.missingKey, file: file, line: 1, column: 1, message: "qanda.yml is empty",
                                     hint: "it needs at least title, base_url and publisher")])
        case .success(let value?): mapping = value
        }
        var fields = FrontMatterFields(mapping: mapping, allowedKeys: topKeys, file: file, lineOffset: 0)
        let title = fields.string("title", required: true, hint: "add `title: Your Site Name`")
        let publisher = fields.string("publisher", required: true, hint: "add `publisher: Your Organization` (the site name in citations)")
        var baseURL = baseURLOverride ?? fields.string("base_url", required: true, hint: "add `base_url: https://example.org/`")
        if let url = baseURL {
            if let problem = baseURLProblem(url) {
                let location = baseURLOverride == nil ? fields.valueLocation("base_url") : SourceLocation(file: "--base-url")
                fields.diagnostics.append(Diagnostic(.invalidBaseURL, at: location,
                                                     message: "base_url '\(url)' \(problem)",
                                                     hint: "write an absolute http(s) URL such as https://example.org/ or https://example.org/kb/"))
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        var config: SiteConfig?
        if let title, let publisher, let baseURL {
            config = SiteConfig(title: title, baseURL: baseURL, publisher: publisher)
            if baseURLOverride == nil { config!.baseURLLocation = fields.valueLocation("base_url") }
        }
        var language = fields.string("language")
        if let tag = language, let problem = LanguageTag.problem(tag) {
            fields.diagnostics.append(Diagnostic(.invalidValue, at: fields.valueLocation("language"),
                                                 message: "language '\(tag)' \(problem)",
                                                 hint: "write a BCP 47 language tag: a language code such as en, es or ar, optionally with a region (pt-BR) or script (zh-Hant)"))
            language = nil
        }
        let languages = languageList(&fields, language: language)
        let description = fields.string("description")
        let medical = fields.bool("medical")
        let pageSize = fields.int("page_size")
        if let pageSize, pageSize < 1 {
            fields.diagnostics.append(Diagnostic(.invalidValue, at: fields.valueLocation("page_size"),
                                                 message: "page_size must be at least 1", hint: "for example `page_size: 20`"))
        }
        let answersPerPage = fields.int("answers_per_page")
        if let answersPerPage, answersPerPage < 1 {
            fields.diagnostics.append(Diagnostic(.invalidValue, at: fields.valueLocation("answers_per_page"),
                                                 message: "answers_per_page must be at least 1", hint: "for example `answers_per_page: 50`"))
        }
        let brokenLinks = fields.brokenLinkPolicy("links")
        var everyDays: Int?, required: Bool?, genre: CitationGenre?, retrieved: Bool?, unsafe: Bool?
        if var review = fields.mapping("review", allowedKeys: reviewKeys, example: "{every_days: 730, required: true}") {
            everyDays = review.int("every_days")
            required = review.bool("required")
            if let days = everyDays, days < 1 {
                review.diagnostics.append(Diagnostic(.invalidValue, at: review.valueLocation("every_days"),
                                                     message: "review.every_days must be at least 1", hint: "for example `every_days: 730`"))
            }
            fields.diagnostics += review.diagnostics
        }
        if var citation = fields.mapping("citation", allowedKeys: citationKeys, example: "{genre: webpage}") {
            genre = citation.genre("genre")
            retrieved = citation.bool("retrieved")
            fields.diagnostics += citation.diagnostics
        }
        if var markdown = fields.mapping("markdown", allowedKeys: markdownKeys, example: "{unsafe_html: false}") {
            unsafe = markdown.bool("unsafe_html")
            fields.diagnostics += markdown.diagnostics
        }
        let points = pointsRule(&fields)
        let ask = askLink(&fields)
        if config != nil {
            config!.points = points
            config!.ask = ask
            if let language {
                config!.language = language
                config!.languageLocation = fields.valueLocation("language")
            }
            if let languages, let first = languages.first {
                config!.language = first
                config!.languages = languages
                config!.languageLocation = fields.valueLocation("languages")
            }
            config!.description = description
            if let medical { config!.isMedical = medical }
            if let pageSize, pageSize >= 1 { config!.pageSize = pageSize }
            if let answersPerPage, answersPerPage >= 1 { config!.answersPerPage = answersPerPage }
            config!.reviewEveryDays = everyDays.flatMap { $0 >= 1 ? $0 : nil }
            if let required { config!.reviewRequired = required }
            if let genre { config!.citationGenre = genre }
            if let retrieved { config!.citationRetrieved = retrieved }
            if let unsafe { config!.allowsRawHTML = unsafe }
            if let brokenLinks { config!.brokenLinks = brokenLinks }
        }
        return (fields.diagnostics.hasErrors ? nil : config, fields.diagnostics)
    }

    /// `languages: [en, es]`: every tag BCP 47, none twice; the first is the default language, and a `language:`
    /// beside it must name that same first language (one site cannot have two defaults).
    private static func languageList(_ fields: inout FrontMatterFields, language: String?) -> [String]? {
        guard let tags = fields.stringList("languages", splitsCommas: true) else { return nil }
        let location = fields.valueLocation("languages")
        let hint = "write BCP 47 language tags, the default first: `languages: [en, es]`"
        var seen: Set<String> = []
        var problems = false
        for tag in tags {
            if let problem = LanguageTag.problem(tag) {
                fields.diagnostics.append(Diagnostic(.invalidValue, at: location, message: "languages: '\(tag)' \(problem)", hint: hint))
                problems = true
            } else if !seen.insert(tag.lowercased()).inserted {
                fields.diagnostics.append(Diagnostic(.invalidValue, at: location, message: "languages: '\(tag)' is listed twice",
                                                     hint: "list each language once"))
                problems = true
            }
        }
        if tags.isEmpty {
            fields.diagnostics.append(Diagnostic(.invalidValue, at: location, message: "languages: the list is empty", hint: hint))
            return nil
        }
        if let language, let first = tags.first, language.lowercased() != first.lowercased() {
            fields.diagnostics.append(Diagnostic(.invalidValue, at: fields.valueLocation("language"),
                                                 message: "language '\(language)' is not the first of languages (\(first))",
                                                 hint: "remove `language:`: with `languages:`, the first one listed is the default"))
            problems = true
        }
        return problems ? nil : tags
    }

    /// `points: false`, or `points: {answer: 0, vote: 10, accepted: 15}` (each optional); the default rule when absent.
    private static func pointsRule(_ fields: inout FrontMatterFields) -> PointsRule? {
        guard fields.has("points") else { return PointsRule() }
        if fields.isScalar("points") { return fields.bool("points") == false ? nil : PointsRule() }
        guard var mapping = fields.mapping("points", allowedKeys: pointsKeys, example: "{vote: 10, accepted: 15, answer: 0}") else { return PointsRule() }
        var rule = PointsRule()
        for (key, path) in [("answer", \PointsRule.answer), ("vote", \PointsRule.vote), ("accepted", \PointsRule.accepted)] {
            guard let value = mapping.int(key) else { continue }
            if value < 0 || value > 1_000_000 {
                mapping.diagnostics.append(Diagnostic(.invalidValue, at: mapping.valueLocation(key),
                                                      message: "points.\(key) must be between 0 and 1,000,000, not \(value)",
                                                      hint: "for example `\(key): \(PointsRule()[keyPath: path])`"))
            } else {
                rule[keyPath: path] = value
            }
        }
        fields.diagnostics += mapping.diagnostics
        return rule
    }

    /// `ask: https://…` or `ask: {url: mailto:…, label: Ask the therapist}`.
    private static func askLink(_ fields: inout FrontMatterFields) -> AskLink? {
        guard fields.has("ask") else { return nil }
        var url: String?, label: String?, location = fields.valueLocation("ask")
        if fields.isScalar("ask") {
            url = fields.string("ask")
        } else if var mapping = fields.mapping("ask", allowedKeys: askKeys, example: "{url: https://example.org/ask, label: Ask a question}") {
            url = mapping.string("url", required: true, hint: "add `url:` under ask (a form's https address or mailto:you@example.org)")
            label = mapping.string("label")
            location = mapping.valueLocation("url")
            fields.diagnostics += mapping.diagnostics
        }
        guard let url else { return nil }
        if let problem = AskLink.problem(url) {
            fields.diagnostics.append(Diagnostic(.invalidValue, at: location, message: "ask '\(url)' \(problem)",
                                                 hint: "write a form's address such as https://example.org/ask, or mailto:questions@example.org"))
            return nil
        }
        return AskLink(url: url, label: label)
    }

    /// Why a base URL cannot be used, or nil when it is fine.
    static func baseURLProblem(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else { return "is not an absolute http(s) URL" }
        guard let host = components.host, !host.isEmpty else { return "has no host name" }
        if components.query != nil { return "has a query ('?…'); links would break" }
        if components.fragment != nil { return "has a fragment ('#…'); links would break" }
        if components.user != nil || components.password != nil { return "contains a user name or password" }
        return nil
    }
}

extension FrontMatterFields {
    mutating func genre(_ key: String) -> CitationGenre? {
        guard let text = string(key) else { return nil }
        guard let genre = CitationGenre(rawValue: text) else {
            diagnostics.append(Diagnostic(.invalidValue, at: valueLocation(key),
                                          message: "'\(keyPrefix)\(key)' must be webpage or forum-post, not '\(text)'",
                                          hint: "webpage for expert articles, forum-post for community answers"))
            return nil
        }
        return genre
    }

    mutating func brokenLinkPolicy(_ key: String) -> BrokenLinkPolicy? {
        guard let text = string(key) else { return nil }
        guard let policy = BrokenLinkPolicy(rawValue: text) else {
            let accepted = BrokenLinkPolicy.allCases.map(\.rawValue)
            diagnostics.append(Diagnostic(.invalidValue, at: valueLocation(key),
                                          message: "'\(keyPrefix)\(key)' must be \(accepted.joined(separator: " or ")), not '\(text)'",
                                          hint: "error (the default) stops the build at a broken link or missing image; warn reports it and builds"))
            return nil
        }
        return policy
    }
}
