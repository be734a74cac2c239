import Foundation
import Synchronization

/// Dates and numbers as a locale writes them (Foundation's formatting: "April 26, 2018", "26 de abril de 2018",
/// "1,204", "1.204"), each distinct value formatted once per build: a site shows few distinct days and counts
/// many times over, and Foundation's formatting costs microseconds a call.
final class LocaleFormats: Sendable {
    let locale: Locale
    private let dateStyle: Date.FormatStyle
    private let numberStyle: IntegerFormatStyle<Int>
    private let dates = Mutex<[Int: String]>([:])
    private let numbers = Mutex<[Int: String]>([:])
    /// The locale's decimal separator, for the one-decimal short totals ("7.9k", "7,9 mil").
    let decimalSeparator: String

    init(locale: Locale) {
        self.locale = locale
        // Content dates are Gregorian calendar days, written without a time zone: shown as that day, in the
        // Gregorian calendar, whatever the locale's default calendar (ar-SA's is the Islamic one).
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.locale = locale
        dateStyle = Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: calendar,
                                     timeZone: TimeZone(identifier: "UTC")!)
        numberStyle = IntegerFormatStyle<Int>(locale: locale)
        decimalSeparator = locale.decimalSeparator ?? "."
    }

    /// The calendar day as written (a timestamp's own day, not shifted by any time zone), in the locale's long
    /// form.
    func date(_ date: ContentDate) -> String {
        if let known = dates.withLock({ $0[date.dayNumber] }) { return known }
        let text = Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400).formatted(dateStyle)
        dates.withLock { $0[date.dayNumber] = text }
        return text
    }

    /// A whole number with the locale's digits and grouping.
    func number(_ value: Int) -> String {
        if let known = numbers.withLock({ $0[value] }) { return known }
        let text = value.formatted(numberStyle)
        numbers.withLock { $0[value] = text }
        return text
    }
}
