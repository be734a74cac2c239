import ArgumentParser
import Foundation
import QandaKit
import QandaPlatform

@main
struct Qanda: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qanda",
        abstract: "A static site generator for question-and-answer knowledge bases.",
        discussion: """
        Run it in a site folder (qanda.yml, Content/, optional Templates/). `qanda build` writes the site \
        into Site/, ready to upload to any static host.
        """,
        version: QandaVersion.description,
        subcommands: [InitCommand.self, NewCommand.self, BuildCommand.self, ServeCommand.self, CheckCommand.self, ReviewsCommand.self, CiteCommand.self, TemplatesCommand.self, ImportCommand.self],
        defaultSubcommand: nil
    )

    /// As swift-argument-parser's own entry point, except that usage errors exit with 2 (like grep and
    /// diff, and as CI scripts expect) rather than sysexits' 64.
    static func main() async {
        // A file size limit (`ulimit -f`) then makes write(2) fail with EFBIG, reported like a full disk,
        // instead of killing the build with SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        HeapTuning.growHeapsInLargeSteps()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n" + subcommandSuggestion()).utf8))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }

    /// "Did you mean 'build'?" when the first argument is a misspelt command (`qanda bild`); empty otherwise.
    private static func subcommandSuggestion() -> String {
        let arguments = CommandLine.arguments.dropFirst()
        guard let first = arguments.first, !first.hasPrefix("-") else { return "" }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard !names.contains(first), let suggestion = Suggestion.closest(to: first, in: names) else { return "" }
        return "Did you mean '\(suggestion)'? (qanda \(suggestion) --help)\n"
    }
}
