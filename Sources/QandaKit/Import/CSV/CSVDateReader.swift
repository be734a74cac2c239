import Foundation

/// Dates of a CSV column as the map describes them: ISO 8601 as the content format writes them (the default), a
/// DateFormatter pattern (`MM/dd/yyyy`, `yyyy-MM-dd HH:mm:ss`) in a time zone, or `unix` seconds. The result is
/// what a content file says: a calendar day, or a timestamp with its offset when the column has times.
package struct CSVDateReader {
    private let formatter: DateFormatter?
    private let isUnix: Bool
    private let hasTime: Bool
    private let timeZone: TimeZone

    package init(field: CSVMap.Field) {
        timeZone = field.timeZone ?? TimeZone(identifier: "UTC")!
        isUnix = field.dateFormat == "unix"
        if let pattern = field.dateFormat, !isUnix {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.timeZone = timeZone
            formatter.dateFormat = pattern
            formatter.isLenient = false
            self.formatter = formatter
            // Letters of the pattern outside quotes that stand for a time of day.
            var quoted = false
            hasTime = pattern.contains { character in
                if character == "'" { quoted.toggle() }
                return !quoted && "HhKkmsSa".contains(character)
            }
        } else {
            formatter = nil
            hasTime = isUnix
        }
    }

    /// The date, or nil when the text does not have the form.
    package func date(_ text: String) -> ContentDate? {
        let text = text.trimmingWhitespace()
        guard let formatter else {
            if isUnix, let seconds = Double(text), seconds.isFinite { return content(Date(timeIntervalSince1970: seconds)) }
            return isUnix ? nil : ContentDate.parse(text)
        }
        return formatter.date(from: text).flatMap(content)
    }

    private func content(_ date: Date) -> ContentDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        let dayText = String(format: "%04d-%02d-%02d", year, month, day)
        guard hasTime, let hour = parts.hour, let minute = parts.minute, let second = parts.second else { return ContentDate.parse(dayText) }
        let offset = timeZone.secondsFromGMT(for: date)
        let zone = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", abs(offset) / 3600, abs(offset) % 3600 / 60)
        return ContentDate.parse(dayText + String(format: "T%02d:%02d:%02d", hour, minute, second) + zone)
    }

    /// How the map says to write dates, for messages.
    package static func describe(_ field: CSVMap.Field) -> String {
        switch field.dateFormat {
        case nil: "YYYY-MM-DD, or a timestamp with an offset such as 2018-04-26T09:30:00-05:00"
        case "unix"?: "seconds since 1970 (unix)"
        case let pattern?: "the map's format '\(pattern)'"
        }
    }
}
