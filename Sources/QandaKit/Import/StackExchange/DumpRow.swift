import Foundation

/// One `<row .../>` of a Stack Exchange dump file. Its attributes are found when the row is read and decoded only
/// when asked for: the first pass over `Posts.xml` needs a handful of short ones, never the bodies.
package struct DumpRow: Sendable {
    /// The line of its `<`, 1-based.
    package let line: Int
    /// The byte offset of its `<` in the file, and its length up to and including its `>`: enough to read it again.
    package let offset: Int64
    package let length: Int
    private let bytes: [UInt8]
    private let attributes: [Attribute]

    struct Attribute: Sendable {
        var name: Range<Int>
        var value: Range<Int>
        /// Holds an entity or a literal tab or line break, which XML turns into a space.
        var needsDecoding: Bool
    }

    /// A syntax error inside a row, at a byte index of it.
    struct SyntaxError: Error {
        var message: String
        var index: Int
    }

    /// The location of the post in messages: `Posts.xml:1204`.
    package func location(in fileName: String) -> String { "\(fileName):\(line)" }

    /// The attribute's text, entities decoded; nil when the row does not have it.
    package func string(_ name: String) -> String? {
        guard let attribute = find(name) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            let value = UnsafeBufferPointer(rebasing: buffer[attribute.value])
            guard attribute.needsDecoding else { return String(decoding: value, as: UTF8.self) }
            return String(decoding: Self.decode(value), as: UTF8.self)
        }
    }

    /// The attribute as a whole number (`Id`, `Score`); nil when missing or not a number.
    package func int(_ name: String) -> Int? {
        guard let attribute = find(name), !attribute.needsDecoding, !attribute.value.isEmpty else { return nil }
        var value = 0
        var negative = false
        for index in attribute.value {
            let byte = bytes[index]
            if byte == UInt8(ascii: "-") && index == attribute.value.lowerBound && attribute.value.count > 1 { negative = true; continue }
            guard (0x30...0x39).contains(byte) else { return nil }
            let (product, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = product.addingReportingOverflow(Int(byte - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    package func has(_ name: String) -> Bool { find(name) != nil }

    private func find(_ name: String) -> Attribute? {
        var name = name
        return name.withUTF8 { key in
            bytes.withUnsafeBufferPointer { buffer in
                attributes.first { attribute in
                    attribute.name.count == key.count
                        && memcmp(buffer.baseAddress! + attribute.name.lowerBound, key.baseAddress!, key.count) == 0
                }
            }
        }
    }

    // MARK: Reading

    /// Reads the element at `element` (from its `<` to its `>`): `<row`, attributes, `/>` or `>`.
    /// - Returns: the row and whether it closed itself (`/>`); a `>` must be followed by `</row>`.
    static func parse(_ element: UnsafeBufferPointer<UInt8>, line: Int, offset: Int64) throws(SyntaxError) -> (DumpRow, selfClosing: Bool) {
        let count = element.count
        var index = 1
        while index < count && isNameByte(element[index]) { index += 1 }
        guard index == 4, element[1] == UInt8(ascii: "r"), element[2] == UInt8(ascii: "o"), element[3] == UInt8(ascii: "w") else {
            let name = String(decoding: UnsafeBufferPointer(rebasing: element[1..<index]), as: UTF8.self)
            throw SyntaxError(message: "<\(name)> where a <row .../> should be: every row of a dump is a <row> element", index: 0)
        }
        var attributes: [Attribute] = []
        attributes.reserveCapacity(20)
        var selfClosing = false
        while true {
            let beforeSpace = index
            while index < count && isSpace(element[index]) { index += 1 }
            guard index < count else { throw SyntaxError(message: "the row has no closing '>'", index: index) }
            let byte = element[index]
            if byte == UInt8(ascii: "/") {
                guard index + 1 < count, element[index + 1] == UInt8(ascii: ">") else {
                    throw SyntaxError(message: "'/' not followed by '>'", index: index)
                }
                selfClosing = true
                break
            }
            if byte == UInt8(ascii: ">") { break }
            if byte == UInt8(ascii: "<") {
                throw SyntaxError(message: "the row is not closed with '/>' before the next '<'", index: 0)
            }
            guard index > beforeSpace else { throw SyntaxError(message: "attributes must be separated by a space", index: index) }
            let nameStart = index
            while index < count && isNameByte(element[index]) { index += 1 }
            guard index > nameStart else {
                throw SyntaxError(message: "unexpected '\(Character(Unicode.Scalar(byte)))' where an attribute name should be", index: index)
            }
            let nameRange = nameStart..<index
            while index < count && isSpace(element[index]) { index += 1 }
            guard index < count, element[index] == UInt8(ascii: "=") else {
                throw SyntaxError(message: "attribute \(text(element, nameRange)) has no '=' and value", index: index)
            }
            index += 1
            while index < count && isSpace(element[index]) { index += 1 }
            guard index < count, element[index] == UInt8(ascii: "\"") || element[index] == UInt8(ascii: "'") else {
                throw SyntaxError(message: "the value of \(text(element, nameRange)) is not in quotes", index: index)
            }
            let quote = element[index]
            let valueStart = index + 1
            var valueEnd = valueStart
            var needsDecoding = false
            while valueEnd < count && element[valueEnd] != quote {
                // Nearly every byte of a body is above '<' or a space: one comparison lets it through.
                if element[valueEnd] > UInt8(ascii: "<") || element[valueEnd] == 0x20 { valueEnd += 1; continue }
                switch element[valueEnd] {
                case UInt8(ascii: "<"):
                    throw SyntaxError(message: "'<' inside the value of \(text(element, nameRange)) (XML writes it &lt;)", index: valueEnd)
                case UInt8(ascii: "&"):
                    try checkEntity(element, at: valueEnd)
                    needsDecoding = true
                case 0x09, 0x0A, 0x0D:
                    needsDecoding = true
                default: break
                }
                valueEnd += 1
            }
            guard valueEnd < count else { throw SyntaxError(message: "the value of \(text(element, nameRange)) has no closing quote", index: valueStart - 1) }
            for other in attributes where other.name.count == nameRange.count
                && element[other.name].elementsEqual(element[nameRange]) {
                throw SyntaxError(message: "attribute \(text(element, nameRange)) appears twice in one row", index: nameStart)
            }
            attributes.append(Attribute(name: nameRange, value: valueStart..<valueEnd, needsDecoding: needsDecoding))
            index = valueEnd + 1
        }
        let row = DumpRow(line: line, offset: offset, length: count, bytes: Array(element), attributes: attributes)
        return (row, selfClosing)
    }

    private static func text(_ element: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: element[range]), as: UTF8.self)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// XML name characters: ASCII letters, digits, `_ - . :`, and anything beyond ASCII.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"), 0x80...0xFF: true
        default: false
        }
    }

    // MARK: Entities

    /// The entity at `index` (its `&`) is one XML knows: `&lt; &gt; &amp; &quot; &apos;` or a character reference.
    private static func checkEntity(_ element: UnsafeBufferPointer<UInt8>, at index: Int) throws(SyntaxError) {
        guard entity(in: element, at: index) != nil else {
            let end = min(element.count, index + 12)
            let shown = String(decoding: UnsafeBufferPointer(rebasing: element[index..<end]), as: UTF8.self)
            throw SyntaxError(message: "'&' that starts no XML entity (\(shown)...): XML writes a lone & as &amp;", index: index)
        }
    }

    /// The scalar an entity stands for and the index after its `;`.
    private static func entity(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, next: Int)? {
        var end = index + 1
        while end < bytes.count && end - index <= 10 && bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return nil }
        let name = bytes[(index + 1)..<end]
        let scalar: Unicode.Scalar?
        switch String(decoding: UnsafeBufferPointer(rebasing: name), as: UTF8.self) {
        case "lt": scalar = "<"
        case "gt": scalar = ">"
        case "amp": scalar = "&"
        case "quot": scalar = "\""
        case "apos": scalar = "'"
        case let reference where reference.hasPrefix("#x") || reference.hasPrefix("#X"):
            scalar = UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        case let reference where reference.hasPrefix("#"):
            scalar = UInt32(reference.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
        default: scalar = nil
        }
        // NUL cannot be in text; anything else a dump encodes is kept, as a lenient reader should.
        guard let scalar else { return nil }
        return (scalar.value == 0 ? "\u{FFFD}" : scalar, end + 1)
    }

    /// Entities decoded; tabs and line breaks made spaces, as XML reads attribute values (a dump writes a line
    /// break of a body as `&#xA;`, which stays one).
    private static func decode(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(value.count)
        var index = 0
        while index < value.count {
            let byte = value[index]
            switch byte {
            case UInt8(ascii: "&"):
                if let (scalar, next) = entity(in: value, at: index) {
                    output.append(contentsOf: UTF8.encode(scalar)!)
                    index = next
                    continue
                }
                output.append(byte)
            case 0x0D:
                output.append(0x20)
                if index + 1 < value.count && value[index + 1] == 0x0A { index += 1 }
            case 0x09, 0x0A:
                output.append(0x20)
            default:
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}
