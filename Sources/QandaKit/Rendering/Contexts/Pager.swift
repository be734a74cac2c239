/// Page links for a paged list: previous and next, the first and last pages and those near the current one,
/// with a gap between (every number on every page would make 5,000 pages quadratic).
struct Pager: TemplateObject {
    var current: Int
    var total: Int
    var previousLabel: String
    var nextLabel: String
    var previousURL: String?
    var nextURL: String?
    var pages: [Link]

    enum Name: String, CaseIterable {
        case current, total, previous_label, next_label, previous_url, next_url, pages
    }

    func value(of name: Name) -> Any {
        switch name {
        case .current: current
        case .total: total
        case .previous_label: previousLabel
        case .next_label: nextLabel
        case .previous_url: previousURL.orAbsent
        case .next_url: nextURL.orAbsent
        case .pages: pages
        }
    }

    static var parts: [any TemplateObject.Type] { [Link.self] }

    /// A page number, or the gap where numbers are left out (`number` and `url` absent).
    struct Link: TemplateObject {
        var number: Int?
        var url: String?
        var isCurrent: Bool

        var isGap: Bool { number == nil }

        enum Name: String, CaseIterable { case is_gap, number, url, is_current }

        func value(of name: Name) -> Any {
            switch name {
            case .is_gap: isGap
            case .number: number.orAbsent
            case .url: url.orAbsent
            case .is_current: isCurrent
            }
        }
    }
}
