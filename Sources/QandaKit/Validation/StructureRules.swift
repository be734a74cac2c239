/// The shape of threads: answered, and not published twice under the same title.
public enum StructureRules {
    public static func diagnostics(site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var titles: [String: String] = [:]
        // Oldest first, so the later thread is the one reported.
        for thread in site.threads.reversed() {
            let question = thread.question
            if thread.answers.isEmpty {
                diagnostics.append(Diagnostic(.noAnswers, .warning, at: question.location(of: "title"),
                                              message: "this thread has no published answers",
                                              hint: "add an answer file beside question.md, or mark the thread `draft: true`"))
            }
            let key = question.title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if let first = titles[key] {
                diagnostics.append(Diagnostic(.duplicateTitle, .warning, at: question.location(of: "title"),
                                              message: "the same title as \(first)",
                                              hint: "readers and search engines cannot tell the two apart; make the titles distinct or merge the threads"))
            } else {
                titles[key] = question.source.file
            }
        }
        return diagnostics
    }
}
