/// References in APA Style (7th edition), for a webpage, an online forum post, and a comment on one:
///
///     Randle, K. (2018, April 26). *Pursuing an ethical post-therapy relationship*. Mindwell. https://…
///     checkout_lane_7. (2018, July 22). *Why do I …?* [Online forum post]. Mindwell. https://…
///     *Why do I …?* [Online forum post]. (2018, July 22). Mindwell. https://…   (a post nobody signed)
///     Pelletier, J. (2018, July 22). *Yes, and I'm so glad …* [Comment on the online forum post Why do I …?]. Mindwell. https://…
package enum APAReference {
    package static func plain(_ record: CitationRecord) -> String {
        render(record, italic: { $0 }, text: { $0 }, link: { $0 })
    }

    /// The same reference as HTML: `<i>` around the italic part, every piece escaped, the URL a link.
    package static func html(_ record: CitationRecord) -> String {
        render(record, italic: { "<i>\($0)</i>" }, text: HTML.escape, link: { "<a href=\"\(HTML.escape($0))\">\(HTML.escape($0))</a>" })
    }

    private static func render(_ record: CitationRecord, italic: (String) -> String, text: (String) -> String,
                               link: (String) -> String) -> String {
        var parts: [String] = []
        if record.authors.isEmpty {
            // No author: the title moves to the author position, before the date.
            parts.append(titleElement(record, italic: italic, text: text))
            parts.append(text("(\(dateText(record.date)))."))
        } else {
            parts.append(text(withFinalPeriod(authorList(record.authors))))
            parts.append(text("(\(dateText(record.date)))."))
            parts.append(titleElement(record, italic: italic, text: text))
        }
        if record.showsSiteName { parts.append(text(withFinalPeriod(record.siteName))) }
        if let retrieved = record.retrieved {
            parts.append(text("Retrieved \(retrieved.englishLongText), from ") + link(record.url))
        } else {
            parts.append(link(record.url))
        }
        return parts.joined(separator: " ")
    }

    /// "*Title*." — or, when the title ends in ? or !, that mark instead of the period; forum posts and comments
    /// carry their description in square brackets after the title.
    private static func titleElement(_ record: CitationRecord, italic: (String) -> String, text: (String) -> String) -> String {
        switch (record.genre, record.kind, record.commentExcerpt) {
        case (.forumPost, .answer, let excerpt?):
            return italic(text(excerpt)) + text(" [Comment on the online forum post \(record.title)].")
        case (.forumPost, _, _):
            return italic(text(record.title)) + text(" [Online forum post].")
        case (.webpage, _, _):
            let title = record.title
            return endsWithMark(title) ? italic(text(title)) : italic(text(title)) + "."
        }
    }

    // MARK: Authors

    /// One to twenty authors are all listed, the last after "&"; from twenty-one on, the first nineteen, an
    /// ellipsis, and the last.
    package static func authorList(_ authors: [CitationRecord.Contributor]) -> String {
        let names = authors.map(name)
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return "\(names[0]), & \(names[1])"
        case 3...20: return names.dropLast().joined(separator: ", ") + ", & " + names.last!
        default: return names.prefix(19).joined(separator: ", ") + ", . . . " + names.last!
        }
    }

    /// "Randle, K.", "Dubois, M.-C.", "van der Berg, A.", "Okafor, T., Jr.", organizations and screen names as written.
    package static func name(_ contributor: CitationRecord.Contributor) -> String {
        switch contributor {
        case .organization(let name), .screenName(let name):
            return name
        case .person(let given, let family, let suffix):
            var result = family
            if let given, !initials(given).isEmpty { result += ", " + initials(given) }
            if let suffix, !suffix.isEmpty { result += ", " + suffix }
            return result
        }
    }

    /// "Mary Ann" -> "M. A."; "Marie-Claire" -> "M.-C."; "J.R.R." -> "J. R. R."; "Łukasz" -> "Ł.".
    package static func initials(_ given: String) -> String {
        given.split(whereSeparator: { $0 == " " || $0 == "." }).map { word in
            word.split(separator: "-", omittingEmptySubsequences: true).compactMap { part in
                part.first(where: \.isLetter).map { "\(String($0).uppercased())." }
            }.joined(separator: "-")
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    // MARK: Pieces

    static func dateText(_ date: ContentDate?) -> String {
        guard let date else { return "n.d." }
        return "\(date.year), \(ContentDate.monthNames[date.month - 1]) \(date.day)"
    }

    private static func endsWithMark(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return last == "?" || last == "!" || last == "."
    }

    private static func withFinalPeriod(_ text: String) -> String {
        endsWithMark(text) ? text : text + "."
    }
}
