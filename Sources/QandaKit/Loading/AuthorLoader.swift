/// Content/authors/<id>.md -> Author.
package enum AuthorLoader {
    static let keys = ["name", "given", "family", "suffix", "kind", "reviewer", "credentials", "role", "affiliation",
                       "orcid", "url", "photo"]
    /// What a translation (`<id>.<language>.md`) may say: the words, not the facts (names for citations, ORCID…).
    static let translationKeys = ["name", "credentials", "role", "affiliation"]

    /// `<id>.<language>.md`: a translation of author `id`'s words into `language`, none of them required.
    package static func loadTranslation(id: String, language: String, path: String, file: String,
                                        markdown: MarkdownRenderer) -> (Author?, [Diagnostic], Fingerprint) {
        let (source, readDiagnostics) = MarkdownSource.read(path: path, relativePath: file, allowedKeys: translationKeys)
        guard var source else { return (nil, readDiagnostics, Fingerprint()) }
        var fields = source.fields
        let name = fields.string("name") ?? ""
        let credentials = fields.string("credentials"), role = fields.string("role"), affiliation = fields.string("affiliation")
        source.fields = fields
        let diagnostics = readDiagnostics + fields.diagnostics
        guard !diagnostics.hasErrors else { return (nil, diagnostics, source.fingerprint) }
        let bio = markdown.render(source.body, idPrefix: "bio-\(id)-")
        var author = Author(id: id, name: name, kind: .person, isReviewer: false, credentials: credentials, role: role,
                            affiliation: affiliation, bioHTML: bio.html, source: SourceLocation(file: file, line: 1, column: 1),
                            bioLinks: source.bodyLinks(bio.links))
        author.language = language
        return (author, diagnostics, source.fingerprint)
    }

    package static func load(id: String, path: String, file: String, photoFiles: Set<String>,
                     markdown: MarkdownRenderer) -> (Author?, [Diagnostic], Fingerprint) {
        let (source, readDiagnostics) = MarkdownSource.read(path: path, relativePath: file, allowedKeys: keys)
        guard var source else { return (nil, readDiagnostics, Fingerprint()) }
        var fields = source.fields
        var extra: [Diagnostic] = []
        if !Slug.isValidSegment(id) {
            extra.append(Diagnostic(.invalidSlug, file: file, message: "author id '\(id)' cannot be used in a URL",
                                    hint: "rename the file to lowercase letters, digits and hyphens, e.g. '\(Slug.make(from: id)).md'"))
        }
        let name = fields.string("name", required: true, hint: "add `name: Display Name`")
        let given = fields.string("given")
        let family = fields.string("family")
        let suffix = fields.string("suffix")
        var kind: Author.Kind? = .person
        if let text = fields.string("kind") {
            kind = Author.Kind(rawValue: text)
            if kind == nil {
                fields.diagnostics.append(Diagnostic(.invalidValue, at: fields.valueLocation("kind"),
                                                     message: "'kind' must be person, organization or screen-name, not '\(text)'",
                                                     hint: "use organization for a group author such as an advisory board, screen-name for a forum member known by a display name"))
            }
        }
        if kind == .person {  // an unknown kind is reported above; asking for names too would guess it is a person
            for key in ["given", "family"] where !fields.has(key) {
                fields.diagnostics.append(Diagnostic(
                    .missingPersonName, at: fields.keyLocation("name"),
                    message: "person '\(id)' has no '\(key)' name; citations need it",
                    hint: "add `\(key): ...`, or `kind: organization` for a group author"))
            }
        }
        let reviewer = fields.bool("reviewer") ?? false
        let credentials = fields.string("credentials")
        let role = fields.string("role")
        let affiliation = fields.string("affiliation")
        let orcid = fields.string("orcid")
        if let orcid, !ORCID.isValid(orcid) {
            fields.diagnostics.append(Diagnostic(.invalidORCID, at: fields.valueLocation("orcid"),
                                                 message: "ORCID '\(orcid)' is not valid (its check digit is wrong or it is not 16 digits)",
                                                 hint: "copy it from the person's orcid.org record, e.g. 0000-0002-1825-0097"))
        }
        let url = fields.string("url")
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            fields.diagnostics.append(Diagnostic(.invalidValue, at: fields.valueLocation("url"),
                                                 message: "'url' must be an absolute http(s) address", hint: "for example https://example.org/~name"))
        }
        let photo = fields.string("photo")
        if let photo, !photoFiles.contains(photo) {
            fields.diagnostics.append(Diagnostic(.invalidValue, at: fields.valueLocation("photo"),
                                                 message: "photo '\(photo)' is not a file in Content/authors/",
                                                 hint: "put the image in Content/authors/ and give its file name"))
        }
        source.fields = fields
        let diagnostics = readDiagnostics + extra + fields.diagnostics
        guard let name, !diagnostics.hasErrors else { return (nil, diagnostics, source.fingerprint) }
        let bio = markdown.render(source.body, idPrefix: "bio-\(id)-")
        return (Author(id: id, name: name, given: given, family: family, suffix: suffix, kind: kind ?? .person, isReviewer: reviewer,
                       credentials: credentials, role: role, affiliation: affiliation, orcid: orcid, url: url,
                       photo: photo, bioHTML: bio.html,
                       source: SourceLocation(file: file, line: 1, column: 1), bioLinks: source.bodyLinks(bio.links)), diagnostics, source.fingerprint)
    }
}
