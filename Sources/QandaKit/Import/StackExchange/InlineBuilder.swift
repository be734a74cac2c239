/// Inline Markdown assembled piece by piece, with HTML's white space rule: a run of spaces and line breaks is one
/// space (a line break when the run had one), none at the start or the end.
struct InlineBuilder {
    private var text = ""
    private var pending: Character?
    private var startedWithSpace = false
    private var afterHardBreak = false

    mutating func append(_ piece: String) {
        guard !piece.isEmpty else { return }
        if let space = pending { text.append(space); pending = nil }
        text += piece
        afterHardBreak = false
    }

    mutating func space(newline: Bool) {
        if text.isEmpty { startedWithSpace = true; return }
        if afterHardBreak { return }
        pending = newline || pending == "\n" ? "\n" : " "
    }

    /// `<br>`: a backslash at the end of the line, which no trimming of trailing spaces can lose.
    mutating func lineBreak() {
        guard !text.isEmpty else { return }
        pending = nil
        text += "\\\n"
        afterHardBreak = true
    }

    var result: HTMLToMarkdown.InlineText {
        var body = text
        var trailing = pending != nil
        // A hard break at the very end breaks nothing (and Markdown would show its backslash).
        if body.hasSuffix("\\\n") { body.removeLast(2); trailing = true }
        return HTMLToMarkdown.InlineText(text: body, leadingSpace: startedWithSpace, trailingSpace: trailing)
    }
}
