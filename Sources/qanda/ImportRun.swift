import ArgumentParser
import Foundation
import QandaKit
import Synchronization

/// One `qanda import <format>` from start to end, whatever the format: the writer, a progress line on a terminal
/// (nothing but the summary in a pipe or CI), the summary, and on an error what was imported so far and how to
/// resume or remove it. Exit status 0 when the source was read to its end, 1 when it could not be.
enum ImportRun {
    /// - Parameters:
    ///   - format: `csv`, `stackexchange`: names the journal, with the source's file name.
    ///   - arguments: the command as typed, recorded at the top of the journal.
    ///   - read: hands the archive to the writer.
    static func perform(_ options: ImportOptions, format: String, source: String, arguments: [String],
                        read: (inout ImportWriter) throws -> Void) throws {
        let terminal = Terminal.standardError
        let header = "# qanda import journal: the files `\(arguments.joined(separator: " "))` wrote, one per line\n"
            + "# (kind, id in the source, path, SHA-256). `qanda import remove --site DIR` removes them while unchanged.\n"
        var writer: ImportWriter
        do {
            writer = try ImportWriter(site: options.site, journalName: ImportJournal.name(format: format, source: source),
                                      header: header, settings: options.settings, dryRun: options.dryRun)
        } catch {
            terminal.line("error: \(error)")
            throw ExitCode(1)
        }
        let progress = ImportProgressLine(terminal: terminal)
        writer.progress = progress.update
        do {
            try read(&writer)
        } catch {
            progress.finish()
            for line in errorLines(error) { terminal.line(line) }
            let summary = writer.summary
            if summary.threads.imported + summary.answers.imported + summary.authors.imported > 0 || summary.configWritten {
                for line in summary.lines(site: options.site, dryRun: options.dryRun) { terminal.line(line) }
                if !options.dryRun {
                    terminal.line("The import stopped there. Every file it wrote is whole and listed in its journal: fix the problem and run the same "
                                  + "command again to resume, or remove what it wrote with `qanda import remove --site \(ScaffoldDisplay.shellQuoted(options.site))`.")
                }
            }
            throw ExitCode(1)
        }
        progress.finish()
        for line in writer.summary.lines(site: options.site, dryRun: options.dryRun) { print(line) }
        if !options.dryRun { print("Next: qanda check --site \(ScaffoldDisplay.shellQuoted(options.site))") }
    }

    static func errorLines(_ error: Error) -> [String] {
        if let errors = error as? ImportErrors { return errors.errors.map { "error: \($0)" } }
        return ["error: \(error)"]
    }
}

/// A live "Importing: 1,204 threads, 3,100 answers, 307 authors" line on a terminal, redrawn at most ten times a
/// second; nothing when standard error is not a terminal or CI is set.
final class ImportProgressLine: Sendable {
    private let terminal: Terminal
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

    init(terminal: Terminal) {
        self.terminal = terminal
    }

    @Sendable func update(_ summary: ImportSummary) {
        guard terminal.isInteractive else { return }
        let now = ContinuousClock.now
        let draw = lastDraw.withLock { last in
            if let previous = last, now - previous < .milliseconds(100) { return false }
            last = now
            return true
        }
        guard draw else { return }
        terminal.write("\r\u{1B}[2KImporting: \(Plural.text(summary.threads.imported, "thread")), "
                       + "\(Plural.text(summary.answers.imported, "answer")), \(Plural.text(summary.authors.imported, "author"))")
    }

    func finish() {
        if terminal.isInteractive, lastDraw.withLock({ $0 != nil }) { terminal.write("\r\u{1B}[2K") }
    }
}
