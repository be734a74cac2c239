import Foundation

/// A date as editors write it: a calendar day (`2018-04-26`) or a timestamp with an offset
/// (`2018-04-26T09:30:00-05:00`). Keeps what was written, so a day is never shifted by a time zone.
package struct ContentDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    package init(year: Int, month: Int, day: Int, instant: Date?, text: String) {
        self.year = year
        self.month = month
        self.day = day
        self.instant = instant
        self.text = text
    }

    package var year: Int
    package var month: Int
    package var day: Int
    /// The instant, for timestamps; nil for a plain calendar day.
    package var instant: Date?
    /// The text as written, used in machine-readable output (`datetime` attributes, feeds).
    package var text: String

    /// Orders by the written calendar day, then by time where both have one, so `updated: 2018-04-26` is
    /// never "before" `date: 2018-04-26T09:30:00-05:00`.
    package static func < (a: ContentDate, b: ContentDate) -> Bool {
        if (a.year, a.month, a.day) != (b.year, b.month, b.day) { return (a.year, a.month, a.day) < (b.year, b.month, b.day) }
        if let x = a.instant, let y = b.instant { return x < y }
        return false
    }

    package static func == (a: ContentDate, b: ContentDate) -> Bool { a.text == b.text }
    package func hash(into hasher: inout Hasher) { hasher.combine(text) }

    package var description: String { text }

    /// `2018-04-26`, the day as written.
    package var isoDay: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// Days since 1970-01-01 of the written calendar day: for age arithmetic (review intervals) and sorting.
    package var dayNumber: Int {
        // Days from civil (Howard Hinnant's algorithm), exact for the proleptic Gregorian calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// A sortable key across days and timestamps: seconds, with plain days at 00:00 UTC.
    package var sortKey: Double { instant?.timeIntervalSince1970 ?? Double(dayNumber) * 86_400 }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// "April 26, 2018": APA's English form, which references keep on a site in any language (the "Retrieved …
    /// from" of `citation.retrieved`). Pages show dates in the site's language instead (`Localization.date`).
    package var englishLongText: String { "\(Self.monthNames[month - 1]) \(day), \(year)" }
}

extension ContentDate {
    /// Parses the two forms of the content contract. Impossible days (2018-02-30) are rejected, not rolled over.
    package static func parse(_ text: String) -> ContentDate? {
        // Foundation's trimming and calendar cost 3% of `qanda check`; written dates rarely need either.
        let isPlain = { (byte: UInt8?) in byte.map { $0 > 0x20 && $0 < 0x80 } ?? false }
        let trimmed = isPlain(text.utf8.first) && isPlain(text.utf8.last) ? text : text.trimmingCharacters(in: .whitespaces)
        let utf8 = Array(trimmed.utf8)
        guard utf8.count >= 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              let year = Int(String(decoding: utf8[0..<4], as: UTF8.self)),
              let month = Int(String(decoding: utf8[5..<7], as: UTF8.self)),
              let day = Int(String(decoding: utf8[8..<10], as: UTF8.self)),
              utf8[0..<10].allSatisfy({ $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) })
        else { return nil }
        guard (1...12).contains(month), isValidDay(year: year, month: month, day: day) else { return nil }
        if utf8.count == 10 {
            return ContentDate(year: year, month: month, day: day, instant: nil, text: trimmed)
        }
        // Foundation's ISO 8601 parser reads the timestamp; we only insist that it has an offset.
        let rest = utf8[10...]
        guard rest.first == UInt8(ascii: "T") || rest.first == UInt8(ascii: " ") else { return nil }
        // Foundation rolls 25:00 or 09:60 over into a later time; the clock must be a real one (HH:MM:SS).
        func clockField(_ range: Range<Int>, below limit: Int) -> Bool {
            utf8.count >= range.upperBound && utf8[range].allSatisfy { (0x30...0x39).contains($0) }
                && Int(String(decoding: utf8[range], as: UTF8.self))! < limit
        }
        guard clockField(11..<13, below: 24), clockField(14..<16, below: 60), clockField(17..<19, below: 60),
              utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":") else { return nil }
        let normalized = trimmed.replacingOccurrences(of: " ", with: "T")
        guard let instant = timestampParser.parse(normalized) else { return nil }
        return ContentDate(year: year, month: month, day: day, instant: instant, text: normalized)
    }

    /// From 1600 on the Gregorian rule alone; earlier, Foundation's calendar (it switches to Julian in 1582).
    static func isValidDay(year: Int, month: Int, day: Int) -> Bool {
        guard year < 1600 else {
            let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let length = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            return (1...length).contains(day)
        }
        var components = DateComponents(calendar: gregorianUTC, year: year, month: month, day: day)
        components.timeZone = gregorianUTC.timeZone
        return components.isValidDate
    }

    private static let gregorianUTC: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static let timestampParser = TimestampParser()
}

/// Foundation's ISO 8601 parsing, with and without fractional seconds.
private struct TimestampParser: Sendable {
    let plain = Date.ISO8601FormatStyle(includingFractionalSeconds: false)
    let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    func parse(_ text: String) -> Date? {
        (try? plain.parse(text)) ?? (try? fractional.parse(text))
    }
}

extension ContentDate {
    /// The calendar day of `now` in UTC.
    package static func today(_ now: Date) -> ContentDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        let text = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        return ContentDate(year: parts.year!, month: parts.month!, day: parts.day!, instant: nil, text: text)
    }
}
