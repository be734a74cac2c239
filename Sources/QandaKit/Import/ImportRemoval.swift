import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `qanda import remove`: takes an import out of a site again, by its journal. Deletes exactly the files the journal
/// lists whose bytes are still those written (with the hidden temporary names a stopped import may have left),
/// then the folders it made once they are empty, then the journal. A file edited since the import is kept and
/// reported, and its line stays in the journal.
package enum ImportRemoval {
    package struct Outcome: Sendable, Equatable {
        package var journals: [String] = []
        package var removedFiles = 0
        package var removedFolders = 0
        /// Listed files whose bytes changed since the import: kept.
        package var keptFiles: [String] = []
        package var keptCount = 0
        /// Listed files that were not there any more (deleted by hand, or an import stopped before them).
        package var missingCount = 0
    }

    /// - Parameter journals: names of journals in `.qanda-import/`; empty for all of them.
    package static func remove(site: String, journals wanted: [String] = []) throws -> Outcome {
        let available = ImportJournal.names(inSite: site)
        for name in wanted where !available.contains(name) {
            let suggestion = Suggestion.closest(to: name, in: available)
            throw ImportError(location: site + "/" + ImportJournal.folderName,
                              message: "no import journal '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                              hint: available.isEmpty ? "this site has no import to remove" : "the journals are: \(available.joined(separator: ", "))")
        }
        let chosen = wanted.isEmpty ? available : wanted
        guard !chosen.isEmpty else {
            throw ImportError(location: site, message: "this site has no import journal (\(ImportJournal.folderName)/*\(ImportJournal.fileExtension))",
                              hint: "only what `qanda import` wrote can be removed, and only while its journal is there")
        }
        var outcome = Outcome()
        for name in chosen {
            try remove(site: site, journal: name, into: &outcome)
            outcome.journals.append(name)
        }
        let folder = site + "/" + ImportJournal.folderName
        if (DirectoryListing.entries(of: folder) ?? []).isEmpty { rmdir(folder) }
        return outcome
    }

    private static func remove(site: String, journal name: String, into outcome: inout Outcome) throws {
        let path = site + "/" + ImportJournal.folderName + "/" + name
        var folders: [String] = []
        var kept: [ImportJournal.Entry] = []
        var siteFolderMade = false
        func keep(_ entry: ImportJournal.Entry) {
            outcome.keptCount += 1
            if outcome.keptFiles.count < ImportSummary.listed { outcome.keptFiles.append(entry.path) }
            kept.append(entry)
        }
        try ImportJournal.read(path) { entry in
            // Paths come from a file anyone can edit: nothing outside the site is touched.
            guard entry.path == "." || isInside(entry.path) else { return }
            if entry.kind == .folder {
                if entry.path == "." { siteFolderMade = true } else { folders.append(entry.path) }
                return
            }
            let full = site + "/" + entry.path
            let parent = (entry.path as NSString).deletingLastPathComponent
            let temporary = site + "/" + (parent.isEmpty ? "" : parent + "/") + "." + (entry.path as NSString).lastPathComponent
                + ImportWriter.temporarySuffix
            if DirectoryListing.kind(of: temporary) == .file { unlink(temporary) }
            if entry.kind == .question, let slug = ImportWriter.threadFolder(of: entry.path) {
                let staging = site + "/Content/questions/." + slug + ImportWriter.temporarySuffix
                if DirectoryListing.kind(of: staging) != nil { try? FileManager.default.removeItem(atPath: staging) }
                folders.append("Content/questions/" + slug)
            }
            guard DirectoryListing.kind(of: full) == .file, let bytes = FileBytes.read(full) else {
                if DirectoryListing.kind(of: full) == nil { outcome.missingCount += 1 } else { keep(entry) }
                return
            }
            guard SHA256.hex(of: bytes) == entry.checksum else { return keep(entry) }
            if unlink(full) == 0 { outcome.removedFiles += 1 } else { keep(entry) }
        }
        // Deepest first (a folder's path is longer than its parent's), each only when empty: a folder that holds
        // anything else stays.
        for folder in Set(folders).sorted(by: { ($0.count, $0) > ($1.count, $1) }) where rmdir(site + "/" + folder) == 0 {
            outcome.removedFolders += 1
        }
        if kept.isEmpty {
            unlink(path)
        } else {
            // Only what was kept stays listed, so that it can be removed once it is back as it was.
            let lines = kept.map { [$0.kind.rawValue, ImportJournal.escape($0.key), $0.path, $0.checksum].joined(separator: "\t") }
            let text = "# qanda import journal: files `qanda import remove` kept because they were edited\n" + lines.joined(separator: "\n") + "\n"
            try? text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        if siteFolderMade {
            let folder = site + "/" + ImportJournal.folderName
            if (DirectoryListing.entries(of: folder) ?? []).isEmpty { rmdir(folder) }
            if rmdir(site) == 0 { outcome.removedFolders += 1 }
        }
    }

    /// A relative path of plain segments: no `..`, no leading `/`.
    private static func isInside(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}
