import Foundation

/// Resolves ids across files (answer authors, reviewers), finds collisions between URLs, leaves drafts out,
/// and orders everything, producing the `Site` that rendering reads.
struct SiteLinker {
    let config: SiteConfig
    let options: SiteLoader.Options
    var diagnostics: [Diagnostic] = []

    init(config: SiteConfig, options: SiteLoader.Options) {
        self.config = config
        self.options = options
    }

    mutating func link(threads loaded: [ThreadLoader.Loaded], authors unsortedAuthors: [Author], pages unsortedPages: [FreePage],
                       assets: [String], rootPath: String) async -> Site {
        // Passes over every thread that do not need each other's results run side by side.
        async let aliasDiagnostics = Self.checkAliases(loaded, pages: unsortedPages)
        let unsortedAuthors = attachTranslations(unsortedAuthors)
        let authorsByID = Dictionary(unsortedAuthors.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let today = ContentDate.today(options.now)
        var threads: [QuestionThread] = []
        var withdrawn: [QuestionThread] = []
        var slugOwners: [String: SlugOwner] = [:]
        slugOwners.reserveCapacity(loaded.count)
        for item in loaded {
            var thread = item.thread
            checkReferences(item, authorsByID: authorsByID, today: today)
            if !thread.translations.isEmpty { checkTranslationLanguages(&thread) }
            if let owner = slugOwners[thread.slug] {
                diagnostics.append(Self.duplicateSlug(thread.slug, SlugOwner(thread.question), owner))
                continue
            }
            slugOwners[thread.slug] = SlugOwner(thread.question)
            if thread.isDraft && !options.includeDrafts { continue }
            if today < thread.question.date && !thread.isDraft {
                diagnostics.append(Diagnostic(.futureDate, .warning, at: thread.question.location(of: "date"),
                                              message: "'date' (\(thread.question.date)) is in the future: the thread is left out until then",
                                              hint: options.includeFuture ? nil : "build with --future to include it now, or mark it `draft: true`"))
                if !options.includeFuture { continue }
            }
            // Its URL shows a notice; its answers are published nowhere.
            if thread.isWithdrawn {
                withdrawn.append(thread)
                continue
            }
            // Written only when different: a write copies the thread's answers (shared with the loaded sources).
            if !options.includeDrafts && thread.answers.contains(where: \.isDraft) { thread.answers.removeAll(where: \.isDraft) }
            if thread.answers.contains(where: \.isWithdrawn) {
                thread.withdrawnAnswers = thread.answers.filter(\.isWithdrawn)
                thread.answers.removeAll(where: \.isWithdrawn)
            }
            for index in thread.answers.indices where thread.answers[index].page != index / config.answersPerPage + 1 {
                thread.answers[index].page = index / config.answersPerPage + 1
            }
            Self.placeWithdrawnAnswers(&thread, perPage: config.answersPerPage)
            threads.append(thread)
        }
        // Newest first, then by slug; each date's key worked out once rather than at every comparison.
        let order = threads.indices.map { (threads[$0].question.date.sortKey, $0) }.sorted { a, b in
            a.0 != b.0 ? a.0 > b.0 : threads[a.1].slug < threads[b.1].slug
        }
        threads = order.map { threads[$0.1] }
        let authors = unsortedAuthors.sorted { a, b in
            let x = (a.family ?? a.name).lowercased(), y = (b.family ?? b.name).lowercased()
            return x != y ? x < y : a.id < b.id
        }
        let pages = unsortedPages.filter { !$0.isDraft || options.includeDrafts }.sorted { $0.slug < $1.slug }
        let ordered = threads
        async let categories = Self.taxonomies(ordered, names: { [$0.question.category] })
        async let tags = Self.taxonomies(ordered, names: { $0.question.tags })
        var site = Site(config: config, rootPath: rootPath, threads: threads, authors: authors, pages: pages,
                        categories: [], tags: [], assets: assets)
        (site.categories, site.tags) = await (categories, tags)
        site.withdrawnThreads = withdrawn.sorted { $0.slug < $1.slug }
        diagnostics += await aliasDiagnostics
        return site
    }

    /// Author translations (`<id>.<language>.md`) join their author, under the language as qanda.yml spells it: one
    /// per language, of an author that exists, in a language the site lists after the default.
    private mutating func attachTranslations(_ loaded: [Author]) -> [Author] {
        let translations = loaded.filter { $0.language != nil }.sorted { $0.source.file < $1.source.file }
        guard !translations.isEmpty else { return loaded }
        var authors = loaded.filter { $0.language == nil }
        let position = Dictionary(authors.indices.map { (authors[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
        let listed = Dictionary(config.extraLanguages.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        for translation in translations {
            let file = translation.source.file, language = translation.language!
            guard let index = position[translation.id] else {
                let suggestion = Suggestion.closest(to: translation.id, in: authors.map(\.id))
                diagnostics.append(Diagnostic(.orphanTranslation, file: file, line: 1, column: 1,
                                              message: "translation of author '\(translation.id)', but there is no Content/authors/\(translation.id).md"
                                                  + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                                              hint: "name it after the author it translates (<id>.\(language).md), or delete it"))
                continue
            }
            guard let tag = listed[language.lowercased()] else {
                diagnostics.append(Diagnostic(.unlistedLanguage, file: file, line: 1, column: 1,
                                              message: "a translation into '\(language)', which qanda.yml does not list after the default language",
                                              hint: "add it to qanda.yml: `languages: [\(config.languages.joined(separator: ", ")), \(language)]`, or rename the file"))
                continue
            }
            if let other = authors[index].translations[tag] {
                diagnostics.append(Diagnostic(.duplicateTranslation, file: file, line: 1, column: 1,
                                              message: "a second translation of author '\(translation.id)' into '\(tag)' (also \(other.source.file))",
                                              hint: "keep one file per language and delete the other"))
                continue
            }
            authors[index].translations[tag] = translation
        }
        return authors
    }

    /// Each translation's language must be one `languages:` lists after the default (the original is in the
    /// default language); its tag is then spelled as qanda.yml spells it.
    private mutating func checkTranslationLanguages(_ thread: inout QuestionThread) {
        let listed = Dictionary(config.extraLanguages.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var kept: [ThreadTranslation] = []
        for var translation in thread.translations {
            let files = [translation.question.source.file] + translation.answers.values.map(\.source.file).sorted()
            guard let tag = listed[translation.language.lowercased()] else {
                let isDefault = translation.language.lowercased() == config.language.lowercased()
                for file in files {
                    diagnostics.append(Diagnostic(
                        .unlistedLanguage, file: file, line: 1, column: 1,
                        message: isDefault
                            ? "a translation into '\(translation.language)', the site's default language, which the original is written in"
                            : "a translation into '\(translation.language)', which qanda.yml does not list",
                        hint: isDefault ? "edit the original instead, and delete this file"
                            : "add it to qanda.yml: `languages: [\(config.languages.joined(separator: ", ")), \(translation.language)]`, or rename the file"))
                }
                continue
            }
            translation.language = tag
            kept.append(translation)
        }
        thread.translations = kept
    }

    /// Which file holds a slug, and where its `slug:` value is written (nil when the slug is the folder name).
    private struct SlugOwner {
        var file: String
        var slugLocation: SourceLocation?
        init(_ question: Question) {
            file = question.source.file
            slugLocation = question.locations["slug"]
        }
    }

    /// Two threads with one slug, reported where a `slug:` line makes them collide (two folders never share a name,
    /// so at least one of them has it), naming the other file. Either may come first in folder order.
    private static func duplicateSlug(_ slug: String, _ later: SlugOwner, _ earlier: SlugOwner) -> Diagnostic {
        let (here, other) = later.slugLocation != nil || earlier.slugLocation == nil ? (later, earlier) : (earlier, later)
        let otherHow = other.slugLocation != nil ? "its `slug:` too" : "its folder name"
        return Diagnostic(.duplicateSlug, at: here.slugLocation ?? SourceLocation(file: here.file, line: 1, column: 1),
                          message: "slug '\(slug)' is already used by \(other.file) (\(otherHow))",
                          hint: "change this `slug:` (or remove it to use the folder name), so that each thread has its own URL")
    }

    /// A withdrawn answer's notice stands where the answer stood in contract order: on the page that shows the
    /// answers around it.
    static func placeWithdrawnAnswers(_ thread: inout QuestionThread, perPage: Int) {
        let lastPage = max(1, (thread.answers.count + perPage - 1) / perPage)
        for index in thread.withdrawnAnswers.indices {
            let before = thread.answers.firstIndex { Answer.contractOrder(thread.withdrawnAnswers[index], $0) } ?? thread.answers.count
            let page = min(lastPage, before / perPage + 1)
            if thread.withdrawnAnswers[index].page != page { thread.withdrawnAnswers[index].page = page }
        }
    }

    /// Existence of ids is checked while loading; here, what needs the loaded author: may they review?
    private mutating func checkReferences(_ item: ThreadLoader.Loaded, authorsByID: [String: Author], today: ContentDate) {
        guard let review = item.thread.question.review else { return }
        let location = item.reviewerLocation ?? item.thread.question.source
        if let reviewer = authorsByID[review.reviewerID], !reviewer.mayReview {
            diagnostics.append(Diagnostic(.reviewerNotAllowed, at: location,
                                          message: "'\(review.reviewerID)' is not a reviewer",
                                          hint: "add `reviewer: true` to Content/authors/\(review.reviewerID).md, or name an organization"))
        }
        if today < review.date {
            diagnostics.append(Diagnostic(.dateOrder, at: item.thread.question.locations["reviewed.date"] ?? location,
                                          message: "'reviewed.date' (\(review.date)) is in the future",
                                          hint: "write the day the review actually happened"))
        }
    }

    /// Aliases become folders of the output: they must not take a page's URL or another alias.
    private static func checkAliases(_ loaded: [ThreadLoader.Loaded], pages: [FreePage]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var taken: [String: String] = [:]
        taken.reserveCapacity(loaded.count + pages.count + Routes.reservedTopLevelNames.count)
        for item in loaded { taken["questions/\(item.thread.slug)"] = item.thread.question.source.file }
        for page in pages { taken[page.slug] = page.source.file }
        for name in Routes.reservedTopLevelNames { taken[name] = "the site itself" }
        for item in loaded {
            for alias in item.thread.question.aliases {
                guard let segments = Slug.aliasSegments(alias) else { continue }
                let key = segments.joined(separator: "/")
                let isReservedPrefix = segments.count > 1 && ["authors", "categories", "tags"].contains(segments[0])
                if let owner = taken[key] ?? (isReservedPrefix ? "the site's \(segments[0]) pages" : nil) {
                    diagnostics.append(Diagnostic(.aliasCollision, at: item.aliasLocation,
                                                  message: "alias '\(alias)' collides with \(owner)",
                                                  hint: "choose an old URL that no page or other alias uses"))
                } else {
                    taken[key] = "an alias in \(item.thread.question.source.file)"
                }
            }
        }
        return diagnostics
    }

    /// Groups threads by names slugged the same way ("Sleep" and "sleep" are one category), named after the
    /// first spelling in sorted order, and sorted by name.
    static func taxonomies(_ threads: [QuestionThread], names: (QuestionThread) -> [String]) -> [Taxonomy] {
        var list: [Taxonomy] = []
        var positionOfSlug: [String: Int] = [:]
        var positionOfName: [String: Int] = [:]  // a few names, each slugged once; -1 for a name with no slug
        for index in threads.indices {
            for name in names(threads[index]) {
                let position: Int
                if let known = positionOfName[name] {
                    position = known
                } else {
                    let slug = Slug.make(from: name)
                    if slug.isEmpty {
                        position = -1
                    } else if let existing = positionOfSlug[slug] {
                        position = existing
                        if name < list[position].name { list[position].name = name }
                    } else {
                        position = list.count
                        positionOfSlug[slug] = position
                        list.append(Taxonomy(name: name, slug: slug, threadIndexes: []))
                    }
                    positionOfName[name] = position
                }
                // Once per thread, however many of its names slug alike ("Sleep" and "sleep").
                if position >= 0 && list[position].threadIndexes.last != index { list[position].threadIndexes.append(index) }
            }
        }
        return list.sorted { $0.name.lowercased() != $1.name.lowercased() ? $0.name.lowercased() < $1.name.lowercased() : $0.slug < $1.slug }
    }
}

