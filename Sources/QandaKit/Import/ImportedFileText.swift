/// The text of each content file `qanda import` writes: front matter in the content format (every value through
/// `YAMLScalar`, so any text reads back as it was), then the Markdown body. Pure: the same post gives the same
/// bytes on every run, which is how a resumed import knows a file it finds is one it wrote.
package enum ImportedFileText {
    package static func question(_ question: ImportedQuestion) -> String {
        var lines = [
            "title: \(YAMLScalar.line(question.title))",
            "date: \(question.date.text)",
        ]
        if let updated = question.updated { lines.append("updated: \(updated.text)") }
        lines.append("category: \(YAMLScalar.line(question.category))")
        if !question.tags.isEmpty { lines.append("tags: \(YAMLScalar.list(question.tags))") }
        if let votes = question.votes { lines.append("votes: \(votes)") }
        if let askedBy = question.askedBy { lines.append("asked_by: \(YAMLScalar.line(askedBy))") }
        if let editedBy = question.editedBy { lines.append("edited_by: \(YAMLScalar.line(editedBy))") }
        if let genre = question.genre { lines.append("genre: \(YAMLScalar.line(genre))") }
        lines += sourceLines(question.source)
        return file(lines, body: question.body)
    }

    package static func answer(_ answer: ImportedAnswer) -> String {
        var lines = [
            "author: \(YAMLScalar.line(answer.authorID))",
            "date: \(answer.date.text)",
        ]
        if let updated = answer.updated { lines.append("updated: \(updated.text)") }
        if let votes = answer.votes { lines.append("votes: \(votes)") }
        if answer.accepted { lines.append("accepted: true") }
        if let editedBy = answer.editedBy { lines.append("edited_by: \(YAMLScalar.line(editedBy))") }
        lines += sourceLines(answer.source)
        return file(lines, body: answer.body)
    }

    /// A person with `given` and `family`; an organization; a screen name (`kind: screen-name`), printed as
    /// written, never split into initials by citations.
    package static func author(_ author: ImportedAuthor) -> String {
        var lines = ["name: \(YAMLScalar.line(author.name))"]
        switch author.naming {
        case .person(let given, let family):
            lines.append("given: \(YAMLScalar.line(given))")
            lines.append("family: \(YAMLScalar.line(family))")
        case .screenName:
            lines.append("kind: screen-name")
        case .organization:
            lines.append("kind: organization")
        }
        if let credentials = author.credentials { lines.append("credentials: \(YAMLScalar.line(credentials))") }
        if let role = author.role { lines.append("role: \(YAMLScalar.line(role))") }
        if let url = author.url { lines.append("url: \(YAMLScalar.line(url))") }
        return file(lines, body: author.bio)
    }

    private static func sourceLines(_ source: ImportedSource?) -> [String] {
        guard let source else { return [] }
        var lines = ["source:", "  url: \(YAMLScalar.line(source.url))"]
        if let license = source.license { lines.append("  license: \(YAMLScalar.line(license))") }
        if let licenseURL = source.licenseURL { lines.append("  license_url: \(YAMLScalar.line(licenseURL))") }
        return lines
    }

    /// Front matter, then the body with LF line ends and one final line break.
    private static func file(_ lines: [String], body: String) -> String {
        var text = "---\n" + lines.joined(separator: "\n") + "\n---\n"
        let normalized = ByteText.unixLineEnds(body)
        if !normalized.isEmpty { text += normalized.hasSuffix("\n") ? normalized : normalized + "\n" }
        return text
    }
}
