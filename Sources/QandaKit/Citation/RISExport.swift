import Foundation

/// RIS for Zotero, EndNote, Mendeley and reference managers that read it:
///
///     TY  - ELEC
///     AU  - Randle, Kim
///     TI  - Pursuing an ethical post-therapy relationship
///     …
///     ER  - 
///
/// Tags are two characters, two spaces, a hyphen and a space; lines end in CR LF, as the RIS specification
/// asks (Zotero reads bare LF too, but older importers split on CR LF only). A blank line separates records.
///
/// Forum posts are `ELEC` too, with their description in `M3` (type of work) and `N1`. RIS has no forum-post
/// type: Zotero exports its own forum posts as `ICOMM`, which it reads back as an email; `BLOG` becomes a
/// blog post, which APA formats differently (title in plain type, site name in italics). `ELEC` reads back as
/// a web page whose `M3` becomes Zotero's "Website Type", i.e. CSL `genre`, which APA prints in brackets.
package enum RISExport {
    package static func records(_ records: [CitationRecord]) -> String {
        records.map(record).joined(separator: "\r\n")
    }

    package static func record(_ record: CitationRecord) -> String {
        var lines: [(String, String)] = [("TY", "ELEC")]
        lines += record.authors.map { ("AU", name($0)) }
        lines.append(("TI", record.exportTitle))
        // T2 is where Zotero looks for a web page's site name ("Website Title"); PB is the publisher, which
        // EndNote's Web Page type has (Zotero's web pages have none and keep PB as a note).
        lines.append(("T2", record.siteName))
        if let date = record.date {
            lines.append(("PY", String(format: "%04d", date.year)))
            lines.append(("DA", slashed(date)))
        }
        lines.append(("UR", record.url))
        lines.append(("PB", record.siteName))
        if let retrieved = record.retrieved { lines.append(("Y2", slashed(retrieved))) }
        if !record.language.isEmpty { lines.append(("LA", record.language)) }
        if let description = record.formDescription {
            lines.append(("M3", description))
            lines.append(("N1", "[\(description)]"))
        }
        var text = ""
        for (tag, value) in lines {
            let value = singleLine(value)
            if !value.isEmpty { text += "\(tag)  - \(value)\r\n" }
        }
        // The end tag has no value, but keeps the separator's trailing space.
        return text + "ER  - \r\n"
    }

    /// "Family, Given, Suffix" as the specification writes a name; an organization as written, in one piece.
    /// (RIS has no way to quote a comma, so an organization named "Mindwell, Inc." will read back as a person.)
    static func name(_ contributor: CitationRecord.Contributor) -> String {
        switch contributor {
        case .organization(let name), .screenName(let name):
            return name
        case .person(let given, let family, let suffix):
            let given = given?.trimmingCharacters(in: .whitespaces) ?? ""
            let suffix = suffix?.trimmingCharacters(in: .whitespaces) ?? ""
            if !suffix.isEmpty { return "\(family), \(given), \(suffix)" }
            return given.isEmpty ? family : "\(family), \(given)"
        }
    }

    /// "2018/04/26/": year, month, day and an empty "other" part, the RIS date form.
    static func slashed(_ date: ContentDate) -> String {
        String(format: "%04d/%02d/%02d/", date.year, date.month, date.day)
    }

    /// A line break inside a value would start what reads as a new (untagged) line.
    private static func singleLine(_ text: String) -> String {
        text.collapsingWhitespace()  // line breaks are white space too
    }
}
