import Foundation

/// Pagefind (PyPI `pagefind-bin`), run over the written site before it is swapped in: it reads the question
/// pages' `data-pagefind-*` markup and writes the index and the search interface into `pagefind/`.
public struct SearchIndexer: Sendable {
    public static let installHint = "pip install pagefind-bin"

    let command: [String]

    /// Pagefind on PATH, or the PyPI package's module; nil when neither is installed.
    public static func locate() -> SearchIndexer? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/pagefind") {
            return SearchIndexer(command: ["\(folder)/pagefind"])
        }
        let probe = SearchIndexer(command: ["/usr/bin/env", "python3", "-m", "pagefind_bin"])
        return (try? probe.run(arguments: ["--version"])) != nil ? probe : nil
    }

    public struct Summary: Sendable {
        public var seconds: Double
        /// Bytes of the search bundle, and of what a reader downloads before the first result (the UI, the
        /// entry file, the WebAssembly and the first index chunk).
        public var bundleBytes: Int
        public var fileCount: Int
    }

    /// Indexes the question pages under `siteFolder`.
    public func index(siteFolder: String) throws -> Summary {
        let started = ContinuousClock.now
        try run(arguments: ["--site", siteFolder, "--output-subdir", String(Routes.pagefindBundle.dropLast()),
                            "--glob", "questions/*/index.html", "--silent"])
        let elapsed = ContinuousClock.now - started
        let bundle = siteFolder + "/" + Routes.pagefindBundle
        var bytes = 0, files = 0
        for file in DirectoryListing.filesRecursively(under: bundle).files {
            let size = (try? FileManager.default.attributesOfItem(atPath: bundle + file)[.size] as? Int) ?? 0
            bytes += size
            files += 1
        }
        return Summary(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                       bundleBytes: bytes, fileCount: files)
    }

    @discardableResult
    func run(arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OutputError("pagefind failed (exit \(process.terminationStatus)): "
                              + String(decoding: err.isEmpty ? out : err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
