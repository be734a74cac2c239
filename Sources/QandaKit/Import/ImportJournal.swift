import Foundation
import QandaPlatform
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one import wrote into a site: `.qanda-import/<format>-<source>.journal` in the site folder, a text file of
/// one line per file or folder, appended before the file takes its name (so a file an interrupted import left is
/// always listed). A resumed import reads it to give each question the folder it had; `qanda import remove` deletes
/// exactly the files it lists whose bytes are still those written.
///
/// Lines are tab-separated: kind (`config`, `folder`, `author`, `question`, `answer`), the archive's id of the post
/// (`-` for none; `%`, tab and line breaks percent-encoded), the path relative to the site folder, and the SHA-256
/// of the bytes written (`-` for a folder). Lines starting with `#` are comments.
package final class ImportJournal {
    package static let folderName = ".qanda-import"
    package static let fileExtension = ".journal"

    package enum Kind: String, Sendable {
        case config, folder, author, question, answer
    }

    package struct Entry: Sendable, Equatable {
        package var kind: Kind
        package var key: String
        package var path: String
        package var checksum: String
    }

    /// The journal of one source file in one format: `csv-counsel-chat-csv.journal` for `counsel_chat.csv`, so that
    /// two CSV files imported into one site keep apart (each numbers its questions from 1).
    package static func name(format: String, source: String) -> String {
        let base = Slug.make(from: (source as NSString).lastPathComponent, transliterating: false)
        return "\(Slug.make(from: format))-\(base.isEmpty ? "source" : base)\(fileExtension)"
    }

    /// The journals of a site, by file name.
    package static func names(inSite site: String) -> [String] {
        (DirectoryListing.entries(of: site + "/" + folderName) ?? [])
            .filter { $0.kind == .file && $0.name.hasSuffix(fileExtension) && !Slug.isHidden($0.name) }
            .map(\.name).sorted()
    }

    let path: String
    private var descriptor: Int32 = -1
    private let header: String

    /// - Parameter header: comment lines written at the top of a new journal (the command that made it).
    package init(site: String, name: String, header: String) {
        path = site + "/" + Self.folderName + "/" + name
        self.header = header
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Appends one line; the first call creates the folder and the file (with its header) when they are missing.
    package func append(_ entry: Entry) throws {
        if descriptor < 0 { try open() }
        let line = [entry.kind.rawValue, Self.escape(entry.key), entry.path, entry.checksum].joined(separator: "\t") + "\n"
        try write(line)
    }

    private func open() throws {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let isNew = DirectoryListing.kind(of: path) == nil
        descriptor = openForAppending(path)
        guard descriptor >= 0 else {
            throw ImportError(location: path, message: "cannot write the import's journal: \(String(cString: strerror(errno)))",
                              hint: "check that the site folder is writable")
        }
        if isNew { try write(header) }
    }

    private func write(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { SystemWrite.some(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ImportError(location: path, message: "cannot write the import's journal: \(String(cString: strerror(errno)))",
                                  hint: "free some space, then run the same command again to resume")
            }
            offset += written
        }
    }

    /// Every entry of a journal file, in the order written, one at a time (a journal of a million posts is not
    /// held in memory). Lines that do not parse (a line cut short by a crash) are passed over.
    package static func read(_ path: String, _ body: (Entry) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        func consume(_ line: ArraySlice<UInt8>) throws {
            guard line.first != UInt8(ascii: "#"), let text = String(validating: line, as: UTF8.self) else { return }
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let kind = Kind(rawValue: fields[0]), !fields[2].isEmpty else { return }
            try body(Entry(kind: kind, key: unescape(fields[1]), path: fields[2], checksum: fields[3]))
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending += chunk
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try consume(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
        }
        // A last line without its line break was cut short while being written: not trusted.
    }

    static func escape(_ key: String) -> String {
        guard key.contains(where: { "%\t\n\r".contains($0) }) || key.isEmpty else { return key }
        if key.isEmpty { return "%" }
        var result = ""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\t": result += "%09"
            case "\n": result += "%0A"
            case "\r": result += "%0D"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func unescape(_ field: String) -> String {
        if field == "%" { return "" }
        guard field.contains("%") else { return field }
        return field.replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n")
            .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%25", with: "%")
    }
}

/// open(2) for appending, the file created when missing (outside the class, whose own `open()` hides the C one).
private func openForAppending(_ path: String) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
}
