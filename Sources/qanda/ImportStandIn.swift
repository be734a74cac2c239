import ArgumentParser
import Foundation
import QandaKit

// STAND-IN for what the import-csv branch brings (ImportCommand.swift, ImportOptions.swift, ImportRun.swift and
// ImportWriter): the same names and the same calls, so that ImportStackExchangeCommand compiles against either.
// When that branch is merged, delete this file and add ImportStackExchangeCommand.self to ImportCommand's
// subcommands. Here a run can only be a dry run, into a sink that counts.

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring an existing Q&A archive into a site folder.",
        subcommands: [ImportStackExchangeCommand.self]
    )
}

struct ImportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder to import into.", valueName: "dir"))
    var site: String

    @Flag(name: .customLong("dry-run"), help: "Write nothing: read the whole source and print what would be imported.")
    var dryRun = false
}

/// The dry run's sink: counts what a reader hands over.
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
    static func perform(_ options: ImportOptions, format: String, source: String, arguments: [String],
                        read: (inout CountingImportSink) throws -> Void) throws {
        guard options.dryRun else {
            Terminal.standardError.line("error: writing is not on this branch yet (it comes with ImportWriter); use --dry-run")
            throw ExitCode(1)
        }
        var sink = CountingImportSink()
        do {
            try read(&sink)
        } catch {
            for line in errorLines(error) { Terminal.standardError.line(line) }
            throw ExitCode(1)
        }
        print("Would import \(Plural.text(sink.questions, "thread")), \(Plural.text(sink.answers, "answer")) and "
              + "\(Plural.text(sink.authors, "author")) from \(source) (dry run: nothing written).")
        if !sink.skips.isEmpty {
            print("Skipped \(Plural.text(sink.skips.count, "post")):")
            for skip in sink.skips.prefix(50) { print("  \(skip.location): \(skip.reason)") }
            if sink.skips.count > 50 { print("  ... and \(sink.skips.count - 50) more") }
        }
    }

    static func errorLines(_ error: Error) -> [String] { ["error: \(error)"] }
}
