import Foundation

/// CSL-JSON, the input of citeproc-js (Zotero, Mendeley) and pandoc's citeproc: an array of items with sorted
/// keys, pretty-printed, so the same records always give the same bytes.
///
/// Types are CSL 1.0.2's: `webpage`, and `post` ("a post on an online forum") for forum posts and comments
/// on them, with APA's description in `genre`, which APA's CSL style prints in brackets.
///
/// A family name with particles ("van der Berg") is written whole in `family`, as the record has it, and not
/// split into `non-dropping-particle`: CSL processors parse lowercase particles out of `family` themselves
/// (pandoc reads it back as non-dropping "van der" + "Berg", exactly as if we had split it; citeproc-js does
/// the same), and importers without particle fields (Zotero) keep the name whole instead of dropping the
/// particle. A capitalized "Van der Berg" stays one family name either way.
package enum CSLJSONExport {
    package static func items(_ records: [CitationRecord]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        let data = try! encoder.encode(records.map(Item.init))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Item: Encodable {
        var id: String
        var type: String
        var title: String
        var author: [Name]?
        var issued: DateParts?
        var accessed: DateParts?
        var url: String
        var containerTitle: String
        var publisher: String
        var language: String?
        var genre: String?

        enum CodingKeys: String, CodingKey {
            case id, type, title, author, issued, accessed, publisher, language, genre
            case url = "URL"
            case containerTitle = "container-title"
        }

        init(_ record: CitationRecord) {
            id = record.key
            type = record.genre == .forumPost ? "post" : "webpage"
            title = record.exportTitle
            author = record.authors.isEmpty ? nil : record.authors.map(Name.init)
            issued = record.date.map(DateParts.init)
            accessed = record.retrieved.map(DateParts.init)
            url = record.url
            // The site is both: `container-title` is where APA's style looks for a web page's site name,
            // `publisher` where other styles (and importers) do.
            containerTitle = record.siteName
            publisher = record.siteName
            language = record.language.isEmpty ? nil : record.language
            genre = record.formDescription
        }
    }

    private struct Name: Encodable {
        var family: String?
        var given: String?
        var suffix: String?
        /// An organization or a screen name: printed as written, never inverted or initialized.
        var literal: String?

        init(_ contributor: CitationRecord.Contributor) {
            switch contributor {
            case .organization(let name), .screenName(let name):
                literal = name
            case .person(let given, let family, let suffix):
                self.family = family
                self.given = given.flatMap { $0.isEmpty ? nil : $0 }
                self.suffix = suffix.flatMap { $0.isEmpty ? nil : $0 }
            }
        }
    }

    private struct DateParts: Encodable {
        var dateParts: [[Int]]
        enum CodingKeys: String, CodingKey { case dateParts = "date-parts" }
        init(_ date: ContentDate) { dateParts = [[date.year, date.month, date.day]] }
    }
}
