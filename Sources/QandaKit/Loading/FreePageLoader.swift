/// Content/pages/<slug>.md -> FreePage.
package enum FreePageLoader {
    static let keys = ["title", "description", "date", "updated", "draft"]

    package static func load(slug: String, path: String, file: String, markdown: MarkdownRenderer) -> (FreePage?, [Diagnostic], Fingerprint) {
        let (source, readDiagnostics) = MarkdownSource.read(path: path, relativePath: file, allowedKeys: keys)
        guard let source else { return (nil, readDiagnostics, Fingerprint()) }
        var fields = source.fields
        var extra: [Diagnostic] = []
        if !Slug.isValidSegment(slug) {
            extra.append(Diagnostic(.invalidSlug, file: file, message: "page name '\(slug)' cannot be used in a URL",
                                    hint: "rename the file to lowercase letters, digits and hyphens, e.g. '\(Slug.make(from: slug)).md'"))
        }
        let title = fields.string("title", required: true, hint: "add `title: Page Title`")
        let description = fields.string("description")
        let date = fields.date("date")
        let updated = fields.date("updated")
        if let date, let updated, updated < date {
            fields.diagnostics.append(Diagnostic(.dateOrder, at: fields.valueLocation("updated"),
                                                 message: "'updated' (\(updated)) is before 'date' (\(date))",
                                                 hint: "'updated' is the last change, so it cannot be earlier than 'date'"))
        }
        let draft = fields.bool("draft") ?? false
        if let placeholder = source.placeholderDiagnostic(isDraft: draft) { fields.diagnostics.append(placeholder) }
        let diagnostics = readDiagnostics + extra + fields.diagnostics
        guard let title, !diagnostics.hasErrors else { return (nil, diagnostics, source.fingerprint) }
        let rendered = markdown.render(source.body)
        return (FreePage(slug: slug, title: title, description: description, date: date, updated: updated, isDraft: draft,
                     bodyHTML: rendered.html, source: SourceLocation(file: file, line: 1, column: 1),
                     links: source.bodyLinks(rendered.links)), diagnostics, source.fingerprint)
    }
}
