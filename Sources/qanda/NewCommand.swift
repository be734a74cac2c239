import ArgumentParser
import Foundation
import QandaKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add a question, an answer, an author or a page, dated today. Never overwrites a file.",
        discussion: """
        Each prints the path of the file it wrote (so `$EDITOR "$(qanda new question "Title")"` opens it).
        Examples:
          qanda new question "Can I sleep in on weekends?" --category Sleep
          qanda new author jane-doe --name "Jane Doe"
          qanda new answer can-i-sleep-in-on-weekends --author jane-doe
          qanda new author maria-lopez --given "Maria" --family "Lopez Ruiz"
          qanda new page editorial-policy --title "Editorial Policy"
        """,
        subcommands: [NewQuestionCommand.self, NewAnswerCommand.self, NewAuthorCommand.self, NewPageCommand.self]
    )
}

/// Runs one `new` plan: writes the file, prints its path, or reports why not (exit status 1).
private func writeNew(siteFolder: String, _ plan: () throws -> ScaffoldFile) throws {
    do {
        let path = try ScaffoldWriter.create(try plan(), in: siteFolder)
        print(ScaffoldDisplay(siteFolder: siteFolder).path(path))
    } catch {
        Terminal.standardError.line("error: \(error)")
        throw ExitCode(1)
    }
}

struct NewQuestionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "question",
        abstract: "Add Content/questions/<slug>/question.md, the slug made from the title.",
        discussion: """
        The slug is the title in lowercase ASCII: accents dropped (an accented e becomes e), other scripts transliterated \
        (the Russian "What is anxiety?" -> chto-takoe-trevoga). A title with nothing to make one from (only emoji) needs --slug.
        """
    )

    @Argument(help: ArgumentHelp("The question's title.", valueName: "title"))
    var title: String

    @Option(name: .long, help: ArgumentHelp("The folder name and URL segment to use instead of one made from the title.", valueName: "slug"))
    var slug: String?

    @Option(name: .long, help: ArgumentHelp("Its category (default: the site's first category, else General).", valueName: "name"))
    var category: String?

    @Flag(name: .long, help: "Publish it at once (normally it starts as a draft: `draft: true` until you remove the line).")
    var publish = false

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    func run() throws {
        var written: String?
        try writeNew(siteFolder: site) {
            let file = try NewContent.question(title: title, slug: slug, category: category, siteFolder: site,
                                               today: ContentDate.today(Date()), publish: publish)
            written = file.path
            return file
        }
        if slug == nil, let path = written,
           let note = NewContent.slugNote(title: title, folder: ScaffoldDisplay(siteFolder: site).path(String(path.dropLast("question.md".count)))) {
            Terminal.standardError.line(note)
        }
    }
}

struct NewAnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Add an answer by an author to a thread: Content/questions/<slug>/<author-id>.md."
    )

    @Argument(help: ArgumentHelp("The thread's folder name under Content/questions/.", valueName: "thread-slug"))
    var slug: String

    @Option(name: .long, help: ArgumentHelp("The author's id (their file name in Content/authors/ without .md).", valueName: "id"))
    var author: String

    @Flag(name: .long, help: "Publish it at once (normally it starts as a draft: `draft: true` until you remove the line).")
    var publish = false

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    func run() throws {
        try writeNew(siteFolder: site) {
            try NewContent.answer(threadSlug: slug, authorID: author, siteFolder: site, today: ContentDate.today(Date()), publish: publish)
        }
    }
}

struct NewAuthorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "author",
        abstract: "Add Content/authors/<id>.md: a person (--given and --family, or both split from --name) or an organization.",
        discussion: """
        From --name alone, the last word is the family name and the rest the given names. With three or more words \
        that is a guess ("Maria Lopez Ruiz" may have the family name "Lopez Ruiz"): the file says so, and a note \
        shows how references will print it. --given and --family say it exactly.
        """
    )

    @Argument(help: ArgumentHelp("The author's id, as answers and reviews name them (e.g. jane-doe).", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("The display name (default for a person: the given and family names).", valueName: "full name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("A person's given names, as citations print their initials.", valueName: "names"))
    var given: String?

    @Option(name: .long, help: ArgumentHelp("A person's family name, as citations print it (with --given).", valueName: "name"))
    var family: String?

    @Flag(name: .long, help: "An organization (an advisory board, say) rather than a person.")
    var organization = false

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    func validate() throws {
        if organization && (given != nil || family != nil) {
            throw ValidationError("--given and --family are for a person; an organization has one name (--name)")
        }
        if (given == nil) != (family == nil) { throw ValidationError("--given and --family go together; add \(given == nil ? "--given" : "--family")") }
        if name == nil && given == nil { throw ValidationError("give --name \"Full Name\", or --given and --family") }
    }

    func run() throws {
        try writeNew(siteFolder: site) {
            try NewContent.author(id: id, name: name, given: given, family: family, isOrganization: organization, siteFolder: site)
        }
        if !organization, let person = try? NewContent.personName(name: name, given: given, family: family), person.isGuess {
            Terminal.standardError.line(NewContent.nameGuessNote(person, file: ScaffoldDisplay(siteFolder: site).path("Content/authors/\(id).md")))
        }
    }
}

struct NewPageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Add a free page, Content/pages/<slug>.md, published at /pages/<slug>/ and linked from the navigation."
    )

    @Argument(help: ArgumentHelp("The page's name in its URL (e.g. editorial-policy).", valueName: "slug"))
    var slug: String

    @Option(name: .long, help: ArgumentHelp("Its title (default: made from the slug, \"Editorial policy\").", valueName: "title"))
    var title: String?

    @Flag(name: .long, help: "Publish it at once (normally it starts as a draft: `draft: true` until you remove the line).")
    var publish = false

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    func run() throws {
        try writeNew(siteFolder: site) {
            try NewContent.page(slug: slug, title: title, siteFolder: site, today: ContentDate.today(Date()), publish: publish)
        }
    }
}
