import Foundation

/// `qanda init`: a working site folder that `qanda check` passes and `qanda build` builds, with every setting
/// of qanda.yml written out and explained, one sample thread, its authors, an about page, a Templates/ folder
/// that explains overriding, a .gitignore and, when asked, a CI recipe that publishes it.
package enum SiteScaffold {
    package static let defaultTitle = "Questions and Answers"
    package static let defaultBaseURL = "https://example.org/"

    /// Ids and slugs of the sample content (the tests and the next-steps line name them).
    package static let sampleThread = "how-do-i-add-a-question"
    package static let sampleAuthor = "alex-morgan"
    package static let sampleOrganization = "editorial-board"

    /// Entries a folder may hold and still count as empty: a fresh `git init`, a Finder droppings file.
    static let ignorableEntries: Set<String> = [".git", ".DS_Store"]

    /// Why a base URL cannot be used, or nil when it is fine: the rule qanda.yml's `base_url` follows.
    package static func baseURLProblem(_ url: String) -> String? {
        SiteConfigLoader.baseURLProblem(url)
    }

    /// Every file of a new site, relative to its folder. Pure: the same arguments give the same files.
    package static func files(title: String = defaultTitle, baseURL: String = defaultBaseURL, today: ContentDate,
                             ci: CIRecipe? = nil) throws -> [ScaffoldFile] {
        let title = NewContent.oneLine(title)
        guard !title.isEmpty else { throw ScaffoldError.emptyTitle }
        if let problem = baseURLProblem(baseURL) { throw ScaffoldError.invalidBaseURL(baseURL, problem: problem) }
        let baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        let day = today.isoDay
        let site = [
            ScaffoldFile(path: "qanda.yml", contents: config(title: title, baseURL: baseURL)),
            ScaffoldFile(path: "Content/questions/\(sampleThread)/question.md", contents: sampleQuestion(day: day)),
            ScaffoldFile(path: "Content/questions/\(sampleThread)/\(sampleAuthor).md", contents: sampleAnswer(day: day)),
            ScaffoldFile(path: "Content/authors/\(sampleAuthor).md", contents: samplePerson),
            ScaffoldFile(path: "Content/authors/\(sampleOrganization).md", contents: sampleBoard),
            ScaffoldFile(path: "Content/pages/about.md", contents: aboutPage(title: title, day: day)),
            ScaffoldFile(path: "Templates/README.md", contents: templatesReadme),
            ScaffoldFile(path: ".gitignore", contents: gitignore),
        ]
        return site + (ci.map { [$0.file] } ?? [])
    }

    /// Writes a new site into `folder` (created when missing). A folder that already holds anything is refused
    /// unless `force`; even then no existing file is replaced: it is skipped, and the outcome says so.
    package static func create(in folder: String, title: String = defaultTitle, baseURL: String = defaultBaseURL,
                              today: ContentDate, ci: CIRecipe? = nil, force: Bool = false) throws -> [ScaffoldOutcome] {
        let planned = try files(title: title, baseURL: baseURL, today: today, ci: ci)
        if let refusal = refusal(of: folder, force: force) { throw refusal }
        return try ScaffoldWriter.write(planned, into: folder)
    }

    /// Why `create` would refuse `folder` (not a folder; not empty, without `force`), or nil: asked first by
    /// `qanda init`, before it reads its own executable to pin it.
    package static func refusal(of folder: String, force: Bool) -> ScaffoldError? {
        switch DirectoryListing.kind(of: folder) {
        case nil:
            return nil
        case .folder?, .symlink? where DirectoryListing.isFolder(folder):
            let entries = (DirectoryListing.entries(of: folder) ?? []).filter { !ignorableEntries.contains($0.name) }
            return !entries.isEmpty && !force ? .folderNotEmpty(folder) : nil
        default:
            return .notAFolder(folder)
        }
    }

    // MARK: - The files

    /// - Parameter publisher: the name citations give (default: the title).
    static func config(title: String, baseURL: String, publisher: String? = nil) -> String {
        func line(_ setting: String, _ comment: String) -> String {
            setting.padding(toLength: max(setting.count + 1, 34), withPad: " ", startingAt: 0) + "# " + comment
        }
        let scalar = CitationChecks.yamlScalar
        let placeholderNote = ConfigRules.isPlaceholder(baseURL)
            ? "# Change base_url: \(baseURL) is a placeholder (`qanda check` warns until it is the site's address).\n" : ""
        return """
        # Settings of the site: every setting Qanda reads is here, with what it does.
        # Edit the values; keep the keys (a misspelled key is an error, with a "did you mean").

        \(line("title: \(scalar(title))", "required: the site's name"))
        \(placeholderNote)\(line("base_url: \(scalar(baseURL))", "required: absolute http(s) URL of the site's root, ending with /;"))
        \(line("", "  it may have a path (https://example.org/kb/), no ?query or #fragment"))
        \(line("publisher: \(scalar(publisher ?? title))", "required: the site name in citations (your organization)"))
        \(line("language: en", "the pages' language, a BCP 47 tag (es, pt-BR, ar): their words, dates and"))
        \(line("", "  direction; built in: \(BuiltInTranslations.languages.joined(separator: ", ")); i18n/<language>.yml changes words"))
        \(line("description: Questions and answers, written and reviewed by our editors.", "the home page's description"))
        review:
        \(line("  every_days: 730", "a page whose last review is older than this is overdue (qanda check)"))
        \(line("  required: false", "true: a published question without `reviewed:` is an error (qanda check)"))
        citation:
        \(line("  genre: webpage", "webpage (expert articles) or forum-post (community threads)"))
        \(line("  retrieved: false", "true: references end \"Retrieved <date>, from <URL>\" (content meant to change)"))
        \(line("medical: false", "true for health content (pages are schema.org MedicalWebPage)"))
        \(line("page_size: 20", "items per page on the home page and on every list"))
        markdown:
        \(line("  unsafe_html: false", "true: keep raw HTML written in Markdown (scripts stay filtered out)"))

        """
    }

    static func sampleQuestion(day: String) -> String {
        """
        ---
        title: How do I add a question and its answer?
        citation_title: How do I add a question and its answer?
        date: \(day)
        reviewed:
          by: \(sampleOrganization)
          date: \(day)
        asked_by: A new editor
        category: General
        tags: [getting started]
        description: The few commands an editor needs to add a question, answer it and publish the site.
        ---
        I have just started this site. How do I add a question, write its answer and put the site online?

        """
    }

    static func sampleAnswer(day: String) -> String {
        """
        ---
        author: \(sampleAuthor)
        date: \(day)
        ---
        Every question is a folder in `Content/questions/`, holding `question.md` and one file per answer.
        Three commands make the files for you, dated today:

        ```sh
        qanda new question "Can I sleep in on weekends?"
        qanda new author jane-doe --name "Jane Doe"
        qanda new answer can-i-sleep-in-on-weekends --author jane-doe
        ```

        Open the files they print, write the question and the answer in Markdown, then run:

        ```sh
        qanda check    # every problem, with the file, the line and a hint
        qanda build    # writes the site into Site/
        ```

        Upload `Site/` to any static host. When a clinician or an editor has checked a page, record it under
        `reviewed:` in its `question.md`, as this question does. The [about page](/pages/about/) is in
        `Content/pages/about.md`; this sample thread can be deleted once you have your own.

        """
    }

    static let samplePerson = """
        ---
        name: Alex Morgan
        given: Alex
        family: Morgan
        kind: person
        reviewer: true                # may be named in a question's `reviewed.by`
        role: Editor
        # credentials: Ph.D., LCSW    # optional, shown after the name
        # affiliation: Example University
        # orcid: 0000-0002-1825-0097
        # url: https://example.org/~morgan
        # photo: alex-morgan.jpg      # a file in Content/authors/
        ---
        Alex Morgan edits this site. Replace this sample author with your own (`qanda new author`), or rewrite
        this biography.

        """

    static let sampleBoard = """
        ---
        name: Editorial Board
        kind: organization            # an organization may always review pages
        ---
        The editorial board checks every answer before it is published and reviews it again at least every two
        years.

        """

    static func aboutPage(title: String, day: String) -> String {
        """
        ---
        title: About
        description: \(CitationChecks.yamlScalar("Who writes and reviews the answers on \(title)."))
        date: \(day)
        ---
        Tell readers who you are, who answers their questions, and how answers are checked and kept up to date.

        This page is `Content/pages/about.md`; every file in `Content/pages/` becomes a page linked from the
        site's navigation.

        """
    }

    static var templatesReadme: String {
        let layouts = (["base"] + DefaultTheme.layoutNames).filter { DefaultTheme.templates[$0] != nil }
        let partials = TemplateEjector.names.filter { DefaultTheme.templates[$0] != nil && !layouts.contains($0) }
        let files = DefaultTheme.staticFiles.keys.sorted()
        return """
        # Templates

        This folder overrides the built-in theme, one file at a time. A file here with the name of a built-in
        template replaces that template and nothing else; everything you do not override stays built in.

        - FreePage layouts: \(layouts.map { "`\($0).mustache`" }.joined(separator: ", "))
        - Partials: \(partials.map { "`\($0).mustache`" }.joined(separator: ", "))
        - Files copied as they are: \(files.map { "`\($0)`" }.joined(separator: ", "))

        To start from the built-in version, copy it here and edit it:

            qanda templates list              # the names
            qanda templates eject question    # writes Templates/question.mustache
            qanda templates eject qanda.css   # the stylesheet
            qanda templates eject             # all of them

        `eject` never overwrites a file that is already here; delete your copy to eject it again.

        Templates are Mustache (https://mustache.github.io/mustache.5.html), with partials (`{{>name}}`) and
        template inheritance (`{{<base}}…{{$content}}…{{/content}}{{/base}}`). You may add partials of your
        own (`my-box.mustache`, used as `{{>my-box}}`).

        - `{{name}}` prints a value HTML-escaped, so text can never break the page.
        - Only values whose names end in `_html` (`body_html`, `bio_html`, `meta_tags_html`, `structured_data_html`) hold ready HTML;
          print those with three braces: `{{{question.body_html}}}`.
        - A value that is absent is false, so `{{#updated_text}}…{{/updated_text}}` shows only when there is one.
        - The theme's own words are in the site's language: `{{t.latest_questions}}` and the other strings of the
          translation table, and values ending in `_text` or `_html` ("4 answers", "Published <date>"). Raw values
          sit beside them (`answer_count`, `date_iso`) to format your own way. To change a word for the whole
          site, edit i18n/<language>.yml instead (`qanda templates eject i18n` writes it).
        - A name a page does not have, or a partial that does not exist, is an error
          (`unknown-template-variable`, `unknown-partial`) with a "did you mean", reported by `qanda check` and
          `qanda build`, instead of printing nothing. Qanda's README lists every page's values.

        Other files here (this README, notes) are ignored.

        """
    }

    static let gitignore = """
        # The built site: `qanda build` writes it, and it is safe to delete.
        /Site/
        # A build in progress writes beside it, then swaps it in.
        /.Site.qanda-new-*/
        /.Site.qanda-lock
        # What the last build made, so the next one redoes only what changed; safe to delete.
        /.qanda-cache/

        """
}
