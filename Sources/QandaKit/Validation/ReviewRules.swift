/// Review policy (qanda.yml `review`): every published page reviewed, and again within `every_days`.
package enum ReviewRules {
    /// A review due within this many days is a warning, so editors have a month to plan it.
    package static let dueSoonDays = 30

    package static func diagnostics(site: Site, today: ContentDate) -> [Diagnostic] {
        let config = site.config
        var diagnostics: [Diagnostic] = []
        for thread in site.threads {
            let question = thread.question
            guard let review = question.review else {
                if config.reviewRequired {
                    diagnostics.append(Diagnostic(.missingReview, at: question.location(of: "title"),
                                                  message: "this page has no review, and qanda.yml says review.required",
                                                  hint: "add `reviewed: {by: <reviewer id>, date: YYYY-MM-DD}` once it is reviewed, or `draft: true` until then"))
                }
                continue
            }
            let (due, status) = ReviewReport.standing(of: review, every: config.reviewEveryDays, today: today)
            guard let due else { continue }
            let location = question.location(of: "reviewed.date")  // the day to change, not the first line of the block
            let days = abs(today.dayNumber - due.dayNumber)
            switch status {
            case .overdue:
                diagnostics.append(Diagnostic(.reviewOverdue, at: location,
                                              message: "review overdue: last reviewed \(review.date.isoDay), due \(due.isoDay) (\(Plural.text(days, "day")) ago)",
                                              hint: "review the page, then update `reviewed.date` (and `reviewed.by`)"))
            case .dueSoon:
                diagnostics.append(Diagnostic(.reviewDueSoon, .warning, at: location,
                                              message: "review due \(due.isoDay) (in \(Plural.text(days, "day")))",
                                              hint: "plan the review; `qanda reviews` lists every page by due date"))
            case .fine, .neverReviewed:
                break
            }
        }
        return diagnostics
    }
}

extension ContentDate {
    /// The calendar day `dayNumber` days after 1970-01-01 (civil-from-days, the inverse of `dayNumber`).
    init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day, instant: nil,
                  text: "\(year)-\(String(month).leftPadded(to: 2))-\(String(day).leftPadded(to: 2))")
    }
}
