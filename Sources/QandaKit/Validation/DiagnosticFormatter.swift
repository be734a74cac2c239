import Foundation

/// Diagnostics as compilers print them: `file:line:col: error[code]: message`, the source line with a caret
/// under the column, and the hint. Colour only when asked (a terminal without NO_COLOR).
package struct DiagnosticFormatter: Sendable {
    package var siteFolder: String
    package var useColor: Bool

    package init(siteFolder: String, useColor: Bool = false) {
        self.siteFolder = siteFolder
        self.useColor = useColor
    }

    /// At most this many diagnostics of one file are printed in full; a note counts the rest. A generated file
    /// with 600,000 unknown keys must not bury every other problem (`--format json` still lists all).
    package static let limitPerFile = 50

    /// Every diagnostic in the given order, reading each source file once for the quoted lines.
    package func format(_ diagnostics: [Diagnostic]) -> String { formatByFile(diagnostics).joined() }

    /// The same text in pieces, a file's diagnostics each, to be written one after the other: joining them took a
    /// 100,000-question check 0.3 s (70 MB). Each file's run is formatted on its own, on all cores: at 100,000
    /// questions there are 100,000 files to quote.
    package func formatByFile(_ diagnostics: [Diagnostic]) -> [String] {
        var runs: [Range<Int>] = []
        var start = 0
        for index in diagnostics.indices.dropFirst() where diagnostics[index].file != diagnostics[index - 1].file {
            runs.append(start..<index)
            start = index
        }
        if !diagnostics.isEmpty { runs.append(start..<diagnostics.count) }
        return Parallel.mapNow(runs) { formatFile(diagnostics[$0]) }
    }

    /// Diagnostics of one file: the first `limitPerFile` in full, then a note counting the rest.
    private func formatFile(_ diagnostics: ArraySlice<Diagnostic>) -> String {
        guard let file = diagnostics.first?.file else { return "" }
        let lines = sourceLines(file, upTo: diagnostics.prefix(Self.limitPerFile).map(\.line).max() ?? 0)
        var text = diagnostics.prefix(Self.limitPerFile).map { format($0, lines: lines) }.joined()
        let hidden = diagnostics.count - Self.limitPerFile
        if hidden > 0 { text += "\(paint(file, "1")): note: \(Plural.text(hidden, "more problem")) in this file not shown\n" }
        return text
    }

    package func format(_ diagnostic: Diagnostic) -> String { format(diagnostic, lines: sourceLines(diagnostic.file, upTo: diagnostic.line)) }

    private func format(_ diagnostic: Diagnostic, lines: [Substring]) -> String {
        var position = diagnostic.file
        if diagnostic.line > 0 { position += ":\(diagnostic.line)" }
        if diagnostic.line > 0 && diagnostic.column > 0 { position += ":\(diagnostic.column)" }
        let severity = switch diagnostic.severity {
        case .error: paint("error", "1;31")
        case .warning: paint("warning", "1;33")
        case .note: paint("note", "1;36")
        }
        var text = "\(paint(position, "1")): \(severity)[\(diagnostic.code.rawValue)]: \(diagnostic.message)\n"
        if diagnostic.line > 0, diagnostic.line <= lines.count {
            let line = String(lines[diagnostic.line - 1].prefix(300))
            let gutter = String(diagnostic.line)
            text += "\(String(repeating: " ", count: gutter.count)) |\n"
            text += "\(gutter) | \(line)\n"
            if diagnostic.column > 0 {
                let prefix = line.unicodeScalars.prefix(diagnostic.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
                text += "\(String(repeating: " ", count: gutter.count)) | \(prefix)\(paint("^", "1;32"))\n"
            }
        }
        if let hint = diagnostic.hint { text += "  = \(paint("hint", "1")): \(hint)\n" }
        return text
    }

    package func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount, notes = diagnostics.noteCount
        let counts = "\(Plural.count(errors, "error")), \(Plural.count(warnings, "warning"))"
        return notes == 0 ? counts : counts + ", \(Plural.count(notes, "note"))"
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The file's lines as an editor numbers them, the first `last` of them (the last one may hold the rest of the
    /// file); none when it cannot be read. A file that is not UTF-8 is quoted with U+FFFD for each bad byte.
    private func sourceLines(_ file: String, upTo last: Int) -> [Substring] {
        guard !file.isEmpty, !file.hasSuffix("/"), let bytes = FileBytes.read(siteFolder + "/" + file) else { return [] }
        let text: String
        switch SourceText.decode(bytes) {
        case .success(let source): text = source.text
        case .failure(.notUTF8): text = SourceText.decodeForDisplay(bytes)
        case .failure(.empty): return []
        }
        // Over bytes: splitting Characters took 6% of checking 100,000 questions (the text has LF endings only).
        return text.utf8.split(separator: 0x0A, maxSplits: last, omittingEmptySubsequences: false).map { Substring($0) }
    }
}
