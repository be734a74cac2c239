import ArgumentParser
import Foundation
import QandaKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: qanda.yml, a sample question, authors, an about page, Templates/ and a CI workflow.",
        discussion: """
        The new site passes `qanda check` and builds as it is. A folder that already holds files is refused \
        unless --force, and even then no existing file is overwritten: it is skipped, and said so.
        Example:
          qanda init answers --title "Mindwell Answers" --base-url https://answers.example.org/
        """
    )

    @Argument(help: ArgumentHelp("The folder to create the site in (created when missing).", valueName: "dir"))
    var folder: String

    @Option(name: .long, help: ArgumentHelp("The site's name (title and publisher in qanda.yml).", valueName: "title"))
    var title: String = SiteScaffold.defaultTitle

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The absolute http(s) URL the site will live at.", valueName: "url"))
    var baseURL: String = SiteScaffold.defaultBaseURL

    @Flag(name: .long, help: "Add the missing files to a folder that is not empty (existing files are never overwritten).")
    var force = false

    func validate() throws {
        if let problem = SiteScaffold.baseURLProblem(baseURL) {
            throw ValidationError("--base-url '\(baseURL)' \(problem); write an absolute http(s) URL such as https://example.org/")
        }
        if title.allSatisfy(\.isWhitespace) { throw ValidationError("--title is empty") }
    }

    func run() throws {
        let outcomes: [ScaffoldOutcome]
        do {
            outcomes = try SiteScaffold.create(in: folder, title: title, baseURL: baseURL,
                                               today: ContentDate.today(Date()), force: force)
        } catch {
            Terminal.standardError.line("error: \(error)")
            throw ExitCode(1)
        }
        let display = ScaffoldDisplay(siteFolder: folder)
        for outcome in outcomes {
            switch outcome {
            case .written(let path): print(display.path(path))
            case .skipped(let path): Terminal.standardError.line("skipped \(display.path(path)) (it exists; left as it is)")
            }
        }
        let cd = folder == "." ? "" : "cd \(ScaffoldDisplay.shellQuoted(folder)) && "
        print("Next: \(cd)qanda check && qanda build (the site goes to Site/); "
              + "add a question with `qanda new question \"Your question?\"`")
    }
}

/// Paths as the user typed the site folder: `answers/qanda.yml`, or `qanda.yml` in the current folder.
struct ScaffoldDisplay {
    let siteFolder: String

    func path(_ relative: String) -> String {
        siteFolder == "." || siteFolder.isEmpty ? relative : siteFolder.hasSuffix("/") ? siteFolder + relative : siteFolder + "/" + relative
    }

    static func shellQuoted(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_./~".unicodeScalars.contains($0)) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
