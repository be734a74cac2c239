import Foundation

/// `qanda reviews`: every published thread with its last review and when the next is due, overdue first — the
/// list an editorial team works through each month.
package struct ReviewReport: Sendable {
    package enum Status: String, Sendable, CaseIterable {
        case overdue, neverReviewed = "never reviewed", dueSoon = "due soon", fine
        var rank: Int { switch self { case .overdue: 0; case .neverReviewed: 1; case .dueSoon: 2; case .fine: 3 } }
        /// As `--status` takes it: `never-reviewed`, `due-soon`.
        package var optionName: String { rawValue.replacingOccurrences(of: " ", with: "-") }
    }

    package struct Row: Sendable {
        package var slug: String
        package var title: String
        package var file: String
        package var lastReviewed: ContentDate?
        package var reviewer: String?
        /// The reviewer's author id, as `reviewed.by` names them.
        package var reviewerID: String?
        package var due: ContentDate?
        package var status: Status
    }

    package var rows: [Row]

    /// When the next review is due and where that leaves the page today: the one rule behind both this report
    /// and `qanda check`'s review findings.
    package static func standing(of review: Review?, every: Int?, today: ContentDate) -> (due: ContentDate?, status: Status) {
        guard let review else { return (nil, .neverReviewed) }
        guard let every else { return (nil, .fine) }
        let due = ContentDate(dayNumber: review.date.dayNumber + every)
        if today.dayNumber > due.dayNumber { return (due, .overdue) }
        if due.dayNumber - today.dayNumber <= ReviewRules.dueSoonDays { return (due, .dueSoon) }
        return (due, .fine)
    }

    package init(site: Site, today: ContentDate) {
        let every = site.config.reviewEveryDays
        rows = site.threads.map { thread in
            let review = thread.question.review
            let (due, status) = Self.standing(of: review, every: every, today: today)
            return Row(slug: thread.slug, title: thread.title, file: thread.question.source.file, lastReviewed: review?.date,
                       reviewer: review.map { site.author($0.reviewerID)?.name ?? $0.reviewerID }, reviewerID: review?.reviewerID,
                       due: due, status: status)
        }.sorted { a, b in
            if a.status.rank != b.status.rank { return a.status.rank < b.status.rank }
            let x = a.due?.dayNumber ?? Int.max, y = b.due?.dayNumber ?? Int.max
            return x != y ? x < y : a.slug < b.slug
        }
    }

    /// The rows a review board asks for: those last reviewed by `reviewerID` (when given) whose status is one of
    /// `statuses` (when any are given). Both together narrow to both.
    package func filtered(reviewerID: String?, statuses: Set<Status>) -> ReviewReport {
        var report = self
        report.rows = rows.filter { row in
            (reviewerID == nil || row.reviewerID == reviewerID) && (statuses.isEmpty || statuses.contains(row.status))
        }
        return report
    }

    static let columns = ["status", "due", "last_reviewed", "reviewer", "slug", "title", "file"]

    private func fields(_ row: Row) -> [String] {
        [row.status.rawValue, row.due?.isoDay ?? "", row.lastReviewed?.isoDay ?? "", row.reviewer ?? "", row.slug, row.title, row.file]
    }

    /// An aligned table for people.
    package var text: String {
        let shown = [["STATUS", "DUE", "LAST REVIEWED", "REVIEWER", "SLUG"]] + rows.map { Array(fields($0).prefix(5)) }
        let widths = (0..<5).map { column in shown.map { $0[column].count }.max() ?? 0 }
        var lines = shown.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        let counts = Dictionary(grouping: rows, by: \.status).mapValues(\.count)
        lines.append("")
        lines.append([Status.overdue, .neverReviewed, .dueSoon, .fine].map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header line.
    package var csv: String {
        ([Self.columns] + rows.map(fields)).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    package var json: String {
        JSONText.serialize(rows.map { row -> [String: Any] in
            Dictionary(uniqueKeysWithValues: zip(Self.columns, fields(row)).map { ($0, $1.isEmpty ? NullValue() as Any : $1 as Any) })
        }) + "\n"
    }

    private static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
