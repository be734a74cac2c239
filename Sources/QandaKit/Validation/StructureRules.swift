/// The shape of threads: answered, and not published twice under the same title.
package enum StructureRules {
    package static func diagnostics(site: Site) -> [Diagnostic] {
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
            let key = titleKey(question.title)
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

    /// A title as two titles are compared: in lower case, each run of white space one space, none at the ends.
    static func titleKey(_ title: String) -> String {
        let lower = title.lowercased()
        // Most titles are ASCII with single spaces, with nothing to collapse (splitting took 3% of a check).
        var afterSpace = true
        let plain = lower.utf8.allSatisfy { byte in
            defer { afterSpace = byte == 0x20 }
            return (byte > 0x20 && byte < 0x80) || (byte == 0x20 && !afterSpace)
        }
        return plain && lower.utf8.last != 0x20 ? lower : lower.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
