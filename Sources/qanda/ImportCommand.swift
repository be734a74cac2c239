import ArgumentParser

/// `qanda import <format> SOURCE --site DIR`: an existing Q&A archive into a site folder. Each format is a
/// subcommand in a file of its own (ImportCSVCommand.swift, …) that reads its archive into an `ImportWriter`
/// through `ImportRun`, with the options every format shares (`ImportOptions`); `remove` takes an import out again.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring an existing Q&A archive into a site folder. Never overwrites a file.",
        discussion: """
        Writes Content/questions/<slug>/question.md with one answer-<id>.md per answer, Content/authors/<id>.md, \
        and qanda.yml when the site has none. A file that exists is left alone (the same bytes count as done), \
        and the summary says what was written, skipped and left alone. Every file appears whole, and is listed \
        in .qanda-import/<format>-<source>.journal: run the same command again to resume an import that \
        stopped, or `qanda import remove --site DIR` to take it out again.
        Examples:
          qanda import csv counsel_chat.csv --map import/counselchat.yml --site answers --date 2020-03-25
          qanda import csv posts.csv --map map.yml --site answers --dry-run
          qanda import stackexchange cooking.stackexchange.com --site answers
          qanda import remove --site answers
        """,
        subcommands: [ImportCSVCommand.self, ImportStackExchangeCommand.self, ImportRemoveCommand.self]
    )
}
