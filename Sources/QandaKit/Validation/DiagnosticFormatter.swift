import Foundation

/// Diagnostics as compilers print them: `file:line:col: error[code]: message`, the source line with a caret
/// under the column, and the hint. Colour only when asked (a terminal without NO_COLOR).
public struct DiagnosticFormatter: Sendable {
    public var siteFolder: String
    public var useColor: Bool

    public init(siteFolder: String, useColor: Bool = false) {
        self.siteFolder = siteFolder
        self.useColor = useColor
    }

    /// At most this many diagnostics of one file are printed in full; a note counts the rest. A generated file
    /// with 600,000 unknown keys must not bury every other problem (`--format json` still lists all).
    public static let limitPerFile = 50

    /// Every diagnostic in the given order, reading each source file once for the quoted lines.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        var text = "", file: String?, lines: [Substring] = [], shown = 0, hidden = 0
        func closeFile() {
            if let file, hidden > 0 {
                text += "\(paint(file, "1")): note: \(Plural.text(hidden, "more problem")) in this file not shown\n"
            }
        }
        for diagnostic in diagnostics {
            if diagnostic.file != file {
                closeFile()
                file = diagnostic.file
                lines = sourceLines(diagnostic.file)
                shown = 0
                hidden = 0
            }
            if shown == Self.limitPerFile {
                hidden += 1
                continue
            }
            shown += 1
            text += format(diagnostic, lines: lines)
        }
        closeFile()
        return text
    }

    public func format(_ diagnostic: Diagnostic) -> String { format(diagnostic, lines: sourceLines(diagnostic.file)) }

    private func format(_ diagnostic: Diagnostic, lines: [Substring]) -> String {
        var position = diagnostic.file
        if diagnostic.line > 0 { position += ":\(diagnostic.line)" }
        if diagnostic.line > 0 && diagnostic.column > 0 { position += ":\(diagnostic.column)" }
        let severity = diagnostic.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
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

    public func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        return "\(Plural.count(errors, "error")), \(Plural.count(warnings, "warning"))"
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The file's lines as an editor numbers them; none when it cannot be read as text.
    private func sourceLines(_ file: String) -> [Substring] {
        guard !file.isEmpty, !file.hasSuffix("/"), let bytes = FileBytes.read(siteFolder + "/" + file),
              case .success(let source) = SourceText.decode(bytes) else { return [] }
        return source.text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
