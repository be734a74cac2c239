import Foundation

/// schema.org JSON-LD for question pages and author pages, as Google documents it for Q&A pages, web pages
/// and profile pages. Pure functions of the model; compact JSON with sorted keys, so the same site always gives
/// the same bytes.
///
/// Decisions:
/// - A question page is one JSON-LD document whose `@graph` holds the page object and its `BreadcrumbList`
///   (the page points at the list through `breadcrumb: {"@id": …}`): one `<script>` element, one `@context`,
///   and the two objects are explicitly linked rather than merely side by side.
/// - `forum-post` threads are a `QAPage` whose `mainEntity` is the `Question`, with `acceptedAnswer` (the first
///   accepted answer; Google allows one) and `suggestedAnswer` (all others).
/// - `webpage` threads are a `WebPage` (`MedicalWebPage` when qanda.yml says `medical: true`) with
///   `name`/`headline`, dates, the answer authors, the publisher and `inLanguage`; its `mainEntity` is the same
///   `Question` (with its answers), because the page *is* a question answered by named experts, and the answers
///   keep their own authors, dates and fragment URLs. It is not a `QAPage`: Google reserves that for pages
///   where anyone may answer.
/// - Both carry `lastReviewed`/`reviewedBy` when the thread was reviewed.
/// - Google recommends `author` on a `Question` and `upvoteCount` on a `Question` and an `Answer`. As a forum
///   page does, an asker who gave no name (`asked_by` absent) is the Person "Anonymous" (in the site's language:
///   the name the page shows), and a post with no `votes` has `upvoteCount` 0, the count the page shows. (The reference of a forum
///   post nobody signed still has no author, as APA asks: "Anonymous" is the page's word, not the poster's.)
/// - Dates are written as the editor wrote them (a day or a timestamp with offset): both are ISO 8601.
/// - `dateCreated` and `datePublished` are both given for questions and answers (Google's Q&A documentation has
///   used each); `dateModified` only when there was an update.
/// - Texts are the plain text of the rendered body (all of it, not the summary), falling back on the summary.
/// - Breadcrumbs: the site title (not the word "Home", which would be wrong on a site in another language),
///   the category (left out when its name makes no slug, so it has no page), the question.
/// - `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so no value can close the script element
///   (`</script>`) or open a comment (`<!--`).
package enum StructuredData {
    package static let context = "https://schema.org"

    /// The JSON-LD of a question page, following the thread's citation genre. A long thread's page `number`
    /// lists the answers shown on it; `answerCount` counts them all. `anonymous` is the page's name for an asker
    /// who gave none (the translation table's `anonymous`).
    package static func questionPage(thread: QuestionThread, site: Site, number: Int = 1,
                                     anonymous: String = Question.anonymousAsker) -> String {
        var builder = Builder(site: site)
        builder.anonymous = anonymous
        let pageURL = builder.routes.absolute(Routes.paged(Routes.question(thread.slug), number))
        let breadcrumbID = pageURL + "#breadcrumb"
        var page = builder.page(thread, url: pageURL, answers: Array(thread.answers(onPage: number, perPage: site.config.answersPerPage)))
        page["breadcrumb"] = ["@id": breadcrumbID]
        var breadcrumbs = builder.breadcrumbs(thread, url: pageURL)
        breadcrumbs["@id"] = breadcrumbID
        return serialize(["@context": context, "@graph": [page, breadcrumbs]])
    }

    /// The JSON-LD of an author's page: a `ProfilePage` whose `mainEntity` is the person or organization.
    package static func authorPage(author: Author, site: Site) -> String {
        let builder = Builder(site: site)
        let url = builder.routes.absolute(Routes.author(author.id))
        var entity = builder.agent(author)
        entity["identifier"] = author.id
        if let bio = HeadMetaTags.nonBlank(PlainText.fromHTML(author.bioHTML)) { entity["description"] = bio }
        let answered = site.answersByAuthor[author.id]?.count ?? 0
        if answered > 0 {
            entity["agentInteractionStatistic"] = [
                "@type": "InteractionCounter", "interactionType": "https://schema.org/WriteAction", "userInteractionCount": answered,
            ] as [String: Any]
        }
        let page: [String: Any] = [
            "@context": context, "@type": "ProfilePage", "@id": url, "url": url, "name": author.name,
            "inLanguage": site.config.language, "mainEntity": entity,
        ]
        return serialize(page)
    }

    /// `<script type="application/ld+json">…</script>`, for the page head. The JSON writer escapes `<`, so no
    /// value can end the element early.
    package static func scriptElement(_ json: String) -> String {
        "<script type=\"application/ld+json\">" + json + "</script>"
    }

    // MARK: Serializing

    static func serialize(_ object: [String: Any]) -> String {
        JSONText.serialize(object)
    }

}

extension StructuredData {
    /// Makes the objects; every URL through `Routes.absolute`.
    struct Builder {
        let site: Site
        let config: SiteConfig
        let routes: Routes
        var anonymous = Question.anonymousAsker

        init(site: Site) {
            self.site = site
            config = site.config
            routes = Routes(config: site.config)
        }

        // MARK: Pages

        func page(_ thread: QuestionThread, url: String, answers: [Answer]) -> [String: Any] {
            let question = thread.question
            var page: [String: Any] = ["@id": url, "url": url, "name": thread.title, "inLanguage": config.language]
            switch question.genre ?? config.citationGenre {
            case .forumPost:
                page["@type"] = "QAPage"
            case .webpage:
                page["@type"] = config.isMedical ? "MedicalWebPage" : "WebPage"
                page["headline"] = thread.title
                if let description = HeadMetaTags.nonBlank(question.description) ?? HeadMetaTags.nonBlank(question.summary) {
                    page["description"] = description
                }
                page["datePublished"] = question.date.text
                page["dateModified"] = thread.lastModified.text
                let authors = HeadMetaTags.answerAuthors(thread, site: site).map(agent)
                page["author"] = authors.isEmpty ? [publisher] : authors
            }
            page["publisher"] = publisher
            page["mainEntity"] = self.question(thread, answers: answers)
            if let review = question.review {
                page["lastReviewed"] = review.date.text
                if let reviewer = site.author(review.reviewerID) { page["reviewedBy"] = agent(reviewer) }
            }
            return page
        }

        func question(_ thread: QuestionThread, answers: [Answer]) -> [String: Any] {
            let question = thread.question
            var object: [String: Any] = [
                "@type": "Question", "name": thread.title, "answerCount": thread.answers.count,
                "dateCreated": question.date.text, "datePublished": question.date.text,
            ]
            if let text = HeadMetaTags.nonBlank(question.plainText) ?? HeadMetaTags.nonBlank(question.summary) {
                object["text"] = text
            }
            if let updated = question.updated, updated != question.date { object["dateModified"] = updated.text }
            object["upvoteCount"] = question.votes ?? 0
            object["author"] = ["@type": "Person", "name": question.poster ?? anonymous]
            if let editor = question.editedBy.flatMap(site.author) { object["editor"] = agent(editor) }
            attribute(question.attribution, to: &object)
            let acceptedIndex = answers.firstIndex(where: \.isAccepted)
            if let acceptedIndex { object["acceptedAnswer"] = answer(answers[acceptedIndex], in: thread) }
            let suggested = answers.indices.filter { $0 != acceptedIndex }.map { answer(answers[$0], in: thread) }
            if !suggested.isEmpty { object["suggestedAnswer"] = suggested }
            return object
        }

        func answer(_ answer: Answer, in thread: QuestionThread) -> [String: Any] {
            var object: [String: Any] = [
                "@type": "Answer", "url": routes.absolute(answer, in: thread),
                "dateCreated": answer.date.text, "datePublished": answer.date.text,
                "text": answer.plainText,
            ]
            if let updated = answer.updated, updated != answer.date { object["dateModified"] = updated.text }
            object["upvoteCount"] = answer.votes ?? 0
            if let author = site.author(answer.authorID) { object["author"] = agent(author) }
            if let editor = answer.editedBy.flatMap(site.author) { object["editor"] = agent(editor) }
            attribute(answer.attribution, to: &object)
            return object
        }

        /// `source:`: the original post (`isBasedOn`) and its licence (its address, else its name).
        func attribute(_ attribution: Attribution?, to object: inout [String: Any]) {
            guard let attribution else { return }
            object["isBasedOn"] = attribution.url
            if let license = attribution.licenseURL ?? attribution.license { object["license"] = license }
        }

        /// Home » Category » Question.
        func breadcrumbs(_ thread: QuestionThread, url: String) -> [String: Any] {
            var crumbs: [(name: String, url: String)] = [(config.title, routes.absolute(Routes.home))]
            let categorySlug = Slug.make(from: thread.question.category)
            if !categorySlug.isEmpty {
                crumbs.append((HeadMetaTags.categoryName(thread, site: site), routes.absolute(Routes.category(categorySlug))))
            }
            crumbs.append((thread.title, url))
            return [
                "@type": "BreadcrumbList",
                "itemListElement": crumbs.enumerated().map { index, crumb -> [String: Any] in
                    ["@type": "ListItem", "position": index + 1, "name": crumb.name, "item": crumb.url]
                },
            ]
        }

        // MARK: People and organizations

        /// A Person (name without credentials; credentials as `honorificSuffix`) or an Organization, with the
        /// author's page on this site as `url` and ORCID and own website as `sameAs`.
        func agent(_ author: Author) -> [String: Any] {
            var object: [String: Any] = ["name": author.name, "url": routes.absolute(Routes.author(author.id))]
            switch author.kind {
            case .organization:
                object["@type"] = "Organization"
            case .screenName:
                object["@type"] = "Person"
            case .person:
                object["@type"] = "Person"
                if let given = HeadMetaTags.nonBlank(author.given) { object["givenName"] = given }
                if let family = HeadMetaTags.nonBlank(author.family) { object["familyName"] = family }
                if let credentials = HeadMetaTags.nonBlank(author.credentials) { object["honorificSuffix"] = credentials }
                if let role = HeadMetaTags.nonBlank(author.role) { object["jobTitle"] = role }
                if let affiliation = HeadMetaTags.nonBlank(author.affiliation) {
                    object["affiliation"] = ["@type": "Organization", "name": affiliation]
                }
            }
            if let photo = author.photo { object["image"] = routes.absolute(Routes.authorPhoto(author.id, file: photo)) }
            var sameAs: [String] = []
            if let orcid = HeadMetaTags.nonBlank(author.orcid) { sameAs.append(Self.orcidURL(orcid)) }
            if let website = HeadMetaTags.nonBlank(author.url), !sameAs.contains(website) { sameAs.append(website) }
            if !sameAs.isEmpty { object["sameAs"] = sameAs }
            return object
        }

        var publisher: [String: Any] {
            ["@type": "Organization", "name": config.publisher, "url": routes.absolute(Routes.home)]
        }

        /// "https://orcid.org/0000-0002-1825-0097", from the bare iD or either form of its URL.
        static func orcidURL(_ orcid: String) -> String {
            var id = orcid
            for prefix in ["https://orcid.org/", "http://orcid.org/"] where id.hasPrefix(prefix) { id.removeFirst(prefix.count) }
            return "https://orcid.org/" + id
        }
    }
}

/// The text of rendered HTML: tags dropped (with a space where a block ends), character references decoded,
/// white space collapsed. Linear in the input; for JSON-LD `text`, which wants all of a body, not its summary.
enum PlainText {
    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    ]
    private static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    ]

    static func fromHTML(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var text = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let end = scalars[(index + 1)...].firstIndex(of: ">") {
                let inner = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                if inner.hasPrefix("!--") {
                    index = commentEnd(scalars, from: index + 4)
                    continue
                }
                let name = inner.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
                if !inner.hasPrefix("/"), name == "script" || name == "style" {
                    index = closingTagEnd(scalars, name: name, from: end + 1)
                    continue
                }
                if blockElements.contains(name) { text.append(" ") }
                index = end + 1
            } else if scalar == "&", let (decoded, next) = characterReference(scalars, at: index) {
                text.append(contentsOf: decoded.unicodeScalars)
                index = next
            } else {
                text.append(scalar)
                index += 1
            }
        }
        return String(text).collapsingWhitespace()
    }

    /// The index after `-->`, or the end.
    private static func commentEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index + 2 < scalars.count {
            if scalars[index] == "-", scalars[index + 1] == "-", scalars[index + 2] == ">" { return index + 3 }
            index += 1
        }
        return scalars.count
    }

    /// The index after `</name…>`, or the end.
    private static func closingTagEnd(_ scalars: [Unicode.Scalar], name: String, from start: Int) -> Int {
        let needle = Array(("</" + name).unicodeScalars)
        var index = start
        while index + needle.count <= scalars.count {
            if zip(scalars[index..<(index + needle.count)], needle).allSatisfy({ String($0).lowercased() == String($1) }) {
                return scalars[(index + needle.count)...].firstIndex(of: ">").map { $0 + 1 } ?? scalars.count
            }
            index += 1
        }
        return scalars.count
    }

    /// `&amp;`, `&#39;`, `&#x2019;`: the text and the index after the `;`; nil for an unknown or unfinished one.
    private static func characterReference(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        let limit = min(scalars.count, start + 12)
        guard let semicolon = scalars[(start + 1)..<limit].firstIndex(of: ";"), semicolon > start + 1 else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<semicolon]))
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let decoded = Unicode.Scalar(value) else { return nil }
            return (String(decoded), semicolon + 1)
        }
        guard let decoded = namedReferences[body] else { return nil }
        return (decoded, semicolon + 1)
    }
}
