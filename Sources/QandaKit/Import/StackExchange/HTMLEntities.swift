/// HTML character references: numeric ones, and the named ones Stack Exchange bodies use. A named entity outside
/// this set is kept as written (Markdown decodes all of HTML's, so the page shows the same character).
enum HTMLEntities {
    enum Decoded {
        case text(String)
        case kept(String)
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "hellip": "\u{2026}", "mdash": "\u{2014}", "ndash": "\u{2013}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "laquo": "\u{AB}", "raquo": "\u{BB}", "bull": "\u{2022}",
        "middot": "\u{B7}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "deg": "\u{B0}",
        "times": "\u{D7}", "divide": "\u{F7}", "plusmn": "\u{B1}", "micro": "\u{B5}", "para": "\u{B6}",
        "sect": "\u{A7}", "euro": "\u{20AC}", "pound": "\u{A3}", "yen": "\u{A5}", "cent": "\u{A2}",
        "larr": "\u{2190}", "rarr": "\u{2192}", "uarr": "\u{2191}", "darr": "\u{2193}", "harr": "\u{2194}",
        "le": "\u{2264}", "ge": "\u{2265}", "ne": "\u{2260}", "infin": "\u{221E}", "shy": "\u{AD}",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
    ]

    /// The reference at `index` (an `&`) and how many bytes it takes; a lone `&` is itself.
    static func decode(_ bytes: [UInt8], at index: Int) -> (Decoded, length: Int) {
        var end = index + 1
        while end < bytes.count && end - index <= 32 && isReferenceByte(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else { return (.text("&"), 1) }
        let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        let length = end - index + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value else { return (.text("&"), 1) }
            // As HTML reads them: NUL and what is no scalar become U+FFFD.
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (.text(String(Character(scalar ?? "\u{FFFD}"))), length)
        }
        if let text = named[name] { return (.text(text), length) }
        return (.kept("&\(name);"), length)
    }

    /// Every reference in `bytes` decoded (an attribute's value); unknown named ones stay as written.
    static func decodeAll(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var text = ""
        var index = 0
        var runStart = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&") else { index += 1; continue }
            text += String(decoding: bytes[runStart..<index], as: UTF8.self)
            let (decoded, length) = decode(bytes, at: index)
            switch decoded {
            case .text(let value), .kept(let value): text += value
            }
            index += length
            runStart = index
        }
        return text + String(decoding: bytes[runStart...], as: UTF8.self)
    }

    private static func isReferenceByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "#")
    }
}
