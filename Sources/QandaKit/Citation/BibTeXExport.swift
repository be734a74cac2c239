import Foundation

/// BibTeX for biblatex/biber and pandoc: one `@online` entry per record.
///
///     @online{randle2018pursuing,
///       author = {Randle, Kim and {van der Berg}, Anneke},
///       title = {{Pursuing an ethical post-therapy relationship}},
///       date = {2018-04-26},
///       organization = {Mindwell},
///       url = {https://example.org/questions/pursuing/},
///       langid = {english}
///     }
///
/// `@online`, not `@misc`: it is biblatex's type for web pages, and pandoc reads it as CSL `webpage`, where
/// `@misc` comes back with no type at all. Its fields are biblatex's (`date`, `urldate`, `organization`,
/// `langid`); classic BibTeX styles fall back to their `misc` layout for it.
package enum BibTeXExport {
    package static func entries(_ records: [CitationRecord]) -> String {
        records.map(entry).joined(separator: "\n")
    }

    package static func entry(_ record: CitationRecord) -> String {
        var fields: [(String, String)] = []
        if !record.authors.isEmpty {
            fields.append(("author", record.authors.map(name).joined(separator: " and ")))
        }
        // The outer braces keep BibTeX styles and pandoc from re-casing a title that is already in the case
        // the site wants.
        fields.append(("title", "{" + escape(record.exportTitle) + "}"))
        if let date = record.date { fields.append(("date", date.isoDay)) }
        fields.append(("organization", escape(record.siteName)))
        fields.append(("url", url(record.url)))
        if let retrieved = record.retrieved { fields.append(("urldate", retrieved.isoDay)) }
        if !record.language.isEmpty { fields.append(("langid", langid(record.language))) }
        if let description = record.formDescription {
            // `type` becomes CSL `genre`, which CSL styles print ("[Online forum post]" in APA); `note` is what
            // biblatex's own `@online` layout prints.
            fields.append(("type", escape(description)))
            fields.append(("note", "[" + escape(description) + "]"))
        }
        let body = fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n")
        return "@online{\(record.key),\n\(body)\n}\n"
    }

    // MARK: Names

    /// "Randle, Kim", "Okafor, Jr., Tunde", "{van der Berg}, Anneke", "{Mindwell Editorial Team}".
    ///
    /// A family name of several words is braced so that BibTeX keeps it whole, as the person writes it: bare
    /// `van der Berg, Anneke` makes "van der" a von part that styles (and pandoc, as a *dropping* particle)
    /// may move behind the given name ("Berg, Anneke van der"). Braced, biber keeps the family name whole and
    /// pandoc reads "van der" as a *non-dropping* particle, which APA prints and sorts with the family name.
    /// An organization or a screen name is one braced token, so its words are never split into given and family
    /// names.
    static func name(_ contributor: CitationRecord.Contributor) -> String {
        switch contributor {
        case .organization(let name), .screenName(let name):
            return "{" + escape(name) + "}"
        case .person(let given, let family, let suffix):
            let family = protectIfNeeded(escape(family), always: family.contains(where: \.isWhitespace))
            let given = given.flatMap(nonEmpty).map { protectIfNeeded(escape($0)) }
            let suffix = suffix.flatMap(nonEmpty).map { protectIfNeeded(escape($0)) }
            // "von Last, Jr, First" is the only BibTeX form with a place for a suffix.
            switch (given, suffix) {
            case let (given?, suffix?): return "\(family), \(suffix), \(given)"
            case let (given?, nil): return "\(family), \(given)"
            case let (nil, suffix?): return "\(family), \(suffix),"
            // A trailing comma marks a lone braced family name as a person's: pandoc reads `{van der Berg}`
            // alone as an organization-like literal.
            case (nil, nil): return family.hasPrefix("{") ? family + "," : family
            }
        }
    }

    /// Braces a name part that BibTeX's name parser would otherwise split: a comma, an "and" between
    /// words, or (for family names) several words or a lowercase start.
    private static func protectIfNeeded(_ part: String, always: Bool = false) -> String {
        let words = part.split(whereSeparator: \.isWhitespace)
        let needsBraces = always || part.contains(",") || words.contains { $0.lowercased() == "and" }
        return needsBraces ? "{" + part + "}" : part
    }

    private static func nonEmpty(_ text: String) -> String? {
        if let first = text.utf8.first, first > 0x20 && first < 0x7F { return text }  // without Foundation's trimming
        return text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : text
    }

    // MARK: Text

    /// Escapes TeX's special characters so the text prints as written; non-ASCII stays UTF-8, which biber
    /// and pandoc read directly.
    ///
    /// Braces in pairs become `\{`…`\}`. BibTeX counts braces without regard to backslashes, so an unpaired
    /// one would unbalance the field and break the file: it becomes `\textbraceleft{}`/`\textbraceright{}`
    /// instead (pandoc 2.17 drops those, but the entry still parses everywhere).
    static func escape(_ text: String) -> String {
        isPlainASCII(text, allowing: " -") ? text : escapeCharacters(text)
    }

    /// `escape`, character by character (what it does for text that is not plain ASCII).
    static func escapeCharacters(_ text: String) -> String {
        let characters = Array(collapsingWhitespace(text))
        let paired = pairedBraces(characters)
        var result = ""
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{": result += paired.contains(index) ? "\\{" : "\\textbraceleft{}"
            case "}": result += paired.contains(index) ? "\\}" : "\\textbraceright{}"
            case "&", "%", "$", "#", "_": result += "\\" + String(character)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            // TeX joins "--" and "---" into dashes; an empty group between hyphens keeps them as typed.
            case "-" where result.hasSuffix("-"): result += "{}-"
            default: result.append(character)
            }
        }
        return result
    }

    /// Text that `escape` (or `url`) would return as it is: printable ASCII without TeX's special characters
    /// (but those `allowed`), single spaces between words, and no "--". Most titles and names are; the
    /// character-by-character path for them was 1.5% of a clean build.
    private static func isPlainASCII(_ text: String, allowing allowed: StaticString) -> Bool {
        let allowedBytes = UnsafeBufferPointer(start: allowed.utf8Start, count: allowed.utf8CodeUnitCount)
        var previous: UInt8 = 0x20  // a leading space is not plain
        for byte in text.utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return false }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "%"), UInt8(ascii: "$"),
                 UInt8(ascii: "#"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "^"), UInt8(ascii: "-"), UInt8(ascii: " "):
                if !allowedBytes.contains(byte) { return false }
            default: break
            }
            if (byte == 0x20 || byte == 0x2D) && previous == byte { return false }  // "  " and "--"
            previous = byte
        }
        return previous != 0x20
    }

    /// Indexes of the braces that have a partner, matched like parentheses.
    private static func pairedBraces(_ characters: [Character]) -> Set<Int> {
        var open: [Int] = []
        var paired: Set<Int> = []
        for (index, character) in characters.enumerated() {
            if character == "{" {
                open.append(index)
            } else if character == "}", let start = open.popLast() {
                paired.insert(start)
                paired.insert(index)
            }
        }
        return paired
    }

    /// A line break or a blank line inside a field would end a TeX paragraph mid-reference.
    static func collapsingWhitespace(_ text: String) -> String { text.collapsingWhitespace() }

    /// biblatex's `url` field is verbatim: `%`, `#`, `_` and `~` stay as they are. Only what would break the
    /// entry itself (braces, backslashes, whitespace) is percent-encoded.
    static func url(_ url: String) -> String {
        isPlainASCII(url, allowing: "&%$#_~^-") ? url : encodeURLScalars(url)
    }

    /// `url`, scalar by scalar (what it does for a URL that is not plain ASCII).
    static func encodeURLScalars(_ url: String) -> String {
        var result = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "{": result += "%7B"
            case "}": result += "%7D"
            case "\\": result += "%5C"
            case " ": result += "%20"
            default:
                if scalar.properties.isWhitespace {
                    for byte in String(scalar).utf8 { result += "%" + String(byte, radix: 16, uppercase: true) }
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// biblatex wants babel/polyglossia names in `langid` ("english", "french"). The tags pandoc and biber
    /// both know by name are written that way, because pandoc 2.17 only keeps a title's braces for an English
    /// entry when it can tell the entry is English, and a bare "en" is not enough for it (it re-cases the
    /// title). Other tags are written as they are: biber maps BCP 47 tags to babel names, pandoc passes them
    /// through.
    static func langid(_ tag: String) -> String {
        languageNames[tag.lowercased()] ?? tag
    }

    private static let languageNames: [String: String] = [
        "en": "english", "en-us": "american", "en-gb": "british", "en-ca": "canadian", "en-au": "australian",
        "en-nz": "newzealand", "fr": "french", "fr-ca": "canadien", "de": "ngerman", "de-at": "naustrian",
        "es": "spanish", "pt": "portuguese", "pt-br": "brazilian", "it": "italian", "nl": "dutch",
        "pl": "polish", "ru": "russian", "sv": "swedish", "da": "danish", "nb": "norsk", "nn": "nynorsk",
        "fi": "finnish", "cs": "czech", "el": "greek", "tr": "turkish", "he": "hebrew", "uk": "ukrainian",
        "hu": "hungarian", "ro": "romanian", "ja": "japanese", "vi": "vietnamese",
    ]
}

// MARK: - Shared by the exporters

extension CitationRecord {
    /// What a reference puts in the title position: the title, or for a comment on a forum post the first
    /// words of the comment (APA 7, 10.1), as `APAReference` does.
    var exportTitle: String {
        if isForumComment, let commentExcerpt { return commentExcerpt }
        return title
    }

    /// APA's bracketed description, without the brackets: "Online forum post", or "Comment on the online
    /// forum post <title>"; nil for a webpage, which has none.
    var formDescription: String? {
        switch genre {
        case .webpage: nil
        case .forumPost: isForumComment ? "Comment on the online forum post \(title)" : "Online forum post"
        }
    }

    private var isForumComment: Bool { genre == .forumPost && kind == .answer && commentExcerpt != nil }
}
