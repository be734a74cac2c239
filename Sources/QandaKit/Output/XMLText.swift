import Foundation

/// Text and dates for the XML files Qanda writes itself (feeds, sitemaps).
enum XMLText {
    /// Escapes `& < > " '` for element content and attribute values (either quote), and drops the characters
    /// XML 1.0 does not allow at all (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF), which would make
    /// the whole document unreadable to a strict parser.
    static func escape(_ text: String) -> String { HTML.escape(text, apostrophe: "&apos;", keeping: isAllowed) }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// RFC 3339 (as Atom requires): a calendar day becomes `YYYY-MM-DDT00:00:00Z`; a timestamp keeps its clock and
    /// offset as written, normalized to `±HH:MM` or `Z`.
    static func rfc3339(_ date: ContentDate) -> String {
        guard date.instant != nil else { return date.isoDay + "T00:00:00Z" }
        return normalizedTimestamp(date.text) ?? utcTimestamp(date)
    }

    /// W3C Datetime (sitemaps): the day as written for a calendar day, RFC 3339 for a timestamp.
    static func w3cDatetime(_ date: ContentDate) -> String {
        guard date.instant != nil else { return date.isoDay }
        return normalizedTimestamp(date.text) ?? utcTimestamp(date)
    }

    /// `2018-04-26T09:30:00-0500` -> `2018-04-26T09:30:00-05:00`; nil when the text is not of that shape.
    private static func normalizedTimestamp(_ text: String) -> String? {
        let utf8 = Array(text.utf8)
        guard utf8.count > 19, utf8[10] == UInt8(ascii: "T") else { return nil }
        var index = 19
        if utf8[index] == UInt8(ascii: ".") {
            index += 1
            let digitsStart = index
            while index < utf8.count, isDigit(utf8[index]) { index += 1 }
            guard index > digitsStart else { return nil }
        }
        let head = String(decoding: utf8[0..<index], as: UTF8.self)
        let zone = Array(utf8[index...])
        if zone == [UInt8(ascii: "Z")] || zone == [UInt8(ascii: "z")] { return head + "Z" }
        guard let sign = zone.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let rest = zone.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard rest.allSatisfy(isDigit), rest.count == 2 || rest.count == 4 else { return nil }
        let digits = String(decoding: rest, as: UTF8.self)
        let hours = digits.prefix(2), minutes = rest.count == 4 ? digits.suffix(2) : "00"
        // The colon, where written, must sit between hours and minutes.
        if zone.count == 6 && zone[3] != UInt8(ascii: ":") { return nil }
        if zone.count != 3 && zone.count != 5 && zone.count != 6 { return nil }
        return head + String(UnicodeScalar(sign)) + hours + ":" + minutes
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func utcTimestamp(_ date: ContentDate) -> String {
        date.instant!.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }

    /// The later of two content dates by the content order (calendar day, then instant); dates the order cannot
    /// tell apart (a day and a timestamp on that day) go by instant, then by text, so the result never depends on
    /// the order of the arguments.
    static func isLater(_ a: ContentDate, than b: ContentDate) -> Bool {
        if b < a { return true }
        if a < b { return false }
        if a.sortKey != b.sortKey { return a.sortKey > b.sortKey }
        return a.text > b.text
    }

    static func latest<S: Sequence>(_ dates: S) -> ContentDate? where S.Element == ContentDate {
        var result: ContentDate?
        for date in dates where result == nil || isLater(date, than: result!) { result = date }
        return result
    }
}
