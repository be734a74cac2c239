/// The download formats by name, for the build and for `qanda cite`.
package enum CitationFiles {
    package static func text(of records: [CitationRecord], as format: Routes.CitationFormat) -> String {
        switch format {
        case .bibtex: BibTeXExport.entries(records)
        case .ris: RISExport.records(records)
        case .cslJSON: CSLJSONExport.items(records)
        }
    }
}
