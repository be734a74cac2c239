import Foundation
import QandaPlatform
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file the scaffolding commands want to write: a path relative to the site folder and its text.
package struct ScaffoldFile: Sendable, Equatable {
    /// Relative to the site folder, with `/` separators (`Content/questions/x/question.md`).
    package var path: String
    package var contents: String

    package init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// What happened to one planned file.
package enum ScaffoldOutcome: Sendable, Equatable {
    /// Written; it did not exist before.
    case written(String)
    /// Left alone because something already had that name.
    case skipped(String)

    package var path: String {
        switch self { case .written(let path), .skipped(let path): path }
    }
}

/// Why an `init`, `new` or `templates eject` could not do what was asked. Every case reads as one sentence.
package enum ScaffoldError: Error, Equatable, CustomStringConvertible {
    case folderNotEmpty(String)
    case notAFolder(String)
    case notASite(String)
    case invalidBaseURL(String, problem: String)
    case emptyTitle
    /// The title has no letters or digits that make a slug (only emoji or punctuation, or a script with no
    /// transliteration), and no `--slug` was given.
    case noSlug(title: String)
    /// `--slug` names a thread folder or a `slug:` that exists.
    case slugTaken(String, suggestion: String)
    case invalidID(String, kind: String, suggestion: String?)
    case threadNotFound(String, suggestion: String?)
    case authorNotFound(String, suggestion: String?)
    case authorExists(String)
    case personNeedsFullName(String)
    case nameNeedsBoth(missing: String)
    case emptyName(String)
    case organizationHasNoPersonNames
    case unknownTemplates([String], valid: [String])
    case alreadyExists(String)
    case cannotWrite(String, reason: String)

    package var description: String {
        switch self {
        case .folderNotEmpty(let path):
            "\(path) is not empty; choose an empty or new folder, or pass --force to add only the files that are missing (existing files are never overwritten)"
        case .notAFolder(let path):
            "\(path) exists and is not a folder"
        case .notASite(let path):
            "no qanda.yml in \(path); run `qanda init \(path)` first, or pass the site folder with --site"
        case .invalidBaseURL(let url, let problem):
            "base URL '\(url)' \(problem); write an absolute http(s) URL such as https://example.org/ or https://example.org/kb/"
        case .emptyTitle:
            "the title is empty"
        case .noSlug(let title):
            "the title '\(title)' has no letters or digits that can be written in Latin letters for its URL;"
                + " choose the URL's slug with --slug (lowercase letters a-z, digits and hyphens, e.g. --slug what-is-anxiety)"
        case .slugTaken(let slug, let suggestion):
            "a thread already has the slug '\(slug)' (a folder in Content/questions/ or a `slug:`); choose another with --slug, e.g. --slug \(suggestion)"
        case .invalidID(let id, let kind, let suggestion):
            "'\(id)' cannot be \(kind): use lowercase letters a-z, digits, '-', '_' or '.', not starting with a dot"
                + (suggestion.map { " (for example '\($0)')" } ?? "")
        case .threadNotFound(let slug, let suggestion):
            "no thread '\(slug)' in Content/questions/" + Self.didYouMean(suggestion)
                + "; the slug is the thread's folder name (`qanda new question \"Title\"` makes one)"
        case .authorNotFound(let id, let suggestion):
            "no author '\(id)' in Content/authors/" + Self.didYouMean(suggestion)
                + "; add one with `qanda new author \(id) --name \"Full Name\"`"
        case .authorExists(let id):
            "author '\(id)' already exists (Content/authors/\(id).md); it is left as it is"
        case .personNeedsFullName(let name):
            "'\(name)' is one word, but a person needs a given and a family name (citations print them); write the full name, or pass --organization"
        case .nameNeedsBoth(let missing):
            "--given and --family go together (citations need both); add \(missing)"
        case .emptyName(let option):
            "\(option) is empty; a new author needs a name (--name, or --given and --family)"
        case .organizationHasNoPersonNames:
            "an organization has one name (--name); --given and --family are for a person"
        case .unknownTemplates(let names, let valid):
            "no built-in template named \(names.map { "'\($0)'" }.joined(separator: ", "))"
                + (names.count == 1 ? Self.didYouMean(Suggestion.closest(to: names[0], in: valid)) : "")
                + "; the templates are: \(valid.joined(separator: ", "))"
        case .alreadyExists(let path):
            "\(path) already exists; it is left as it is"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
}

/// Writes planned files into a folder and never replaces anything: a file is created only when nothing has its
/// name (O_EXCL, so not even a file that appears between the plan and the write is overwritten).
package enum ScaffoldWriter {
    /// Writes every file that does not exist yet and skips the others; folders are created as needed.
    /// Throws only when a file cannot be written at all (permissions, a file where a folder must be).
    package static func write(_ files: [ScaffoldFile], into folder: String) throws -> [ScaffoldOutcome] {
        try files.map { try write($0, into: folder) }
    }

    /// Writes one new file, or throws `alreadyExists` when something has its name.
    package static func create(_ file: ScaffoldFile, in folder: String) throws -> String {
        switch try write(file, into: folder) {
        case .written(let path): return path
        case .skipped(let path): throw ScaffoldError.alreadyExists(path)
        }
    }

    static func write(_ file: ScaffoldFile, into folder: String) throws -> ScaffoldOutcome {
        let fullPath = folder + "/" + file.path
        let parent = (fullPath as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw ScaffoldError.cannotWrite(file.path, reason: "cannot create its folder")
        }
        let descriptor = open(fullPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            let code = errno
            // Any entry of that name (a file, a folder, a dangling link) counts as existing: never touched.
            if code == EEXIST || code == EISDIR { return .skipped(file.path) }
            throw ScaffoldError.cannotWrite(file.path, reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var bytes = Array(file.contents.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                SystemWrite.some(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw ScaffoldError.cannotWrite(file.path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        return .written(file.path)
    }
}

