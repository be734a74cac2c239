import ArgumentParser
import Foundation
import QandaKit

// STAND-IN, to be deleted when the import-csv branch (ImportCommand, the shared import options, ImportWriter and
// the summary) is merged: it exists so that `qanda import stackexchange --dry-run` runs on this branch. What
// ImportStackExchangeCommand uses from here: `ImportCommand` (add ImportStackExchangeCommand to its subcommands),
// `ImportOptions` (an @OptionGroup with --site and --dry-run) and `ImportRun.perform`.

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring an existing Q&A archive over into Content/.",
        subcommands: [ImportStackExchangeCommand.self]
    )
}

struct ImportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    @Flag(name: .customLong("dry-run"), help: "Read the whole archive and report what would be imported; write nothing.")
    var dryRun = false
}

/// What a reader handed over, counted (the dry run's sink).
struct CountingImportSink: ImportSink {
    var authors = 0
    var questions = 0
    var answers = 0
    var skips: [ImportSkip] = []

    mutating func author(_ author: ImportedAuthor) throws { authors += 1 }
    mutating func question(_ question: ImportedQuestion) throws { questions += 1 }
    mutating func answer(_ answer: ImportedAnswer, toQuestion questionID: String) throws { answers += 1 }
    mutating func skip(_ skip: ImportSkip) { skips.append(skip) }
}

enum ImportRun {
    /// Runs `read` into the writer (or, with --dry-run, into a counter) and prints the summary.
    static func perform(_ options: ImportOptions, archive: String, read: (inout CountingImportSink) throws -> Void) throws {
        guard options.dryRun else {
            Terminal.standardError.line("error: writing the import is not on this branch yet (it comes with ImportWriter); use --dry-run")
            throw ExitCode(1)
        }
        var sink = CountingImportSink()
        try read(&sink)
        print("Read \(Plural.text(sink.questions, "question")), \(Plural.text(sink.answers, "answer")) and "
              + "\(Plural.text(sink.authors, "author")) from \(archive) (dry run: nothing written).")
        if !sink.skips.isEmpty {
            print("Skipped \(Plural.text(sink.skips.count, "post")):")
            for skip in sink.skips.prefix(50) { print("  \(skip.location): \(skip.reason)") }
            if sink.skips.count > 50 { print("  ... and \(sink.skips.count - 50) more") }
        }
    }
}
