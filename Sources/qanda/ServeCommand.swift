import ArgumentParser
import Foundation
import QandaKit
import QandaServer
import Synchronization

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it into memory, serve it, rebuild and reload the browser on every change.",
        discussion: """
        Builds the site into memory (nothing is written to disk) and serves it at http://127.0.0.1:8000 under the \
        base path of base_url. qanda.yml, Content/ and Templates/ are watched; every change rebuilds the site and \
        reloads the pages open in a browser. When the sources have errors they are printed here and shown over \
        the page, and the last good site stays served until they are fixed. Ctrl-C stops the server. Search is \
        not indexed in the preview.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder (holding qanda.yml).", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("The address to listen on (loopback unless told otherwise).", valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "number"))
    var port: Int = 8000

    @Flag(name: .long, help: "Include drafts (threads, answers and pages with draft: true).")
    var drafts = false

    @Flag(name: .long, help: "Open the site in the default browser once it is served.")
    var open = false

    @Flag(name: .long, help: "Look for changes every half second instead of asking the system to report them (for network mounts and containers' shared folders, where changes are not reported).")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be a number from 0 to 65535, not \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() async throws {
        let terminal = Terminal.standardError
        guard DirectoryListing.isFolder(site) else {
            terminal.line("error: \(site) is not a folder; pass the site folder with --site")
            throw ExitCode(2)
        }
        let printer = BuildPrinter(terminal: terminal, formatter: DiagnosticFormatter(siteFolder: site, useColor: terminal.usesColor))
        if !["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) {
            terminal.line("note: listening on \(host): other machines that can reach it see the preview (drafts included with --drafts)")
        }
        let snapshot = SiteSnapshot(siteFolder: site, options: SiteLoader.Options(includeDrafts: drafts),
                                    report: { printer.print($0) })
        var server = SiteServer(snapshot: snapshot, host: host, port: port)
        server.pollsForChanges = poll
        let host = self.host, open = self.open
        do {
            try await server.run(onWatcherProblem: { terminal.line("warning: \($0)") }) { port in
                let url = Self.url(host: host, port: port, basePath: snapshot.current?.basePath ?? "/")
                printer.listening(at: Self.url(host: host, port: port, basePath: ""))
                Terminal.standardOutput.line("Serving \(url) (Ctrl-C to stop)")
                if open { Self.openInBrowser(url, terminal: terminal) }
            }
        } catch let error as SiteServer.ServeError {
            terminal.line("error: \(error)")
            throw ExitCode(1)
        } catch let error as FileWatcher.WatchError {
            terminal.line("error: \(error)")
            throw ExitCode(1)
        }
        terminal.line("Stopped.")
    }

    static func url(host: String, port: Int, basePath: String) -> String {
        let shown: String
        switch host {
        case "0.0.0.0", "::", "[::]": shown = "localhost"
        default: shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
        return "http://\(shown):\(port)\(basePath)"
    }

    static func openInBrowser(_ url: String, terminal: Terminal) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        process.arguments = [url]
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            terminal.line("note: could not open a browser (\(error)); open \(url) yourself")
        }
    }
}

/// What each build prints: errors every time (compiler style), warnings only when they changed since they were
/// last printed, and one line of summary.
final class BuildPrinter: Sendable {
    let terminal: Terminal
    let formatter: DiagnosticFormatter
    private let lastWarnings = Mutex<Set<Diagnostic>?>(nil)
    /// The server's address (`http://127.0.0.1:8000`) once it listens, and the base path last announced.
    private let served = Mutex<(origin: String?, basePath: String?)>((nil, nil))

    init(terminal: Terminal, formatter: DiagnosticFormatter) {
        self.terminal = terminal
        self.formatter = formatter
    }

    func listening(at origin: String) {
        served.withLock { $0.origin = origin }
    }

    func print(_ report: BuildReport) {
        let errors = report.diagnostics.filter { $0.severity == .error }
        let warnings = report.diagnostics.filter { $0.severity == .warning }
        let showWarnings = lastWarnings.withLock { last in
            defer { last = Set(warnings) }
            return last != Set(warnings)
        }
        var text = ""
        if !report.changes.isEmpty {
            let shown = report.changes.prefix(3).joined(separator: ", ")
            text += "Changed: \(shown)\(report.changes.count > 3 ? " and \(report.changes.count - 3) more" : "")\n"
        }
        text += formatter.format(errors)
        if showWarnings { text += formatter.format(warnings) }
        let seconds = String(format: "%.2f", Double(report.duration.components.seconds)
                             + Double(report.duration.components.attoseconds) / 1e18)
        if report.succeeded {
            let warningNote = warnings.isEmpty ? "" : ", \(Plural.text(warnings.count, "warning"))"
            if report.changes.isEmpty {
                text += "Built \(Plural.text(report.fileCount, "file")) in \(seconds) s\(warningNote)\n"
            } else {
                text += "Rebuilt in \(seconds) s: \(report.changedCount) of \(Plural.text(report.fileCount, "file")) changed\(warningNote); reloading\n"
            }
            // base_url's path changed in qanda.yml: the site moved.
            let moved = served.withLock { served -> String? in
                defer { served.basePath = report.basePath }
                // Before any good build the address was announced with "/".
                guard let origin = served.origin, let new = report.basePath, new != served.basePath ?? "/" else { return nil }
                return origin + new
            }
            if let moved { text += "The base path changed: now serving \(moved)\n" }
        } else {
            let still = report.generation > 0 ? "still serving the last good site" : "nothing to serve until they are fixed"
            text += "error: build failed with \(formatter.summary(report.diagnostics)); \(still)\n"
        }
        terminal.write(text)
    }
}
