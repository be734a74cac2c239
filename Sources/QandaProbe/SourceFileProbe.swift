import Foundation
import QandaKit

/// One source file's bytes through the loader's real code path, for the fuzz targets in Fuzz/ and the tests that
/// replay what they found (Tests/QandaKitTests/FuzzRegressionTests.swift). Builds never use it.
///
/// The loaders read from disk (`MarkdownSource.read` takes a path), so the bytes are written into a small site
/// folder of this process's own (under /dev/shm when there is one) and read back by `ThreadLoader`,
/// `AuthorLoader` or `FreePageLoader` exactly as `SiteLoader` calls them; qanda.yml goes through
/// `SourceText.decode` and `SiteConfigLoader`, as in `SiteLoader`. One call at a time (a lock), since the folder
/// is shared.
public enum SourceFileProbe {
    public enum Kind: String, CaseIterable, Sendable {
        /// Content/questions/fuzz-question/question.md
        case question
        /// Content/questions/fuzz-answer/answer.md, beside a valid question.md
        case answer
        /// Content/authors/fuzz-author.md
        case author
        /// Content/pages/fuzz-page.md
        case page
        /// qanda.yml
        case config

        /// The file's path in the site folder, as diagnostics name it.
        public var file: String {
            switch self {
            case .question: "Content/questions/fuzz-question/question.md"
            case .answer: "Content/questions/fuzz-answer/answer.md"
            case .author: "Content/authors/fuzz-author.md"
            case .page: "Content/pages/fuzz-page.md"
            case .config: "qanda.yml"
            }
        }
    }

    public struct Outcome: Sendable {
        /// A model came out (thread, author, page or site settings): no error among the diagnostics.
        public var loaded: Bool
        public var diagnostics: [Diagnostic]
        /// Each diagnostic as `qanda build` prints it, with the source line and caret.
        public var formatted: [String]
    }

    /// Author ids that answers and reviews may name (those of the fixtures and the example site, and the probe's own).
    public static let authorIDs: Set<String> = [
        "ada-lovelace", "anneke-van-der-berg", "board", "jonah-pelletier", "kristina-randle", "lena-marchetti",
        "marie-claire-dubois", "no-family", "priya-nandakumar", "sam-member", "scientific-advisory-board",
        "theodore-okafor-jr", "fuzz-author",
    ]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var preparedFolder: String?

    /// A fuzz input: the first byte picks the kind of file and (its high bit) whether raw HTML is allowed; the rest
    /// is the file. Nil for an empty input.
    public static func load(fuzzInput input: [UInt8]) -> (kind: Kind, file: [UInt8], outcome: Outcome)? {
        guard let selector = input.first else { return nil }
        let kind = Kind.allCases[Int(selector & 0x7F) % Kind.allCases.count]
        let file = Array(input.dropFirst())
        return (kind, file, load(kind, bytes: file, allowsRawHTML: selector & 0x80 != 0))
    }

    /// Lines as an editor counts them: LF, CRLF or a lone CR ends one.
    public static func lineCount(of bytes: [UInt8]) -> Int {
        var lines = 1
        for (index, byte) in bytes.enumerated() where byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
            lines += 1
        }
        return lines
    }

    public static func load(_ kind: Kind, bytes: [UInt8], allowsRawHTML: Bool = false, basePath: String = "/") -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        guard let site = prepareSite() else {
            return Outcome(loaded: false, diagnostics: [Diagnostic(.unreadableFile, file: kind.file, message: "no temporary folder")], formatted: [])
        }
        let path = site + "/" + kind.file
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            return Outcome(loaded: false, diagnostics: [Diagnostic(.unreadableFile, file: kind.file, message: "cannot write \(path)")], formatted: [])
        }
        let markdown = MarkdownRenderer(allowsRawHTML: allowsRawHTML, basePath: basePath)
        let loaded: Bool, diagnostics: [Diagnostic]
        switch kind {
        case .question, .answer:
            let folder = kind == .question ? "fuzz-question" : "fuzz-answer"
            let folderPath = site + "/Content/questions/" + folder
            let result = ThreadLoader.load(folder: folder, folderPath: folderPath,
                                           entries: DirectoryListing.entries(of: folderPath) ?? [],
                                           authorIDs: authorIDs, markdown: markdown)
            (loaded, diagnostics) = (result.0 != nil, result.1)
        case .author:
            let result = AuthorLoader.load(id: "fuzz-author", path: path, file: kind.file, photoFiles: ["fuzz-author.svg", "photo.jpg"],
                                           markdown: markdown)
            (loaded, diagnostics) = (result.0 != nil, result.1)
        case .page:
            let result = FreePageLoader.load(slug: "fuzz-page", path: path, file: kind.file, markdown: markdown)
            (loaded, diagnostics) = (result.0 != nil, result.1)
        case .config:
            if case .success(let text) = SourceText.decode(bytes) {
                let result = SiteConfigLoader.load(text: text.text)
                (loaded, diagnostics) = (result.0 != nil, result.1)
            } else {
                (loaded, diagnostics) = (false, [Diagnostic(.notUTF8, file: kind.file, line: 1, column: 1, message: "qanda.yml is empty or not UTF-8 text")])
            }
        }
        let formatter = DiagnosticFormatter(siteFolder: site)
        return Outcome(loaded: loaded && !diagnostics.hasErrors, diagnostics: diagnostics, formatted: diagnostics.map { formatter.format($0) })
    }

    /// The probe's site folder with the files that stay the same (the valid question beside the answer).
    private static func prepareSite() -> String? {
        if let preparedFolder { return preparedFolder }
        let shm = "/dev/shm"
        let base = DirectoryListing.kind(of: shm) == .folder ? shm : NSTemporaryDirectory()
        let site = "\(base)/qanda-source-probe-\(ProcessInfo.processInfo.processIdentifier)"
        let manager = FileManager.default
        do {
            for folder in ["Content/questions/fuzz-question", "Content/questions/fuzz-answer", "Content/authors", "Content/pages"] {
                try manager.createDirectory(atPath: site + "/" + folder, withIntermediateDirectories: true)
            }
            let question = "---\ntitle: A question\ndate: 2024-05-01\ncategory: Anxiety\n---\nThe body.\n"
            try Data(question.utf8).write(to: URL(fileURLWithPath: site + "/Content/questions/fuzz-answer/question.md"))
        } catch {
            return nil
        }
        preparedFolder = site
        atexit { if let folder = SourceFileProbe.preparedFolder { try? FileManager.default.removeItem(atPath: folder) } }
        return site
    }
}
