import ArgumentParser
import Foundation
import QandaKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: qanda.yml, a sample question, authors, an about page, Templates/ and a CI recipe that publishes it.",
        discussion: """
        The new site passes `qanda check` and builds as it is (without --base-url, qanda.yml holds a placeholder \
        address, which `qanda check` warns about until you change it). A folder that already holds files is refused \
        unless --force, and even then no existing file is overwritten: it is skipped, and said so.
        The CI recipe (--ci) installs this version of Qanda, pinned by the SHA-256 of this executable, checks the \
        site against the live one, builds it, and publishes it from the default branch.
        Example:
          qanda init answers --title "Mindwell Answers" --base-url https://answers.example.org/
        """
    )

    @Argument(help: ArgumentHelp("The folder to create the site in (created when missing).", valueName: "dir"))
    var folder: String

    @Option(name: .long, help: ArgumentHelp("The site's name (title and publisher in qanda.yml).", valueName: "title"))
    var title: String = SiteScaffold.defaultTitle

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The absolute http(s) URL the site will live at (default: the placeholder \(SiteScaffold.defaultBaseURL), to change in qanda.yml).", valueName: "url"))
    var baseURL: String?

    enum CI: String, ExpressibleByArgument, CaseIterable {
        case github, gitlab, none
    }

    @Option(name: .long, help: ArgumentHelp("The CI recipe to write: github (.github/workflows/site.yml, publishing to GitHub Pages), gitlab (.gitlab-ci.yml, GitLab Pages) or none.", valueName: "host"))
    var ci: CI = .github

    @Option(name: .customLong("qanda-sha256"), help: ArgumentHelp("The SHA-256 of the released qanda executable the CI recipe installs (default: this executable's, right when it is the released one).", valueName: "hex"))
    var qandaSHA256: String?

    @Flag(name: .long, help: "Add the missing files to a folder that is not empty (existing files are never overwritten).")
    var force = false

    func validate() throws {
        if let baseURL, let problem = SiteScaffold.baseURLProblem(baseURL) {
            throw ValidationError("--base-url '\(baseURL)' \(problem); write an absolute http(s) URL such as https://example.org/")
        }
        if title.allSatisfy(\.isWhitespace) { throw ValidationError("--title is empty") }
        if let qandaSHA256 {
            if ci == .none { throw ValidationError("--qanda-sha256 pins Qanda in the CI recipe, and --ci none writes none") }
            if !CIRecipe.isSHA256(qandaSHA256) {
                throw ValidationError("--qanda-sha256 '\(qandaSHA256)' is not a SHA-256; give the 64 hex digits that `sha256sum qanda` prints")
            }
        }
    }

    /// The recipe for --ci, pinned to this version of Qanda and to the SHA-256 of this executable (or of
    /// --qanda-sha256). Worked out before anything is written, so that a failure leaves nothing behind.
    func ciRecipe() throws -> CIRecipe? {
        guard let host = CIRecipe.Host(rawValue: ci.rawValue) else { return nil }  // --ci none
        guard let digest = qandaSHA256 ?? RunningExecutable.sha256() else {
            Terminal.standardError.line("error: cannot read this qanda executable to pin its SHA-256 in the CI recipe; "
                                        + "pass --qanda-sha256 with the checksum of the released qanda, or --ci none")
            throw ExitCode(1)
        }
        return CIRecipe(host: host, executableSHA256: digest)
    }

    func run() throws {
        if let refusal = SiteScaffold.refusal(of: folder, force: force) {
            Terminal.standardError.line("error: \(refusal)")
            throw ExitCode(1)
        }
        let recipe = try ciRecipe()
        let outcomes: [ScaffoldOutcome]
        do {
            outcomes = try SiteScaffold.create(in: folder, title: title, baseURL: baseURL ?? SiteScaffold.defaultBaseURL,
                                               today: ContentDate.today(Date()), ci: recipe, force: force)
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
        if let recipe, qandaSHA256 == nil, let path = RunningExecutable.path, RunningExecutable.isInBuildFolder(path) {
            Terminal.standardError.line("note: this qanda (\(path)) was built from source, so no release has its SHA-256 "
                                        + "and the CI recipe's download of Qanda \(recipe.version) will be refused; rerun init with "
                                        + "the released qanda, or pass --qanda-sha256 with the released executable's checksum")
        }
        if baseURL == nil, outcomes.contains(.written("qanda.yml")) {
            Terminal.standardError.line("note: \(display.path("qanda.yml")) has the placeholder base_url \(SiteScaffold.defaultBaseURL); "
                                        + "change it to the address the site will be published at (`qanda check` warns until you do)")
        }
        let cd = folder == "." ? "" : "cd \(ScaffoldDisplay.shellQuoted(folder)) && "
        print("Next: \(cd)qanda check && qanda build (the site goes to Site/); "
              + "add a question with `qanda new question \"Your question?\"`")
        switch recipe?.host {
        case .github?: print("To publish: push to GitHub after setting Settings > Pages > Source to GitHub Actions.")
        case .gitlab?: print("To publish: push to GitLab; the default branch deploys to GitLab Pages.")
        case nil: break
        }
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
