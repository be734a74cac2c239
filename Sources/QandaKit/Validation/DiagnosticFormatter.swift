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

    public func format(_ diagnostic: Diagnostic) -> String {
        var position = diagnostic.file
        if diagnostic.line > 0 { position += ":\(diagnostic.line)" }
        if diagnostic.line > 0 && diagnostic.column > 0 { position += ":\(diagnostic.column)" }
        let severity = diagnostic.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
        var text = "\(paint(position, "1")): \(severity)[\(diagnostic.code.rawValue)]: \(diagnostic.message)\n"
        if diagnostic.line > 0, let line = sourceLine(diagnostic.file, diagnostic.line) {
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

    private func sourceLine(_ file: String, _ number: Int) -> String? {
        guard !file.isEmpty, let bytes = FileBytes.read(siteFolder + "/" + file),
              case .success(let source) = SourceText.decode(bytes) else { return nil }
        var current = 1
        for line in source.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line.prefix(300)) }
            current += 1
        }
        return nil
    }
}
