import ArgumentParser
import QandaKit

/// What every `qanda import <format>` takes besides its source: where to write, whether to write, and what a new
/// site's qanda.yml says.
struct ImportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder to import into: created when missing; its qanda.yml is written when it has none.", valueName: "dir"))
    var site: String

    @Flag(name: .customLong("dry-run"), help: "Write nothing: read the whole source and print what would be imported, skipped and left alone.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("The site's title, for a qanda.yml the import writes (default: \(SiteScaffold.defaultTitle)).", valueName: "title"))
    var title: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The site's address, for a qanda.yml the import writes (default: the placeholder \(SiteScaffold.defaultBaseURL), which qanda check warns about).", valueName: "url"))
    var baseURL: String?

    @Option(name: .long, help: ArgumentHelp("The name citations give as publisher, for a qanda.yml the import writes (default: the title).", valueName: "name"))
    var publisher: String?

    func validate() throws {
        if let baseURL, let problem = SiteScaffold.baseURLProblem(baseURL) {
            throw ValidationError("--base-url '\(baseURL)' \(problem); write the site's absolute http(s) address, such as https://answers.example.org/")
        }
        if let title, title.allSatisfy(\.isWhitespace) { throw ValidationError("--title is empty") }
    }

    var settings: ImportWriter.SiteSettings {
        ImportWriter.SiteSettings(title: title ?? SiteScaffold.defaultTitle, baseURL: baseURL ?? SiteScaffold.defaultBaseURL, publisher: publisher)
    }
}
