import ArgumentParser
import Foundation
import QandaKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add a question, an answer or an author, dated today. Never overwrites a file.",
        discussion: """
        Each prints the path of the file it wrote (so `$EDITOR "$(qanda new question "Title")"` opens it).
        Examples:
          qanda new question "Can I sleep in on weekends?" --category Sleep
          qanda new author jane-doe --name "Jane Doe"
          qanda new answer can-i-sleep-in-on-weekends --author jane-doe
        """,
        subcommands: [NewQuestionCommand.self, NewAnswerCommand.self, NewAuthorCommand.self]
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
        abstract: "Add Content/questions/<slug>/question.md, the slug made from the title."
    )

    @Argument(help: ArgumentHelp("The question's title.", valueName: "title"))
    var title: String

    @Option(name: .long, help: ArgumentHelp("Its category (default: the site's first category, else General).", valueName: "name"))
    var category: String?

    @Flag(name: .long, help: "Publish it at once (normally it starts as a draft: `draft: true` until you remove the line).")
    var publish = false

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    func run() throws {
        try writeNew(siteFolder: site) {
            try NewContent.question(title: title, category: category, siteFolder: site, today: ContentDate.today(Date()), publish: publish)
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
        abstract: "Add Content/authors/<id>.md: a person (given and family names from --name) or an organization."
    )

    @Argument(help: ArgumentHelp("The author's id, as answers and reviews name them (e.g. jane-doe).", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("The full name; for a person the last word is the family name.", valueName: "full name"))
    var name: String

    @Flag(name: .long, help: "An organization (an advisory board, say) rather than a person.")
    var organization = false

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    func run() throws {
        try writeNew(siteFolder: site) {
            try NewContent.author(id: id, name: name, isOrganization: organization, siteFolder: site)
        }
    }
}
