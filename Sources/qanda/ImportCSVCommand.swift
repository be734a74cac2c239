import ArgumentParser
import Foundation
import QandaKit

/// `qanda import csv SOURCE --map MAP --site DIR`: a CSV file whose columns a small YAML file maps to the content
/// format (README, "qanda import").
struct ImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import a CSV file of questions and answers; a YAML file (--map) says which column is which.",
        discussion: """
        One row per answer (rows with the same question id form one thread, wherever they are in the file), or \
        one row per question with its answer in other columns (rows: per-question). Every column of the file \
        must be named in the map, under a field or under ignore:. The README's "qanda import" section describes \
        the map; import/counselchat.yml in Qanda's repository maps the CounselChat corpus.
        """
    )

    @Argument(help: ArgumentHelp("The CSV file (UTF-8, RFC 4180: quoted fields may hold commas and line breaks).", valueName: "source.csv"))
    var source: String

    @Option(name: .long, help: ArgumentHelp("The YAML file that maps the CSV's columns to questions, answers and authors.", valueName: "map.yml"))
    var map: String

    @Option(name: .long, help: ArgumentHelp("The date of every post whose row has none (required when the map names no date column).", valueName: "yyyy-mm-dd"))
    var date: String?

    @OptionGroup var options: ImportOptions

    func validate() throws {
        if let date, ContentDate.parse(date) == nil {
            throw ValidationError("--date must be a calendar day written YYYY-MM-DD (or a timestamp with an offset), not '\(date)'")
        }
    }

    func run() throws {
        let terminal = Terminal.standardError
        let (loaded, diagnostics) = CSVMapLoader.load(path: map, file: map)
        let formatter = DiagnosticFormatter(siteFolder: map.hasPrefix("/") ? "/" : ".", useColor: terminal.usesColor)
        terminal.write(formatter.format(diagnostics))
        guard let csvMap = loaded else {
            terminal.line("error: the map \(map) has \(formatter.summary(diagnostics)); nothing was imported")
            throw ExitCode(1)
        }
        let importer = CSVImporter(map: csvMap, csvPath: source, displayName: source, fallbackDate: date.flatMap(ContentDate.parse))
        do {
            try importer.checkHeader()
        } catch {
            for line in ImportRun.errorLines(error) { terminal.line(line) }
            terminal.line("error: nothing was imported")
            throw ExitCode(1)
        }
        try ImportRun.perform(options, format: "csv", source: source, arguments: ["qanda"] + CommandLine.arguments.dropFirst()) { writer in
            try importer.run(into: &writer)
        }
    }
}
