/// Diagnostics for machines: a JSON document with a stable schema, and GitHub Actions workflow commands.
package enum DiagnosticReport {
    /// Schema version 1:
    /// `{"version": 1, "errors": N, "warnings": N, "diagnostics": [{"file", "line", "column", "code", "severity",
    /// "message", "hint"}]}`; line and column are 0 when unknown, hint is null when there is none. Severity is
    /// "error", "warning" or "note"; `notes` counts the notes (listed only when `qanda check --verbose` asks).
    package static func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { diagnostic -> [String: Any] in
            ["file": diagnostic.file, "line": diagnostic.line, "column": diagnostic.column, "code": diagnostic.code.rawValue,
             "severity": diagnostic.severity.rawValue, "message": diagnostic.message,
             "hint": diagnostic.hint.map { $0 as Any } ?? NullValue()]
        }
        return JSONText.serialize(["version": 1, "errors": diagnostics.errorCount, "warnings": diagnostics.warningCount,
                                   "notes": diagnostics.noteCount, "diagnostics": items] as [String: Any]) + "\n"
    }

    /// `::error file=…,line=…,col=…,title=CODE::message`, one line each, so findings show on the pull request.
    /// `file=` names a file of the repository, as GitHub reads it: `siteInRepository` is the site folder's path
    /// there ("" for its root; see `siteInRepository(siteFolder:workspace:)`), nil when the site folder is not in
    /// it. A finding about a file that is not one of the site's (`notInSite`: the manifest given to `--against`,
    /// which may be a download or a build output) names no file and shows on the run's summary instead.
    package static func github(_ diagnostics: [Diagnostic], siteInRepository: String? = "", notInSite: Set<String> = []) -> String {
        diagnostics.map { diagnostic in
            var properties: [String] = []
            // A line and a column mean nothing without the file they are in.
            if !diagnostic.file.isEmpty, !notInSite.contains(diagnostic.file), let site = siteInRepository {
                properties.append("file=\(escapeProperty(site.isEmpty ? diagnostic.file : site + "/" + diagnostic.file))")
                if diagnostic.line > 0 { properties.append("line=\(diagnostic.line)") }
                if diagnostic.column > 0 { properties.append("col=\(diagnostic.column)") }
            }
            properties.append("title=\(escapeProperty(diagnostic.code.rawValue))")
            let message = diagnostic.message + (diagnostic.hint.map { "\nhint: \($0)" } ?? "")
            let command = switch diagnostic.severity { case .error: "error"; case .warning: "warning"; case .note: "notice" }
            return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }.joined()
    }

    /// Where the site folder is in the repository a workflow checked out (`GITHUB_WORKSPACE`), so that `file=`
    /// names `docs/Content/…` for `--site docs`: "" at its root, nil outside it. Outside a workflow (no
    /// workspace) paths stay relative to the site folder.
    package static func siteInRepository(siteFolder: String, workspace: String?) -> String? {
        guard let workspace, !workspace.isEmpty else { return "" }
        let site = OutputLocation.canonical(siteFolder), root = OutputLocation.canonical(workspace)
        if site == root { return "" }
        let prefix = root == "/" ? "/" : root + "/"
        return site.hasPrefix(prefix) ? String(site.dropFirst(prefix.count)) : nil
    }

    /// GitHub's escaping for the message part of a workflow command.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// …and for property values, where `:` and `,` separate properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// JSON's null, for JSONText.
struct NullValue {}
