import ArgumentParser
import QandaKit

@main
struct Qanda: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qanda",
        abstract: "A static site generator for question-and-answer knowledge bases.",
        discussion: """
        Run it in a site folder (qanda.yml, Content/, optional Templates/). `qanda build` writes the site \
        into Site/, ready to upload to any static host.
        """,
        version: QandaVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, CiteCommand.self],
        defaultSubcommand: nil
    )
}
