import Foundation
import Yams
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `qanda import remove`: takes an import out of a site again, by its journal. Deletes the files the journal lists
/// whose bytes are still those written (and the hidden temporary names a stopped import may have left), then the
/// folders it made once they are empty, then the journal.
///
/// A file edited since the import is kept and reported, and its line stays in the journal. So that what is left is
/// still a site `qanda check` reads, what it needs stays too, unchanged or not: a thread's question.md while its
/// folder holds anything else (an edited answer, one written by hand, an attachment), an author that a remaining
/// post names, and qanda.yml while Content/ holds anything.
package enum ImportRemoval {
    package struct Outcome: Sendable, Equatable {
        package var journals: [String] = []
        package var removedFiles = 0
        package var removedFolders = 0
        /// Listed files whose bytes changed since the import: kept.
        package var keptFiles: [String] = []
        package var keptCount = 0
        /// Listed files kept unchanged because a remaining post needs them (its question, its author).
        package var neededFiles: [String] = []
        package var neededCount = 0
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
            var removal = Removal(site: site, journal: site + "/" + ImportJournal.folderName + "/" + name)
            try removal.run(into: &outcome)
            outcome.journals.append(name)
        }
        return outcome
    }

    /// One journal's removal, in passes over the journal (it is read, not held): answers first, then questions
    /// (kept while their folder still holds anything), then authors (kept while a remaining post names them), then
    /// qanda.yml (kept while Content/ holds anything), then the folders, emptiest first.
    private struct Removal {
        let site: String
        let journal: String
        var kept: [ImportJournal.Entry] = []
        var folders: [String] = []
        var siteFolderMade = false

        init(site: String, journal: String) {
            self.site = site
            self.journal = journal
        }

        mutating func run(into outcome: inout Outcome) throws {
            var threadFolders: [String] = []
            try pass { entry in
                switch entry.kind {
                case .folder:
                    if entry.path == "." { siteFolderMade = true } else { folders.append(entry.path) }
                case .question:
                    if let slug = ImportWriter.threadFolder(of: entry.path) {
                        threadFolders.append("Content/questions/" + slug)
                        let staging = site + "/Content/questions/." + slug + ImportWriter.temporarySuffix
                        if DirectoryListing.kind(of: staging) != nil { try? FileManager.default.removeItem(atPath: staging) }
                    }
                case .answer:
                    remove(entry, into: &outcome)
                default:
                    break
                }
            }
            let folderHoldsPosts = Set(threadFolders.filter { folder in
                (DirectoryListing.entries(of: site + "/" + folder) ?? []).contains { $0.name != "question.md" && !Slug.isHidden($0.name) }
            })
            try pass { entry in
                guard entry.kind == .question else { return }
                let folder = (entry.path as NSString).deletingLastPathComponent
                remove(entry, into: &outcome, neededBy: folderHoldsPosts.contains(folder))
            }
            let named = Self.authorsNamed(inSite: site)
            try pass { entry in
                guard entry.kind == .author else { return }
                let id = ((entry.path as NSString).lastPathComponent as NSString).deletingPathExtension
                remove(entry, into: &outcome, neededBy: named.contains(id))
            }
            // Deepest first (a folder's path is longer than its parent's), each only when empty.
            for folder in Set(folders + threadFolders).sorted(by: { ($0.count, $0) > ($1.count, $1) }) where rmdir(site + "/" + folder) == 0 {
                outcome.removedFolders += 1
            }
            let contentLeft = DirectoryListing.kind(of: site + "/Content") != nil
            try pass { entry in
                guard entry.kind == .config else { return }
                remove(entry, into: &outcome, neededBy: contentLeft)
            }
            if kept.isEmpty {
                unlink(journal)
            } else {
                // Only what stays is listed, so that it can be removed once it is back as it was.
                let lines = kept.map { [$0.kind.rawValue, ImportJournal.escape($0.key), $0.path, $0.checksum].joined(separator: "\t") }
                let text = "# qanda import journal: files `qanda import remove` kept (edited, or needed by a remaining post)\n"
                    + lines.joined(separator: "\n") + "\n"
                try? text.write(toFile: journal, atomically: true, encoding: .utf8)
            }
            let journalFolder = site + "/" + ImportJournal.folderName
            if (DirectoryListing.entries(of: journalFolder) ?? []).isEmpty { rmdir(journalFolder) }
            if siteFolderMade && rmdir(site) == 0 { outcome.removedFolders += 1 }
        }

        /// Every entry whose path stays inside the site (paths come from a file anyone can edit).
        private func pass(_ body: (ImportJournal.Entry) throws -> Void) throws {
            try ImportJournal.read(journal) { entry in
                guard entry.path == "." || isInside(entry.path) else { return }
                try body(entry)
            }
        }

        private mutating func remove(_ entry: ImportJournal.Entry, into outcome: inout Outcome, neededBy needed: Bool = false) {
            let full = site + "/" + entry.path
            let parent = (entry.path as NSString).deletingLastPathComponent
            let temporary = site + "/" + (parent.isEmpty ? "" : parent + "/") + "." + (entry.path as NSString).lastPathComponent + ImportWriter.temporarySuffix
            if DirectoryListing.kind(of: temporary) == .file { unlink(temporary) }
            guard let kind = DirectoryListing.kind(of: full) else { outcome.missingCount += 1; return }
            guard kind == .file, let bytes = FileBytes.read(full), SHA256.hex(of: bytes) == entry.checksum else {
                outcome.keptCount += 1
                if outcome.keptFiles.count < ImportSummary.listed { outcome.keptFiles.append(entry.path) }
                kept.append(entry)
                return
            }
            if needed || unlink(full) != 0 {
                outcome.neededCount += 1
                if outcome.neededFiles.count < ImportSummary.listed { outcome.neededFiles.append(entry.path) }
                kept.append(entry)
                return
            }
            outcome.removedFiles += 1
        }

        /// Author ids that the posts still in the site name (`author`, `edited_by`, `reviewed.by`).
        static func authorsNamed(inSite site: String) -> Set<String> {
            var ids: Set<String> = []
            let questions = site + "/Content/questions"
            for folder in DirectoryListing.entries(of: questions) ?? [] where folder.kind == .folder && !Slug.isHidden(folder.name) {
                for file in DirectoryListing.entries(of: questions + "/" + folder.name) ?? []
                where file.kind == .file && file.name.hasSuffix(".md") && !Slug.isHidden(file.name) {
                    guard let bytes = FileBytes.read(questions + "/" + folder.name + "/" + file.name),
                          case .success(let source) = SourceText.decode(bytes),
                          case .success(let block) = FrontMatterSplitter.split(source.text),
                          case .success(let mapping?) = YAMLMappingParser.parse(block.yaml, file: "", lineOffset: 0) else { continue }
                    for key in ["author", "edited_by"] {
                        if let id = mapping[key]?.scalar?.string { ids.insert(id.trimmingWhitespace()) }
                    }
                    if let id = mapping["reviewed"]?.mapping?["by"]?.scalar?.string { ids.insert(id.trimmingWhitespace()) }
                }
            }
            return ids
        }

        /// A relative path of plain segments: no `..`, no leading `/`.
        private func isInside(_ path: String) -> Bool {
            !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
        }
    }
}
