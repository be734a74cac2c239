/// A calendar day as a number of days since 1970-01-01: all the date arithmetic the corpus needs, without
/// Foundation's calendars (time zones never enter, and it is fast).
package struct CorpusDay: Sendable, Hashable, Comparable {
    package var number: Int

    package init(number: Int) { self.number = number }

    /// "2026-06-01"; nil unless it is a real calendar day.
    package init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return nil }
        let candidate = CorpusDay(year: year, month: month, day: day)
        guard candidate.components == (year, month, day) else { return nil }   // 2026-02-30 does not round-trip
        self = candidate
    }

    package init(year: Int, month: Int, day: Int) {
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        number = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
    }

    package var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    package var iso: String {
        let (year, month, day) = components
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    package func adding(days: Int) -> CorpusDay { CorpusDay(number: number + days) }

    package static func < (a: CorpusDay, b: CorpusDay) -> Bool { a.number < b.number }
}
