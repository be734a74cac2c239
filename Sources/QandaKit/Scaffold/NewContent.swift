import Foundation
import Yams

/// `qanda new question|answer|author|page`: the next file of a site, dated today, with the keys the contract
/// requires, at a name nothing has yet. Each function plans one file and writes nothing; `ScaffoldWriter.create`
/// writes it.
package enum NewContent {
    /// The body sentences a new question, answer and page start with: a published file that still holds one is
    /// an error (`placeholder-text`), in build and check alike.
    package static let placeholders = ["The question, in Markdown.", "The answer, in Markdown.", "The page, in Markdown."]

    /// The category a new question gets when none is given and the site has none yet.
    package static let fallbackCategory = "General"

    // MARK: - Questions

    /// Content/questions/<slug>/question.md for a new thread. The slug is made from the title (`Slug.make`:
    /// lowercase ASCII, accents folded, other scripts transliterated) and numbered (`-2`, `-3`, …) when a thread
    /// folder or a `slug:` already has it.
    /// - Parameter slug: the slug to use instead; it must be a valid segment that no thread has. Needed when the
    ///   title makes none (only emoji or punctuation, or a script with no transliteration): that is an error
    ///   (`noSlug`), not a made-up `question-2`.
    /// - Parameter category: nil for the site's first category (as its category list orders them), else "General".
    /// - Parameter publish: start published rather than as a draft. When qanda.yml sets `review.required`, the
    ///   question starts as a draft all the same, so that `qanda check` keeps passing until it is reviewed.
    package static func question(title: String, slug chosenSlug: String? = nil, category: String? = nil, siteFolder: String,
                                 today: ContentDate, publish: Bool = false) throws -> ScaffoldFile {
        try requireSite(siteFolder)
        let title = oneLine(title)
        guard !title.isEmpty else { throw ScaffoldError.emptyTitle }
        let existing = existingThreads(siteFolder: siteFolder)
        let chosenCategory = category.map(oneLine).flatMap { $0.isEmpty ? nil : $0 }
            ?? firstCategory(existing.categories) ?? fallbackCategory
        let taken = existing.slugs
        let isTaken = { (name: String) in taken.contains(name) || exists(siteFolder + "/Content/questions/" + name) }
        let slug: String
        if let chosenSlug {
            guard Slug.isValidSegment(chosenSlug) else {
                let suggestion = Slug.make(from: chosenSlug)
                throw ScaffoldError.invalidID(chosenSlug, kind: "a question's slug", suggestion: suggestion.isEmpty ? nil : suggestion)
            }
            // Chosen by hand, so not numbered: `-2` would not be what was asked for.
            guard !isTaken(chosenSlug) else { throw ScaffoldError.slugTaken(chosenSlug, suggestion: uniqueName(chosenSlug, isTaken: isTaken)) }
            slug = chosenSlug
        } else {
            let base = Slug.make(from: title)
            guard !base.isEmpty else { throw ScaffoldError.noSlug(title: title) }
            slug = uniqueName(base, isTaken: isTaken)
        }
        return ScaffoldFile(path: "Content/questions/\(slug)/question.md",
                            contents: questionText(title: title, category: chosenCategory, today: today,
                                                   draft: reviewRequired(siteFolder: siteFolder) ? .reviewRequired : publish ? nil : .new))
    }

    /// What `new question` says on stderr when it transliterated the title to make the slug, so that the editor
    /// looks at the URL before it is published; nil for titles that fold to ASCII. Kanji among kana are named:
    /// ICU reads them as Chinese (pinyin), so a Japanese title's slug may read oddly.
    package static func slugNote(title: String, folder: String) -> String? {
        guard Slug.needsTransliteration(title) else { return nil }
        let scalars = oneLine(title).unicodeScalars
        let isKana = { (scalar: Unicode.Scalar) in (0x3040...0x30FF).contains(scalar.value) }
        let isHan = { (scalar: Unicode.Scalar) in
            (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
        }
        let kanji = scalars.contains(where: isKana) && scalars.contains(where: isHan)
            ? " (kanji are read as Chinese pinyin: there is no Japanese reading to go by)" : ""
        return "note: the URL slug is the title transliterated into Latin letters\(kanji); to choose another, "
            + "delete \(folder) and run `qanda new question` again with --slug"
    }

    /// The text of a new question.md: the required keys, then the optional ones commented out.
    /// Why a new file starts as a draft.
    package enum DraftReason: Sendable {
        /// Every new file does, unless `--publish` is given.
        case new
        /// qanda.yml sets `review.required`.
        case reviewRequired

        var line: String {
            switch self {
            case .new: "draft: true        # remove this line to publish (`qanda build --drafts` shows it meanwhile)"
            case .reviewRequired: "draft: true        # review.required is on: add `reviewed:` once it is reviewed, then remove this line"
            }
        }
    }

    package static func questionText(title: String, category: String, today: ContentDate, draft: DraftReason? = .new) -> String {
        let draftLine = draft?.line ?? "# draft: true      # left out of the site until you remove this line"
        return """
        ---
        title: \(CitationChecks.yamlScalar(title))
        date: \(today.isoDay)
        category: \(CitationChecks.yamlScalar(category))
        # citation_title: the title as references print it (APA: sentence case); `qanda check` suggests one
        # tags: [first tag, second tag]
        # asked_by: Anonymous
        # description: One sentence for search engines and link previews.
        # reviewed:
        #   by: an author id (an organization, or an author with reviewer: true)
        #   date: YYYY-MM-DD
        \(draftLine)
        ---
        The question, in Markdown.

        """
    }

    // MARK: - Answers

    /// Content/questions/<thread>/<author>.md (or `<author>-2.md`, … when taken) for a new answer.
    /// The thread (a folder name) and the author must exist; a misspelling gets a "did you mean".
    /// - Parameter publish: start published rather than as a draft.
    package static func answer(threadSlug: String, authorID: String, siteFolder: String, today: ContentDate,
                               publish: Bool = false) throws -> ScaffoldFile {
        try requireSite(siteFolder)
        let questions = siteFolder + "/Content/questions"
        let threadNames = (DirectoryListing.entries(of: questions) ?? [])
            .filter { $0.kind == .folder && !Slug.isHidden($0.name) }.map(\.name)
        guard Slug.isValidSegment(threadSlug), DirectoryListing.kind(of: questions + "/" + threadSlug) == .folder else {
            throw ScaffoldError.threadNotFound(threadSlug, suggestion: suggestion(for: threadSlug, in: threadNames))
        }
        let authorIDs = self.authorIDs(siteFolder: siteFolder)
        guard authorIDs.contains(authorID) else {
            throw ScaffoldError.authorNotFound(authorID, suggestion: suggestion(for: authorID, in: authorIDs))
        }
        let folder = questions + "/" + threadSlug
        let stem = uniqueName(authorID) { $0 == "question" || exists(folder + "/" + $0 + ".md") }
        return ScaffoldFile(path: "Content/questions/\(threadSlug)/\(stem).md", contents: answerText(authorID: authorID, today: today, draft: publish ? nil : .new))
    }

    package static func answerText(authorID: String, today: ContentDate, draft: DraftReason? = .new) -> String {
        """
        ---
        author: \(CitationChecks.yamlScalar(authorID))
        date: \(today.isoDay)
        # updated: YYYY-MM-DD   # a later substantive change
        # accepted: true        # at most one accepted answer per thread
        # votes: 0
        \(draft?.line ?? "# draft: true      # left out of the site until you remove this line")
        ---
        The answer, in Markdown.

        """
    }

    // MARK: - Authors

    /// Content/authors/<id>.md. A person's given and family names are `given` and `family` when both are given;
    /// otherwise they are split from `name` (see `personName`). An organization is written as it is.
    /// - Parameter name: the display name; for a person it defaults to "<given> <family>".
    package static func author(id: String, name: String?, given: String? = nil, family: String? = nil,
                               isOrganization: Bool = false, siteFolder: String) throws -> ScaffoldFile {
        try requireSite(siteFolder)
        guard Slug.isValidSegment(id) else {
            let suggestion = Slug.make(from: id)
            throw ScaffoldError.invalidID(id, kind: "an author id", suggestion: suggestion.isEmpty ? nil : suggestion)
        }
        if authorIDs(siteFolder: siteFolder).contains(id) || exists(siteFolder + "/Content/authors/\(id).md") {
            throw ScaffoldError.authorExists(id)
        }
        return ScaffoldFile(path: "Content/authors/\(id).md",
                            contents: try authorText(name: name, given: given, family: family, isOrganization: isOrganization))
    }

    /// A person's names as citations need them, and whether they were guessed.
    package struct PersonName: Sendable, Equatable {
        package var name: String
        package var given: String
        package var family: String
        /// Split from a name of three or more words, where the family name may be more than the last word
        /// ("María López Ruiz"): the editor is told to check it.
        package var isGuess: Bool

        /// How an APA reference prints it: "Ruiz, M. L.".
        package var apa: String { APAReference.name(.person(given: given, family: family, suffix: nil)) }
    }

    /// `given` and `family` when both are given (the display name then defaults to both together). Otherwise the
    /// last word of `name` is the family name and the rest the given names: certain for two words, a guess for more.
    package static func personName(name: String?, given: String?, family: String?) throws -> PersonName {
        let name = name.map(oneLine).flatMap { $0.isEmpty ? nil : $0 }
        let given = given.map(oneLine), family = family.map(oneLine)
        switch (given, family) {
        case let (given?, family?):
            guard !given.isEmpty else { throw ScaffoldError.emptyName("--given") }
            guard !family.isEmpty else { throw ScaffoldError.emptyName("--family") }
            return PersonName(name: name ?? "\(given) \(family)", given: given, family: family, isGuess: false)
        case (_?, nil): throw ScaffoldError.nameNeedsBoth(missing: "--family")
        case (nil, _?): throw ScaffoldError.nameNeedsBoth(missing: "--given")
        case (nil, nil):
            guard let name else { throw ScaffoldError.emptyName("--name") }
            let words = name.split(separator: " ").map(String.init)
            guard words.count >= 2 else { throw ScaffoldError.personNeedsFullName(name) }
            return PersonName(name: name, given: words.dropLast().joined(separator: " "), family: words.last!, isGuess: words.count > 2)
        }
    }

    /// What to tell the editor about a guessed name: the split, how APA prints it, and how to fix it (the other
    /// likely split, with a two-word family name, as an example).
    package static func nameGuessNote(_ person: PersonName, file: String) -> String {
        let words = person.name.split(separator: " ").map(String.init)
        let other = PersonName(name: person.name, given: words.dropLast(2).joined(separator: " "),
                               family: words.suffix(2).joined(separator: " "), isGuess: true)
        return "note: '\(person.name)' has more than two words, so \(file) guesses `given: \(person.given)` and "
            + "`family: \(person.family)`, and references print \"\(person.apa)\". Check given: and family: there; "
            + "if the family name is '\(other.family)' (\"\(other.apa)\"), edit them, or run again with "
            + "--given \"\(other.given)\" --family \"\(other.family)\""
    }

    package static func authorText(name: String?, given: String? = nil, family: String? = nil, isOrganization: Bool) throws -> String {
        let scalar = CitationChecks.yamlScalar
        if isOrganization {
            guard given == nil, family == nil else { throw ScaffoldError.organizationHasNoPersonNames }
            let name = oneLine(name ?? "")
            guard !name.isEmpty else { throw ScaffoldError.emptyName("--name") }
            return """
                ---
                name: \(scalar(name))
                kind: organization    # an organization may always be named in `reviewed.by`
                # url: https://example.org/
                ---
                What this organization is, in Markdown.

                """
        }
        let person = try personName(name: name, given: given, family: family)
        let givenLine = "given: \(scalar(person.given))", familyLine = "family: \(scalar(person.family))"
        let names = person.isGuess
            ? "\(givenLine)    # guessed from the name: check given and family\n\(familyLine)    # references print \"\(person.apa)\""
            : "\(givenLine)\n\(familyLine)"
        return """
            ---
            name: \(scalar(person.name))
            \(names)
            kind: person
            # reviewer: true       # may be named in a question's `reviewed.by`
            # suffix: Jr.
            # credentials: Ph.D., LCSW
            # role: Clinical Psychologist
            # affiliation: Example University
            # orcid: 0000-0002-1825-0097
            # url: https://example.org/~you
            # photo: photo.jpg     # a file in Content/authors/
            ---
            A short biography, in Markdown.

            """
    }

    // MARK: - Pages

    /// Content/pages/<slug>.md, a free page published at /pages/<slug>/. It starts as a draft unless `publish`.
    /// - Parameter title: nil for one made from the slug ("editorial-policy" -> "Editorial policy").
    package static func page(slug: String, title: String? = nil, siteFolder: String, today: ContentDate,
                             publish: Bool = false) throws -> ScaffoldFile {
        try requireSite(siteFolder)
        guard Slug.isValidSegment(slug) else {
            let suggestion = Slug.make(from: slug)
            throw ScaffoldError.invalidID(slug, kind: "a page name", suggestion: suggestion.isEmpty ? nil : suggestion)
        }
        let path = "Content/pages/\(slug).md"
        if exists(siteFolder + "/" + path) { throw ScaffoldError.alreadyExists(path) }
        let chosen = title.map(oneLine) ?? titleFromSlug(slug)
        guard !chosen.isEmpty else { throw ScaffoldError.emptyTitle }
        return ScaffoldFile(path: path, contents: pageText(title: chosen, today: today, draft: publish ? nil : .new))
    }

    package static func pageText(title: String, today: ContentDate, draft: DraftReason? = .new) -> String {
        """
        ---
        title: \(CitationChecks.yamlScalar(title))
        date: \(today.isoDay)
        # description: One sentence for search engines and link previews.
        # updated: YYYY-MM-DD   # a later substantive change
        \(draft?.line ?? "# draft: true      # left out of the site until you remove this line")
        ---
        The page, in Markdown.

        """
    }

    /// "editorial-policy" -> "Editorial policy".
    static func titleFromSlug(_ slug: String) -> String {
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    // MARK: - Helpers

    /// `base`, or `base-2`, `base-3`, … : the first that is not taken.
    package static func uniqueName(_ base: String, isTaken: (String) -> Bool) -> String {
        if !isTaken(base) { return base }
        var number = 2
        while isTaken("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    /// Text from the command line as one front matter line: trimmed, runs of white space (newlines too) made one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    static func requireSite(_ siteFolder: String) throws {
        guard DirectoryListing.kind(of: siteFolder + "/" + SiteConfigLoader.fileName) != nil else {
            throw ScaffoldError.notASite(siteFolder)
        }
    }

    /// The closest name (a typo), else the only name that starts with what was typed (a slug cut short).
    static func suggestion(for word: String, in names: [String]) -> String? {
        if let close = Suggestion.closest(to: word, in: names) { return close }
        let extending = names.filter { !word.isEmpty && $0.hasPrefix(word) }
        return extending.count == 1 ? extending[0] : nil
    }

    /// Whether qanda.yml says `review.required: true` (false when it cannot be read; `qanda check` reports that).
    static func reviewRequired(siteFolder: String) -> Bool {
        guard let bytes = FileBytes.read(siteFolder + "/" + SiteConfigLoader.fileName),
              case .success(let text) = SourceText.decode(bytes) else { return false }
        return SiteConfigLoader.load(text: text.text).0?.reviewRequired ?? false
    }

    static func exists(_ path: String) -> Bool {
        DirectoryListing.kind(of: path) != nil
    }

    static func authorIDs(siteFolder: String) -> [String] {
        (DirectoryListing.entries(of: siteFolder + "/Content/authors") ?? [])
            .filter { $0.name.hasSuffix(".md") && !Slug.isHidden($0.name) }.map { String($0.name.dropLast(3)) }
    }

    /// The site's first category as its category list orders them (by name, spellings that make one slug
    /// being one category named after the first in sorted order).
    static func firstCategory(_ names: [String]) -> String? {
        var bySlug: [String: String] = [:]
        for name in names {
            let slug = Slug.make(from: name)
            guard !slug.isEmpty else { continue }
            if let known = bySlug[slug], known <= name { continue }
            bySlug[slug] = name
        }
        return bySlug.sorted { a, b in
            a.value.lowercased() != b.value.lowercased() ? a.value.lowercased() < b.value.lowercased() : a.key < b.key
        }.first?.value
    }

    /// Categories and taken slugs of the threads there are: folder names and `slug:` values. Read leniently
    /// (a file that does not parse is skipped; `qanda check` is the place to report it).
    static func existingThreads(siteFolder: String) -> (categories: [String], slugs: Set<String>) {
        let questions = siteFolder + "/Content/questions"
        var categories: [String] = []
        var slugs: Set<String> = []
        for entry in DirectoryListing.entries(of: questions) ?? [] where entry.kind == .folder && !Slug.isHidden(entry.name) {
            slugs.insert(entry.name)
            guard let bytes = FileBytes.read(questions + "/" + entry.name + "/question.md"),
                  case .success(let source) = SourceText.decode(bytes),
                  case .success(let block) = FrontMatterSplitter.split(source.text),
                  case .success(let mapping?) = YAMLMappingParser.parse(block.yaml, file: "", lineOffset: 0)
            else { continue }
            let fields = Node.mapping(mapping)
            if let category = fields["category"]?.scalar?.string {
                let name = category.trimmingCharacters(in: .whitespacesAndNewlines)
                if !name.isEmpty { categories.append(name) }
            }
            if let slug = fields["slug"]?.scalar?.string {
                slugs.insert(slug.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        return (categories, slugs)
    }
}
