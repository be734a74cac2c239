import ArgumentParser
import Foundation
import QandaKit

/// `qanda import stackexchange FOLDER --site DIR`: a Stack Exchange data dump (README, "qanda import stackexchange").
struct ImportStackExchangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stackexchange",
        abstract: "Import a Stack Exchange data dump: a folder with Posts.xml, Users.xml, Tags.xml and PostHistory.xml.",
        discussion: """
        Questions become threads (title, tags, the first tag as category unless --category-map says otherwise, \
        score as votes, accepted answer, dates, last editor), answers become answer files, and users who answered \
        or edited become authors, their display names as screen names. Bodies are the Markdown of each post's \
        latest revision in PostHistory.xml, or its HTML converted to Markdown. Every page links to its original \
        post and names its licence (CC BY-SA 2.5, 3.0 or 4.0, by date, as Stack Exchange publishes them).
        The site's address is taken from the folder's name (cooking.stackexchange.com) unless --site-url gives it.
        Examples:
          qanda import stackexchange ~/dumps/cooking.stackexchange.com --site cooking
          qanda import stackexchange ./dump --site-url https://cooking.stackexchange.com --site cooking --dry-run
        """
    )

    @Argument(help: ArgumentHelp("The dump folder: the site's archive, extracted.", valueName: "folder"))
    var dump: String

    @Option(name: .customLong("site-url"), help: ArgumentHelp(
        "The address of the site the dump comes from (default: from the folder's name).", valueName: "url"))
    var siteURL: String?

    @Option(name: .customLong("category-map"), help: ArgumentHelp(
        "A YAML file of `tag: Category` lines: the first of a question's tags it names gives the category.", valueName: "file"))
    var categoryMap: String?

    @OptionGroup var options: ImportOptions

    func run() throws {
        let reader: StackExchangeReader
        do {
            let folder = try StackExchangeDump(folder: dump, siteURL: siteURL)
            reader = StackExchangeReader(dump: folder, options: .init(categoryMap: try categoryMap.map(StackExchangeCategoryMap.load) ?? [:]))
        } catch {
            Terminal.standardError.line("error: \(error)")
            Terminal.standardError.line("error: nothing was imported")
            throw ExitCode(1)
        }
        let passes = StackExchangeProgressLine(terminal: .standardError)
        try ImportRun.perform(options, format: "stackexchange", source: dump, arguments: ["qanda"] + CommandLine.arguments.dropFirst()) { sink in
            defer { passes.finish() }
            try reader.read(into: &sink, progress: passes.update)
        }
    }
}

/// "Scanning Posts.xml 41% (38 MB/s)" on a terminal while the dump is read before any post is written; then the
/// import's own progress line takes over. Nothing when standard error is not a terminal or CI is set.
final class StackExchangeProgressLine: @unchecked Sendable {
    // Unchecked: the reader calls it from the one thread that runs the import.
    private let terminal: Terminal
    private var phase: StackExchangeReader.Progress.Phase?
    private var phaseStarted = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var finished = false

    init(terminal: Terminal) {
        self.terminal = terminal
    }

    func update(_ progress: StackExchangeReader.Progress) {
        guard terminal.isInteractive, !finished else { return }
        if progress.phase == .posts { finish(); return }
        let now = ContinuousClock.now
        if progress.phase != phase {
            phase = progress.phase
            phaseStarted = now
        } else if let lastDraw, now - lastDraw < .milliseconds(100) {
            return
        }
        lastDraw = now
        let elapsed = now - phaseStarted
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let percent = progress.bytesTotal > 0 ? Int(100 * progress.bytesDone / progress.bytesTotal) : 100
        let rate = seconds > 0 ? Int(Double(progress.bytesDone) / seconds / 1_000_000) : 0
        terminal.write("\r\u{1B}[2K\(progress.phase.rawValue) \(percent)% (\(rate) MB/s)")
    }

    func finish() {
        if terminal.isInteractive && lastDraw != nil && !finished { terminal.write("\r\u{1B}[2K") }
        finished = true
    }
}
